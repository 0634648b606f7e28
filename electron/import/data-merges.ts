// Merged cells in the data rows (domain.md §4: real files merge cells). Excel keeps a merged
// cell's value in its top-left cell and shows it over the whole merge, so a KECAMATAN merged
// down over ten rows is, as the agency sees it, the KECAMATAN of each of the ten. The value
// is copied verbatim into those rows' cells: it is their input, kept as it stood in the file.
// A NIK is never copied: one NIK over several people is a defect to flag (NIK_SEL_GABUNG).
// Header cells merged down are the header's (header.ts), not data.
import { cellText, type SheetCell } from '../../shared/columns.ts';
import type { Merge } from './read-worker.ts';

export interface SheetMerges {
  /** Every row of the sheet (the top-left cells may lie in any of them). */
  rows: SheetCell[][];
  merges: readonly Merge[];
  /** 0-based sheet row of the first data row: merges starting above it are not data. */
  firstDataRow: number;
}

export interface DataMerges {
  /** The row's cells with merged cells filled from their top-left cell (a copy), or the row itself. */
  fill(cells: SheetCell[], i: number): SheetCell[];
  /** Whether the NIK cell of sheet row i lies in a merge spanning several rows. */
  nikMerged(i: number): boolean;
}

/**
 * Lookups for the mapped `columns` (NIK excluded) and the NIK column, or null when no merge
 * spans rows in the data. Only the merge's first column is filled: the others of a merge
 * across columns show nothing of their own.
 */
export function dataMerges(sheet: SheetMerges, columns: readonly number[], nikColumn: number): DataMerges | null {
  const down = sheet.merges.filter((m) => m.e.r > m.s.r && m.s.r >= sheet.firstDataRow);
  if (down.length === 0) return null;
  const byColumn = new Map<number, Merge[]>();
  for (const c of columns) {
    if (c === nikColumn) continue;
    const list = down.filter((m) => m.s.c === c);
    if (list.length) byColumn.set(c, list.sort((a, b) => a.s.r - b.s.r));
  }
  const nik = down.filter((m) => m.s.c <= nikColumn && nikColumn <= m.e.c).sort((a, b) => a.s.r - b.s.r);
  return {
    fill(cells, i) {
      let out = cells;
      for (const [c, list] of byColumn) {
        const m = covering(list, i);
        if (!m || m.s.r === i || cellText(cells[c]).trim() !== '') continue;
        const value = sheet.rows[m.s.r]?.[m.s.c];
        if (value === undefined || cellText(value) === '') continue;
        if (out === cells) out = cells.slice();
        // No holes: the cells are stored as JSON, where a hole would become null.
        while (out.length < c) out.push('');
        out[c] = value;
      }
      return out;
    },
    nikMerged: (i) => covering(nik, i) !== undefined,
  };
}

/** The merge covering row i in a list sorted by first row (real merges never overlap). */
function covering(list: readonly Merge[], i: number): Merge | undefined {
  let lo = 0;
  let hi = list.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]!.s.r <= i) {
      found = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  const m = found >= 0 ? list[found] : undefined;
  return m && m.e.r >= i ? m : undefined;
}
