// A NIK sent this year by another agency or for another program (double aid, domain.md §1).
// "Same calendar year, another agency or program" is symmetric, so are the marks: when batch B
// is matched and shares NIKs with an earlier batch A, B's rows are marked with A and A's rows
// with B, in one transaction. Deleting or purging a batch takes its marks out of the others'
// rows (unmarkCrossBatches). The marks are stored in row_results.cross_batches rather than
// computed on read: joining a 100,000-row batch against batch_niks costs ~0.5 s, paid here once
// per match instead of on every opening of the grid or the batch page, whose count must agree.
// A repair in Koreksi changes a row's NIK: remarkRow moves that row's marks to the new NIK.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isValidNik } from '../../shared/nik.ts';

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
// Rows go by the NIK the marks go by (markedNik): repaired in Koreksi, else as sent. A batch
// matched again after repairs, or after a related batch's repairs, marks as remarkRow would.
const PAIRS = `
  WITH mine AS MATERIALIZED (
    SELECT br.seq, br.row_no, COALESCE(rr.matched_nik, br.nik) AS nik FROM batch_rows br
    LEFT JOIN row_results rr ON rr.batch_id = br.batch_id AND rr.seq = br.seq
    WHERE br.batch_id = @batchId AND (rr.matched_nik IS NOT NULL OR (br.nik IS NOT NULL AND br.nik_reason IS NULL)) ORDER BY 3),
  hits AS MATERIALIZED (
    SELECT r.seq, r.row_no, n.batch_id, n.seq AS oseq FROM mine r
    JOIN batch_niks n ON n.nik = r.nik AND n.batch_id IN (SELECT value FROM json_each(@related))
    LEFT JOIN row_results x ON x.batch_id = n.batch_id AND x.seq = n.seq
    WHERE x.matched_nik IS NULL OR x.matched_nik = n.nik
    UNION
    SELECT r.seq, r.row_no, x.batch_id, x.seq FROM mine r
    JOIN row_results x INDEXED BY row_results_matched_nik ON x.matched_nik = r.nik AND x.batch_id IN (SELECT value FROM json_each(@related))
    ORDER BY 3, 4)
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
         -- NIKs as sent and as repaired in Koreksi (remarkRow), on either side.
         WITH mine AS MATERIALIZED (
           SELECT nik FROM batch_rows WHERE batch_id = @batchId AND nik IS NOT NULL
           UNION SELECT matched_nik FROM row_results INDEXED BY row_results_matched_nik WHERE matched_nik IS NOT NULL AND batch_id = @batchId
           ORDER BY nik)
         SELECT n.batch_id, n.seq FROM mine r JOIN batch_niks n ON n.nik = r.nik AND n.batch_id <> @batchId
         UNION
         SELECT x.batch_id, x.seq FROM mine r JOIN row_results x INDEXED BY row_results_matched_nik ON x.matched_nik = r.nik AND x.batch_id <> @batchId)
       AND cross_batches <> '[]' AND json_valid(cross_batches)`,
    )
    .run({ batchId }).changes;
}

/**
 * The rows of the batches in the JSON array `batches` whose NIK is `nik`: repaired to it, or
 * sent with it and not repaired to another one (batch_niks holds the NIKs as sent).
 */
const holders = (nik: string, batches: string): string => `
  SELECT n.batch_id, n.seq FROM batch_niks n
    LEFT JOIN row_results rr ON rr.batch_id = n.batch_id AND rr.seq = n.seq
  WHERE n.nik = ${nik} AND n.batch_id IN (SELECT value FROM json_each(${batches})) AND (rr.matched_nik IS NULL OR rr.matched_nik = n.nik)
  UNION
  SELECT rr.batch_id, rr.seq FROM row_results rr INDEXED BY row_results_matched_nik
  WHERE rr.matched_nik = ${nik} AND rr.batch_id IN (SELECT value FROM json_each(${batches}))`;

/** PAIRS for one NIK: every row of this batch holding it with every related batch's row holding it. */
const NIK_PAIRS = `
  WITH mine AS (SELECT h.seq, br.row_no FROM (${holders('@nik', '@mine')}) h JOIN batch_rows br ON br.batch_id = h.batch_id AND br.seq = h.seq),
  theirs AS (SELECT h.batch_id, h.seq, br.row_no FROM (${holders('@nik', '@related')}) h JOIN batch_rows br ON br.batch_id = h.batch_id AND br.seq = h.seq)
  SELECT m.seq, m.row_no, t.batch_id, t.seq, t.row_no FROM mine m, theirs t ORDER BY t.batch_id, t.seq`;

/** The other batches' rows that held the row's previous NIK lose their mark of this row. */
const UNMARK_ROW = `
  UPDATE row_results SET cross_batches = (
    SELECT json_group_array(json(e.value)) FROM json_each(row_results.cross_batches) e
    WHERE NOT (e.value ->> '$.batchId' IS @batchId AND e.value ->> '$.row' IS @rowNo))
  WHERE (batch_id, seq) IN (
    SELECT batch_id, seq FROM batch_niks WHERE nik = @nik AND batch_id <> @batchId
    UNION
    SELECT batch_id, seq FROM row_results INDEXED BY row_results_matched_nik WHERE matched_nik = @nik AND batch_id <> @batchId)
  AND cross_batches <> '[]' AND json_valid(cross_batches)`;

interface RowNik {
  row_no: number;
  nik: string | null;
  nik_reason: string | null;
  matched_nik: string | null;
}

/**
 * The NIK the marks go by: the repaired one when there is one, else the one sent. Only
 * structurally valid NIKs, as for the marks of a match (PAIRS).
 */
function markedNik(r: RowNik, matchedNik: string | null): string | null {
  if (matchedNik !== null) return isValidNik(matchedNik) ? matchedNik : null;
  return r.nik_reason === null ? r.nik : null;
}

/**
 * After a row's NIK changed in Koreksi (a repair, or the undo of one): the row loses its marks
 * and its mark on the other batches' rows of the NIK it had (`previousMatchedNik` is its
 * matched_nik before the change), and is marked with the related batches' rows of the NIK it
 * has now, and they with it. Call in the correction's transaction, after row_results is
 * written. Returns how many rows of the related batches share the row's NIK now.
 */
export function remarkRow(db: Database, batchId: number, seq: number, previousMatchedNik: string | null): number {
  const r = db
    .prepare(
      `SELECT br.row_no, br.nik, br.nik_reason, rr.matched_nik FROM batch_rows br
       JOIN row_results rr ON rr.batch_id = br.batch_id AND rr.seq = br.seq WHERE br.batch_id = ? AND br.seq = ?`,
    )
    .get(batchId, seq) as RowNik | undefined;
  if (!r) return 0;
  const before = markedNik(r, previousMatchedNik);
  const now = markedNik(r, r.matched_nik);
  if (before === now) return 0;
  const tx = db.transaction(() => {
    if (before !== null) db.prepare(UNMARK_ROW).run({ batchId, rowNo: r.row_no, nik: before });
    db.prepare(`UPDATE row_results SET cross_batches = '[]' WHERE batch_id = ? AND seq = ? AND cross_batches <> '[]'`).run(batchId, seq);
    if (now === null) return 0;
    const related = relatedBatches(db, batchId);
    if (related.length === 0) return 0;
    // Every row of this batch with the NIK, not only this one: MARK_OTHERS replaces the
    // related rows' marks of this batch as a whole.
    const pairs = db.prepare(NIK_PAIRS).raw().all({ nik: now, mine: JSON.stringify([batchId]), related: JSON.stringify(related) });
    if (pairs.length === 0) return 0;
    const args = { batchId, pairs: JSON.stringify(pairs) };
    db.prepare(MARK_OWN).run(args);
    db.prepare(MARK_OTHERS).run(args);
    return pairs.filter((p) => (p as unknown[])[0] === seq).length;
  });
  return tx();
}
