// One way to bring the engine up, shared by the Electron main process, the CLI and the
// test bridge: open the encrypted store, build the context, bind the handler table.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { EventMap, EventName } from '../../shared/api/events.ts';
import { createAppContext } from '../api/create-context.ts';
import { createDispatch, handlers, type AppContext, type Dispatch } from '../api/index.ts';
import { checkIdle } from '../auth/session.ts';
import { acquireStoreLock } from '../auth/store-lock.ts';
import { removeLegacyStaging, unstageAll } from '../api/batch-staging.ts';
import { openStoreDb } from '../store/open.ts';
import type { Registry } from '../registry/types.ts';
import { matchService, type MatchQueueDelays } from './match-service.ts';
import { bindSecretBox, openConfiguredRegistry, plainBox, type SecretBox } from './registry-config.ts';

export const STORE_FILE = 'padan.db';

export interface RuntimeOptions {
  host: AppContext['host'];
  dataDir: string;
  key: string;
  keyProtection: AppContext['keyProtection'];
  secretBox?: SecretBox;
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  renderPdf?: (html: string, outPath: string) => Promise<void>;
  onEvent?: <E extends EventName>(event: E, payload: EventMap[E]) => void;
  /** Test bridge only: slow motion for end-to-end tests (scripts/bridge.ts, PADAN_TEST_*). */
  testHooks?: { wrapRegistry?: (r: Registry) => Registry; queueDelays?: MatchQueueDelays };
}

export interface Runtime {
  ctx: AppContext;
  dispatch: Dispatch;
  close(): Promise<void>;
}

export function openRuntime(opts: RuntimeOptions): Runtime {
  // One process per store: a second app instance or a CLI run is refused while we hold it.
  mkdirSync(opts.dataDir, { recursive: true });
  const lock = acquireStoreLock(opts.dataDir);
  // The import wizard's files are held in memory only; earlier versions staged them as plain
  // copies in <dataDir>/staging, and a leftover folder would be agencies' data outside the store.
  removeLegacyStaging(opts.dataDir);
  let db;
  try {
    db = openStoreDb({ path: join(opts.dataDir, STORE_FILE), key: opts.key });
  } catch (err) {
    lock.release();
    throw err;
  }
  const box = opts.secretBox ?? plainBox;
  const ctx = createAppContext({
    host: opts.host,
    dataDir: opts.dataDir,
    db,
    keyProtection: opts.keyProtection,
    openRegistry: async (d, dir) => {
      const r = await openConfiguredRegistry(d, dir, box);
      return opts.testHooks?.wrapRegistry?.(r) ?? r;
    },
    onEvent: opts.onEvent,
    ...(opts.chooseSavePath ? { chooseSavePath: opts.chooseSavePath } : {}),
    ...(opts.renderPdf ? { renderPdf: opts.renderPdf } : {}),
  });
  bindSecretBox(ctx, box);
  // The app and the bridge resume batches a crash left MATCHING; the CLI resumes on request.
  if (opts.host !== 'cli') matchService(ctx, opts.testHooks?.queueDelays);
  const dispatch = createDispatch(handlers, ctx);
  // The session locks itself after the configured idle time (UU 27/2022: access control).
  const idleTimer = setInterval(() => checkIdle(ctx), 15_000);
  idleTimer.unref();
  return {
    ctx,
    dispatch,
    close: async () => {
      clearInterval(idleTimer);
      unstageAll(opts.dataDir);
      for (const task of ctx.tasks.values()) task.abort();
      await ctx.resetRegistry();
      db.close();
      lock.release();
    },
  };
}
