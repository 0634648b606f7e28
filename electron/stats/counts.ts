// Counts of one batch from row_results while the rows exist. A row without a result was
// never checked: it counts as BELUM_DIPERIKSA, never as INVALID (domain.md §1).
//
// One scan: rows are grouped by (status, reason, elements text). A batch has few distinct
// element-result combinations, so each distinct elements JSON is parsed once here instead of
// SQLite running json_each over every row in a second and third pass over the encrypted table.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENT_RESULTS, STATUSES, type Element, type ElementResult, type Status } from '../../shared/domain.ts';
import type { BatchCounts } from '../export/types.ts';

export function emptyStatusCounts(): Record<Status, number> {
  return Object.fromEntries(STATUSES.map((s) => [s, 0])) as Record<Status, number>;
}

const byKey = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Accumulates (status, reason, elements JSON) of result rows; `counts` gives the same object
 * the former three GROUP BY queries did, keys in their order (sorted), so batch_stats stays
 * byte-identical. The export's single pass over its rows feeds one of these too.
 */
export class ResultTally {
  private readonly status = new Map<string, number>();
  private readonly reason = new Map<string, number>();
  private readonly elements = new Map<string, number>();
  private withResult = 0;

  add(status: string, reason: string | null, elements: string | null, n = 1): void {
    this.status.set(status, (this.status.get(status) ?? 0) + n);
    if (reason !== null) this.reason.set(reason, (this.reason.get(reason) ?? 0) + n);
    const e = elements ?? '';
    this.elements.set(e, (this.elements.get(e) ?? 0) + n);
    this.withResult += n;
  }

  counts(rows: number): BatchCounts {
    const status = emptyStatusCounts();
    for (const [s, n] of this.status) status[s as Status] = (status[s as Status] ?? 0) + n;
    status.BELUM_DIPERIKSA += Math.max(0, rows - this.withResult);
    const reason: Record<string, number> = {};
    for (const r of [...this.reason.keys()].sort(byKey)) reason[r] = this.reason.get(r)!;
    // (element, result) pairs as json_each saw them: a non-JSON value counted as '{}'.
    const pairs = new Map<string, Map<string, number>>();
    for (const [text, n] of this.elements) {
      let obj: unknown;
      try {
        obj = JSON.parse(text);
      } catch {
        continue;
      }
      if (typeof obj !== 'object' || obj === null) continue;
      for (const [el, v] of Object.entries(obj)) {
        const res = typeof v === 'object' && v !== null ? JSON.stringify(v) : typeof v === 'boolean' ? (v ? '1' : '0') : String(v);
        const per = pairs.get(el) ?? new Map<string, number>();
        pairs.set(el, per);
        per.set(res, (per.get(res) ?? 0) + n);
      }
    }
    const elements: BatchCounts['elements'] = {};
    for (const el of [...pairs.keys()].sort(byKey)) {
      const per = Object.fromEntries(ELEMENT_RESULTS.map((x) => [x, 0])) as Record<ElementResult, number>;
      const got = pairs.get(el)!;
      for (const res of [...got.keys()].sort(byKey)) per[res as ElementResult] = (per[res as ElementResult] ?? 0) + got.get(res)!;
      elements[el as Element] = per;
    }
    return { rows, status, reason, elements };
  }
}

export function countBatch(db: Database, batchId: number): BatchCounts {
  const rows = (db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(batchId) as { n: number }).n;
  const tally = new ResultTally();
  for (const r of db
    .prepare('SELECT status, reason, elements, count(*) AS n FROM row_results WHERE batch_id = ? GROUP BY status, reason, elements')
    .iterate(batchId) as IterableIterator<{ status: string; reason: string | null; elements: string | null; n: number }>) {
    tally.add(r.status, r.reason, r.elements, r.n);
  }
  return tally.counts(rows);
}
