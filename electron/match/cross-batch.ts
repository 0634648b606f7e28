// A NIK sent this year by another agency or for another program (double aid, domain.md §1).
// "Same calendar year, another agency or program" is symmetric, so are the marks: when batch B
// is matched and shares NIKs with an earlier batch A, B's rows are marked with A and A's rows
// with B, in one transaction. Deleting or purging a batch takes its marks out of the others'
// rows (unmarkCrossBatches). The marks are stored in row_results.cross_batches rather than
// computed on read: joining a 100,000-row batch against batch_niks costs ~0.5 s, paid here once
// per match instead of on every opening of the grid or the batch page, whose count must agree.
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface CrossBatchHit {
  batchId: number;
  agency: string;
  program: string | null;
  row: number;
}

/** Batches that count as "another agency or program, this year" for the given batch. */
function relatedBatches(db: Database, batchId: number): number[] {
  return db
    .prepare(
      `SELECT ob.id FROM batches me JOIN batches ob ON ob.id <> me.id AND ob.state <> 'PURGED'
         AND substr(coalesce(ob.received_on, ob.created_at), 1, 4) = substr(coalesce(me.received_on, me.created_at), 1, 4)
         AND (ob.agency_id <> me.agency_id OR ob.program_id IS NOT me.program_id)
       WHERE me.id = ?`,
    )
    .pluck()
    .all(batchId) as number[];
}

// Only structurally valid NIKs: a RUSAK_EXCEL NIK (serial 0000) of one person may coincide
// with another person's. A NIK's reason follows from its digits, so one side's check is enough.
// Probing batch_niks in NIK order and the other rows in (batch, seq) order reads each page once;
// in row order every probe is a random page to decrypt (2.5 times slower on 100,000 rows).
const PAIRS = `
  WITH mine AS MATERIALIZED (
    SELECT seq, row_no, nik FROM batch_rows
    WHERE batch_id = @batchId AND nik IS NOT NULL AND nik_reason IS NULL ORDER BY nik),
  hits AS MATERIALIZED (
    SELECT r.seq, r.row_no, n.batch_id, n.seq AS oseq FROM mine r
    JOIN batch_niks n ON n.nik = r.nik AND n.batch_id IN (SELECT value FROM json_each(@related))
    ORDER BY n.batch_id, n.seq)
  SELECT h.seq, h.row_no, h.batch_id, h.oseq, o.row_no FROM hits h
  JOIN batch_rows o ON o.batch_id = h.batch_id AND o.seq = h.oseq`;

// @pairs: [[seq, rowNo, otherBatch, otherSeq, otherRowNo], ...], read once by PAIRS.
const PAIR_ROWS = `
  SELECT value ->> 0 AS seq, value ->> 1 AS row_no, value ->> 2 AS obatch, value ->> 3 AS oseq, value ->> 4 AS orow
  FROM json_each(@pairs)`;

const NAMES = `
  SELECT b.id, a.name AS agency, p.name AS program
  FROM batches b JOIN agencies a ON a.id = b.agency_id LEFT JOIN programs p ON p.id = b.program_id`;

/** This batch's rows: the full list of related batches' rows sharing the NIK. */
const MARK_OWN = `
  WITH hits AS (
    SELECT seq, json_group_array(json_object('batchId', obatch, 'agency', agency, 'program', program, 'row', orow)) AS list
    FROM (SELECT pr.*, nm.agency, nm.program FROM (${PAIR_ROWS}) pr JOIN (${NAMES}) nm ON nm.id = pr.obatch ORDER BY seq, obatch, orow)
    GROUP BY seq
  )
  UPDATE row_results SET cross_batches = hits.list
  FROM hits WHERE row_results.batch_id = @batchId AND row_results.seq = hits.seq`;

/** The related batches' rows: their marks of this batch replaced, the others kept. */
const MARK_OTHERS = `
  WITH me AS (${NAMES} WHERE b.id = @batchId),
  hits AS (
    SELECT obatch, oseq, json_group_array(json_object('batchId', CAST(@batchId AS INTEGER), 'agency', me.agency, 'program', me.program, 'row', row_no)) AS list
    FROM (SELECT * FROM (${PAIR_ROWS}) ORDER BY obatch, oseq, row_no), me
    GROUP BY obatch, oseq
  )
  UPDATE row_results SET cross_batches = (
    SELECT json_group_array(json(v)) FROM (
      SELECT e.value AS v, e.value ->> '$.batchId' AS b, e.value ->> '$.row' AS r
        FROM json_each(CASE WHEN json_valid(row_results.cross_batches) THEN row_results.cross_batches ELSE '[]' END) e
        WHERE e.value ->> '$.batchId' IS NOT @batchId
      UNION ALL
      SELECT e.value, @batchId, e.value ->> '$.row' FROM json_each(hits.list) e
      ORDER BY b, r))
  FROM hits WHERE row_results.batch_id = hits.obatch AND row_results.seq = hits.oseq`;

/**
 * Marks every row of the batch whose NIK appears in a related batch, and those batches' rows
 * with this one. Returns how many rows of this batch are marked.
 */
export function markCrossBatches(db: Database, batchId: number, opts: { clear?: boolean } = {}): number {
  const tx = db.transaction(() => {
    // Earlier marks may be stale (a rerun): start from empty. A first full run has none
    // (import writes '[]') except those written by a related batch's match, which this one
    // rewrites anyway; skipping the scan saves a pass over 100,000 rows.
    if (opts.clear !== false) db.prepare(`UPDATE row_results SET cross_batches = '[]' WHERE batch_id = ? AND cross_batches <> '[]'`).run(batchId);
    // Most batches share no year with another agency's or program's batch: skip the join then.
    const related = relatedBatches(db, batchId);
    if (related.length === 0) return 0;
    const pairs = db.prepare(PAIRS).raw().all({ batchId, related: JSON.stringify(related) });
    if (pairs.length === 0) return 0;
    const args = { batchId, pairs: JSON.stringify(pairs) };
    const marked = db.prepare(MARK_OWN).run(args).changes;
    db.prepare(MARK_OTHERS).run(args);
    return marked;
  });
  return tx();
}

/**
 * Takes a batch that is being deleted or purged out of the other batches' marks. Call it in
 * the same transaction, before the batch's rows and batch_niks go: they find the rows to fix.
 */
export function unmarkCrossBatches(db: Database, batchId: number): number {
  return db
    .prepare(
      `UPDATE row_results SET cross_batches = (
         SELECT json_group_array(json(e.value)) FROM json_each(row_results.cross_batches) e
         WHERE e.value ->> '$.batchId' IS NOT @batchId)
       WHERE (batch_id, seq) IN (
         WITH mine AS MATERIALIZED (SELECT nik FROM batch_rows WHERE batch_id = @batchId AND nik IS NOT NULL ORDER BY nik)
         SELECT n.batch_id, n.seq FROM mine r JOIN batch_niks n ON n.nik = r.nik AND n.batch_id <> @batchId)
       AND cross_batches <> '[]' AND json_valid(cross_batches)`,
    )
    .run({ batchId }).changes;
}
