// batch_niks (migration 0030) is keyed by NIK first: "WHERE batch_id = ?" alone would scan it
// whole. The batch's own rows name its NIKs, so deleting goes by key, before the rows go.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';

export function deleteBatchNiks(db: Db, batchId: number): number {
  return db
    .prepare(`DELETE FROM batch_niks WHERE batch_id = @batchId AND nik IN (SELECT nik FROM batch_rows WHERE batch_id = @batchId AND nik IS NOT NULL)`)
    .run({ batchId }).changes;
}
