import { mkdirSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EventMap, EventName } from '../../shared/api/events.ts';
import type { Registry } from '../registry/types.ts';
import type { AppContext } from './context.ts';

export interface ContextOptions {
  host: AppContext['host'];
  dataDir: string;
  db: Database;
  keyProtection: AppContext['keyProtection'];
  /** Opens the registry configured in settings (injected so tests can pass a fake). */
  openRegistry: (db: Database, dataDir: string) => Promise<Registry>;
  chooseSavePath?: (suggestedName: string) => Promise<string | null>;
  renderPdf?: (html: string, outPath: string) => Promise<void>;
  onEvent?: <E extends EventName>(event: E, payload: EventMap[E]) => void;
}

export function createAppContext(opts: ContextOptions): AppContext {
  let registry: Promise<Registry> | null = null;
  const ctx: AppContext = {
    host: opts.host,
    dataDir: opts.dataDir,
    db: opts.db,
    keyProtection: opts.keyProtection,
    session: null,
    tasks: new Map(),
    emit: (event, payload) => opts.onEvent?.(event, payload),
    chooseSavePath:
      opts.chooseSavePath ??
      (async (name) => {
        const dir = join(opts.dataDir, 'ekspor');
        mkdirSync(dir, { recursive: true });
        return join(dir, basename(name));
      }),
    renderPdf: opts.renderPdf,
    registry: () => {
      // A failed open is not cached: the next call tries again (the LAN may be back).
      registry ??= opts.openRegistry(opts.db, opts.dataDir).catch((err: unknown) => {
        registry = null;
        throw err;
      });
      return registry;
    },
    resetRegistry: async () => {
      const r = registry;
      registry = null;
      if (r) await (await r.catch(() => null))?.close();
    },
  };
  return ctx;
}
