// Deletes a batch's personal data at the end of retention (UU 27/2022) and keeps only the
// counts the monthly statistics need. Decision on corrections: their rows hold before/after
// values (NIKs, names), so they are deleted with the batch; migration 0021 allows that only
// once the batch is PURGED (corrections stay append-only while a batch lives) and
// batch_purges keeps their count. The audit log is kept whole: it holds no names.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../store/audit.ts';
import { refreshBatchStats } from '../stats/batch-stats.ts';
import { unmarkCrossBatches } from '../match/cross-batch.ts';
import { PadanError } from '../api/errors.ts';
import { planPurge } from './plan.ts';

/** Tables with a batch_id that keep no personal data and must survive the purge. */
const KEEP_TABLES = new Set(['batches', 'batch_purges', 'batch_stats', 'audit_log', 'schema_migrations']);

export interface PurgeOutcome {
  batchId: number;
  rows: number;
  corrections: number;
}

/** Every table with a batch_id column except the kept ones: tables added later are covered. */
function personalTables(db: Database): string[] {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' AND name NOT LIKE 'sqlite_%'`).all() as { name: string }[];
  return tables
    .map((t) => t.name)
    .filter((name) => !KEEP_TABLES.has(name) && !name.endsWith('_stats'))
    .filter((name) => (db.prepare(`SELECT count(*) AS n FROM pragma_table_info(?) WHERE name = 'batch_id'`).get(name) as { n: number }).n > 0)
    .sort((a, b) => (a === 'corrections' ? 1 : b === 'corrections' ? -1 : a.localeCompare(b)));
}

/**
 * Purges the given batches (only those planPurge lists as due at `now`), then overwrites
 * freed pages: secure_delete is on at open, and a checkpoint + VACUUM + checkpoint(TRUNCATE)
 * leaves no old page in the database file or its WAL.
 */
export async function purgeBatches(db: Database, batchIds: readonly number[], operator: string, now: Date = new Date()): Promise<PurgeOutcome[]> {
  const due = new Set(planPurge(db, now).map((c) => c.batchId));
  const notDue = batchIds.filter((id) => !due.has(id));
  if (notDue.length) {
    throw new PadanError(
      'PURGE_NOT_DUE',
      `Batch ${notDue.join(', ')} belum habis masa simpannya atau sudah dihapus. Muat ulang daftar penghapusan lalu pilih lagi.`,
    );
  }
  const tables = personalTables(db);
  const outcomes: PurgeOutcome[] = [];
  for (const batchId of batchIds) {
    const outcome = db.transaction(() => {
      refreshBatchStats(db, batchId); // batch_stats keeps the monthly counts after the rows go
      const rows = (db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(batchId) as { n: number }).n;
      const corrections = (db.prepare('SELECT count(*) AS n FROM corrections WHERE batch_id = ?').get(batchId) as { n: number }).n;
      const statusCounts = Object.fromEntries(
        (db.prepare('SELECT status, count(*) AS n FROM row_results WHERE batch_id = ? GROUP BY status').all(batchId) as { status: string; n: number }[]).map(
          (r) => [r.status, r.n],
        ),
      );
      const at = now.toISOString();
      // PURGED first: the corrections delete trigger (0021) checks it.
      db.prepare(`UPDATE batches SET state = 'PURGED', purged_at = ?, last_error = NULL WHERE id = ?`).run(at, batchId);
      db.prepare(
        `INSERT INTO batch_purges (batch_id, purged_at, purged_by, row_count, correction_count, status_counts) VALUES (?, ?, ?, ?, ?, ?)`,
      ).run(batchId, at, operator, rows, corrections, JSON.stringify(statusCounts));
      unmarkCrossBatches(db, batchId); // before its rows go: they find the marked rows
      for (const t of tables) db.prepare(`DELETE FROM "${t}" WHERE batch_id = ?`).run(batchId);
      appendAudit(db, { operator, action: 'PURGE', batchId, detail: { rows, corrections, statusCounts } });
      return { batchId, rows, corrections };
    })();
    outcomes.push(outcome);
  }
  if (outcomes.length) wipeFreedPages(db);
  return outcomes;
}

export function wipeFreedPages(db: Database): void {
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.exec('VACUUM');
  db.pragma('wal_checkpoint(TRUNCATE)');
}
