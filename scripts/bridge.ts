// Starts the engine with the loopback HTTP bridge: used by the end-to-end tests and by
// `npm start` on machines without the Electron binary. Prints PADAN_BRIDGE_URL=... when ready.
import { setTimeout as sleep } from 'node:timers/promises';
import { parseArgs } from 'node:util';
import { join, resolve } from 'node:path';
import { startBridge } from '../electron/bridge/server.ts';
import { openRuntime } from '../electron/runtime/index.ts';
import { resolveCliKey } from '../electron/store/key.ts';

const { values } = parseArgs({
  options: {
    'data-dir': { type: 'string' },
    port: { type: 'string', default: '0' },
    'renderer-dir': { type: 'string' },
    // First start of the app: open the configured registry now, which creates the demo
    // registry when none exists yet, instead of at the first matching.
    'prepare-registry': { type: 'boolean', default: false },
  },
});

const dataDir = resolve(values['data-dir'] ?? process.env.PADAN_DATA_DIR ?? 'padan-data');
const rendererDir = resolve(values['renderer-dir'] ?? join(import.meta.dirname, '..', 'out', 'renderer'));
let emit: (event: string, payload: unknown) => void = () => {};

// Slow motion for end-to-end tests, never set by the app or `npm start`:
// PADAN_TEST_LOOKUP_DELAY_MS waits that long before every registry lookup (one per chunk of
// 1000 rows), so a spec can watch the progress bar and cancel mid-run on a small demo registry;
// PADAN_TEST_QUEUE_DELAY_MS sets the queue's first retry (doubling, capped at 4x) instead of
// 5 s doubling to 5 min, so a spec sees a queued batch resume by itself within seconds.
const envMs = (name: string): number | undefined => {
  const n = Number(process.env[name]);
  return Number.isInteger(n) && n > 0 ? n : undefined;
};
const lookupDelay = envMs('PADAN_TEST_LOOKUP_DELAY_MS');
const queueDelay = envMs('PADAN_TEST_QUEUE_DELAY_MS');
const testHooks: NonNullable<Parameters<typeof openRuntime>[0]['testHooks']> = {
  ...(lookupDelay
    ? {
        wrapRegistry: (r) => {
          const lookup = r.lookup.bind(r);
          r.lookup = async (niks, signal) => {
            await sleep(lookupDelay, undefined, signal ? { signal } : {});
            return lookup(niks, signal);
          };
          return r;
        },
      }
    : {}),
  ...(queueDelay ? { queueDelays: { baseDelayMs: queueDelay, maxDelayMs: queueDelay * 4 } } : {}),
};
const runtime = openRuntime({
  host: 'bridge',
  dataDir,
  key: resolveCliKey(dataDir),
  keyProtection: process.env.PADAN_DB_KEY ? 'env' : 'key_file',
  onEvent: (event, payload) => emit(event, payload),
  testHooks,
});
const bridge = await startBridge({ dispatch: runtime.dispatch, ctx: runtime.ctx, rendererDir, port: Number(values.port) });
emit = bridge.emit;
console.log(`PADAN_BRIDGE_URL=${bridge.url}`);
if (values['prepare-registry']) {
  runtime.ctx
    .registry()
    .then((r) => console.log(`Registri siap: ${r.label}`))
    .catch((e: Error) => console.error(`Registri belum dapat dibuka: ${e.message}`));
}

const stop = async () => {
  await bridge.close();
  await runtime.close();
  process.exit(0);
};
process.on('SIGINT', () => void stop());
process.on('SIGTERM', () => void stop());
