// Counts of a match run kept in memory as chunks are written, so a run that settled every
// chunk itself need not count the store again (stats/counts.ts does that with a json_each
// pass over every row's elements, the costliest query of a 100,000-row match).
import { ELEMENT_RESULTS, type Element, type ElementResult } from '../../shared/domain.ts';
import type { BatchCounts } from '../export/types.ts';
import { emptyStatusCounts } from '../stats/counts.ts';
import type { RowVerdict } from './rows.ts';

export class MatchTally {
  readonly status: Record<string, number> = {};
  readonly reason: Record<string, number> = {};
  private readonly elements = new Map<string, Record<ElementResult, number>>();

  add(v: RowVerdict): void {
    this.status[v.status] = (this.status[v.status] ?? 0) + 1;
    if (v.reason) this.reason[v.reason] = (this.reason[v.reason] ?? 0) + 1;
    for (const el in v.elements) {
      const res = v.elements[el as Element]!;
      let per = this.elements.get(el);
      if (!per) this.elements.set(el, (per = Object.fromEntries(ELEMENT_RESULTS.map((x) => [x, 0])) as Record<ElementResult, number>));
      per[res] = (per[res] ?? 0) + 1;
    }
  }

  /** The same object countBatch returns for these rows, keys in the order its GROUP BY yields them. */
  batchCounts(rows: number): BatchCounts {
    const status = emptyStatusCounts();
    let withResult = 0;
    for (const [s, n] of Object.entries(this.status)) {
      status[s as keyof typeof status] = (status[s as keyof typeof status] ?? 0) + n;
      withResult += n;
    }
    status.BELUM_DIPERIKSA += Math.max(0, rows - withResult);
    const sorted = <T>(entries: [string, T][]): [string, T][] => entries.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return {
      rows,
      status,
      reason: Object.fromEntries(sorted(Object.entries(this.reason))),
      elements: Object.fromEntries(sorted([...this.elements])) as BatchCounts['elements'],
    };
  }
}
