// Counts of one batch from row_results while the rows exist. A row without a result was
// never checked: it counts as BELUM_DIPERIKSA, never as INVALID (domain.md §1).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENT_RESULTS, STATUSES, type Element, type ElementResult, type Status } from '../../shared/domain.ts';
import type { BatchCounts } from '../export/types.ts';

export function emptyStatusCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

export function countBatch(db: Database, batchId: number): BatchCounts {
  const rows = (db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(batchId) as { n: number }).n;
  const status = emptyStatusCounts();
  let withResult = 0;
  for (const r of db
    .prepare('SELECT status, count(*) AS n FROM row_results WHERE batch_id = ? GROUP BY status')
    .all(batchId) as { status: Status; n: number }[]) {
    status[r.status] = (status[r.status] ?? 0) + r.n;
    withResult += r.n;
  }
  status.BELUM_DIPERIKSA += Math.max(0, rows - withResult);
  const reason: Record<string, number> = {};
  for (const r of db
    .prepare('SELECT reason, count(*) AS n FROM row_results WHERE batch_id = ? AND reason IS NOT NULL GROUP BY reason')
    .all(batchId) as { reason: string; n: number }[]) {
    reason[r.reason] = r.n;
  }
  const elements: BatchCounts['elements'] = {};
  for (const r of db
    .prepare(
      `SELECT je.key AS el, je.value AS res, count(*) AS n
       FROM row_results rr, json_each(CASE WHEN json_valid(rr.elements) THEN rr.elements ELSE '{}' END) je
       WHERE rr.batch_id = ? GROUP BY je.key, je.value`,
    )
    .all(batchId) as { el: Element; res: ElementResult; n: number }[]) {
    const per = (elements[r.el] ??= Object.fromEntries(ELEMENT_RESULTS.map((x) => [x, 0])) as Record<ElementResult, number>);
    per[r.res] = (per[r.res] ?? 0) + r.n;
  }
  return { rows, status, reason, elements };
}
