import type { Database } from 'better-sqlite3-multiple-ciphers';
import { refreshBatchStats } from '../stats/batch-stats.ts';

/** Keeps batch_stats (the monthly statistics' source, which survives purges) current after decisions. */
export async function refreshStats(db: Database, batchId: number): Promise<void> {
  refreshBatchStats(db, batchId);
}
