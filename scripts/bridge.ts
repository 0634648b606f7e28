// Starts the engine with the loopback HTTP bridge: used by the end-to-end tests and by
// `npm start` on machines without the Electron binary. Prints PADAN_BRIDGE_URL=... when ready.
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
const runtime = openRuntime({
  host: 'bridge',
  dataDir,
  key: resolveCliKey(dataDir),
  keyProtection: process.env.PADAN_DB_KEY ? 'env' : 'key_file',
  onEvent: (event, payload) => emit(event, payload),
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
