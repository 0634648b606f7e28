import type { Database } from 'better-sqlite3-multiple-ciphers';

type RefreshStats = (db: Database, batchId: number) => unknown;
let loaded: Promise<RefreshStats | null> | null = null;

/**
 * electron/stats/batch-stats.ts (another engineer's) keeps batch_stats current. Loaded by URL
 * so the review engine works before that module exists; without it the stats stay as they were.
 */
export async function refreshStats(db: Database, batchId: number): Promise<void> {
  loaded ??= import(new URL('../stats/batch-stats.ts', import.meta.url).href)
    .then((m: { refreshBatchStats?: RefreshStats }) => m.refreshBatchStats ?? null)
    .catch(() => null);
  const fn = await loaded;
  if (fn) fn(db, batchId);
}
