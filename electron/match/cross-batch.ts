// A NIK sent this year by another agency or for another program (double aid, domain.md §1):
// marked in bulk with one statement over batch_niks (migration 0030), never row by row.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface CrossBatchHit {
  batchId: number;
  agency: string;
  program: string | null;
  row: number;
}

/**
 * Writes row_results.cross_batches for every row of the batch whose NIK appears in another
 * batch of the same calendar year from another agency or program. Returns how many rows.
 */
export function markCrossBatches(db: Database, batchId: number, opts: { clear?: boolean } = {}): number {
  const sql = `
    WITH me AS (
      SELECT id, agency_id, program_id, substr(coalesce(received_on, created_at), 1, 4) AS year
      FROM batches WHERE id = @batchId
    ),
    hits AS (
      SELECT r.seq AS seq,
             json_group_array(json_object('batchId', o.batch_id, 'agency', a.name, 'program', p.name, 'row', o.row_no)) AS list
      FROM (SELECT seq, nik FROM batch_rows WHERE batch_id = @batchId AND nik IS NOT NULL) r
      JOIN batch_niks n ON n.nik = r.nik AND n.batch_id <> @batchId
      JOIN batch_rows o ON o.batch_id = n.batch_id AND o.seq = n.seq
      JOIN batches ob ON ob.id = o.batch_id AND ob.state <> 'PURGED'
      JOIN me ON substr(coalesce(ob.received_on, ob.created_at), 1, 4) = me.year
             AND (ob.agency_id <> me.agency_id OR ob.program_id IS NOT me.program_id)
      JOIN agencies a ON a.id = ob.agency_id
      LEFT JOIN programs p ON p.id = ob.program_id
      GROUP BY r.seq
    )
    UPDATE row_results SET cross_batches = hits.list
    FROM hits WHERE row_results.batch_id = @batchId AND row_results.seq = hits.seq`;
  // Most batches share no year with another agency's or program's batch: skip the join then.
  const others = db
    .prepare(
      `SELECT 1 FROM batches me JOIN batches ob ON ob.id <> me.id AND ob.state <> 'PURGED'
         AND substr(coalesce(ob.received_on, ob.created_at), 1, 4) = substr(coalesce(me.received_on, me.created_at), 1, 4)
         AND (ob.agency_id <> me.agency_id OR ob.program_id IS NOT me.program_id)
       WHERE me.id = ? LIMIT 1`,
    )
    .get(batchId);
  const tx = db.transaction(() => {
    // Earlier marks may be stale (a batch purged since): start from empty. A first full run
    // has none (import writes '[]'), and skipping the scan saves a pass over 100,000 rows.
    if (opts.clear !== false) db.prepare(`UPDATE row_results SET cross_batches = '[]' WHERE batch_id = ? AND cross_batches <> '[]'`).run(batchId);
    return others ? db.prepare(sql).run({ batchId }).changes : 0;
  });
  return tx();
}
