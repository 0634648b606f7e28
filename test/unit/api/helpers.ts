// A fresh store behind the real dispatcher, signed in as an administrator, with a registry
// the test chooses (a fake, or one that refuses).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AppContext } from '../../../electron/api/context.ts';
import { createAppContext } from '../../../electron/api/create-context.ts';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import type { Registry } from '../../../electron/registry/types.ts';
import { openStoreDb } from '../../../electron/store/open.ts';

export function apiSetup(openRegistry: () => Promise<Registry> = () => Promise.reject(new Error('no registry'))) {
  const dir = mkdtempSync(join(tmpdir(), 'padan-api-'));
  const db = openStoreDb({ path: join(dir, 'padan.db'), key: 'k' });
  // The ids the match tests' insertBatch uses.
  db.prepare(`INSERT INTO agencies (id, name, code, created_at) VALUES (901, 'Uji Dinas A', 'UJI_A', '2025-01-01'), (902, 'Uji Dinas B', 'UJI_B', '2025-01-01')`).run();
  db.prepare(`INSERT INTO programs (id, name, code, agency_id, created_at) VALUES (901, 'Uji Program A', 'UJI_PA', 901, '2025-01-01'), (902, 'Uji Program B', 'UJI_PB', 902, '2025-01-01')`).run();
  const events: { event: string; payload: unknown }[] = [];
  const ctx: AppContext = createAppContext({
    host: 'bridge', dataDir: dir, db, keyProtection: 'env', openRegistry,
    onEvent: (event, payload) => events.push({ event, payload }),
  });
  ctx.session = { operator: 'admin', displayName: 'Admin', role: 'ADMIN', signedInAt: '', lastActivityAt: Date.now() };
  const dispatch = createDispatch(handlers, ctx, () => {});
  const call = async <T = unknown>(channel: string, args: unknown = {}): Promise<T> => {
    const r = await dispatch(channel, args);
    if (!r.ok) throw Object.assign(new Error(r.error.message), { code: r.error.code });
    return r.value as T;
  };
  return { dir, db, ctx, dispatch, call, events };
}

export function auditActions(db: ReturnType<typeof apiSetup>['db']): { action: string; detail: string }[] {
  return db.prepare('SELECT action, detail FROM audit_log ORDER BY id').all() as { action: string; detail: string }[];
}
