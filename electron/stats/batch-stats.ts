// Persists one batch's counts in batch_stats (migration 0010), which the retention purge
// leaves alone. Called by matching when a batch finishes or is re-checked, and by the purge
// just before it deletes the rows. Statistics read batch_stats only.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BatchCounts } from '../export/types.ts';
import { countBatch } from './counts.ts';

/**
 * `known`: counts the caller already holds for exactly the stored rows (a match run that
 * settled every chunk itself); they spare a json_each pass over every row's elements, which
 * costs more than a second on 100,000 rows. Without it the store is counted.
 */
export function refreshBatchStats(db: Database, batchId: number, known?: BatchCounts): void {
  const b = db
    .prepare('SELECT agency_id, program_id, received_on, created_at, matched_at, state FROM batches WHERE id = ?')
    .get(batchId) as
    | { agency_id: number; program_id: number | null; received_on: string | null; created_at: string; matched_at: string | null; state: string }
    | undefined;
  if (!b) return;
  const c = known ?? countBatch(db, batchId);
  // After a purge there are no rows left to count: keep what was recorded before.
  if (c.rows === 0 && b.state === 'PURGED') return;
  const corrections = (db.prepare('SELECT count(*) AS n FROM corrections WHERE batch_id = ?').get(batchId) as { n: number }).n;
  const processedOn = (b.matched_at ?? b.created_at).slice(0, 10);
  db.prepare(
    `INSERT INTO batch_stats (batch_id, agency_id, program_id, processed_on, received_on, rows, aktif, meninggal, pindah,
       invalid, belum_diperiksa, reasons, elements, corrections, updated_at)
     VALUES (@batchId, @agency, @program, @processedOn, @receivedOn, @rows, @aktif, @meninggal, @pindah, @invalid, @belum,
       @reasons, @elements, @corrections, @now)
     ON CONFLICT(batch_id) DO UPDATE SET
       agency_id = excluded.agency_id, program_id = excluded.program_id, received_on = excluded.received_on,
       rows = excluded.rows, aktif = excluded.aktif, meninggal = excluded.meninggal, pindah = excluded.pindah,
       invalid = excluded.invalid, belum_diperiksa = excluded.belum_diperiksa, reasons = excluded.reasons,
       elements = excluded.elements, corrections = excluded.corrections, updated_at = excluded.updated_at`,
    // processed_on is not updated: a re-check must not move a batch into another month.
  ).run({
    batchId, agency: b.agency_id, program: b.program_id, processedOn, receivedOn: b.received_on, rows: c.rows,
    aktif: c.status.AKTIF, meninggal: c.status.MENINGGAL, pindah: c.status.PINDAH, invalid: c.status.INVALID,
    belum: c.status.BELUM_DIPERIKSA, reasons: JSON.stringify(c.reason), elements: JSON.stringify(c.elements),
    corrections, now: new Date().toISOString(),
  });
}

/** Fills batch_stats for batches matched before it existed (or never refreshed). */
export function backfillBatchStats(db: Database): number {
  const ids = db
    .prepare(
      `SELECT id FROM batches WHERE state IN ('MATCHED', 'EXPORTED') AND id NOT IN (SELECT batch_id FROM batch_stats)`,
    )
    .all() as { id: number }[];
  for (const { id } of ids) refreshBatchStats(db, id);
  return ids.length;
}
