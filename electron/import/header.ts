// Finds the header row of an agency's sheet: below title rows ("DAFTAR PENERIMA BPNT KEL.
// LAKESSI 2021"), possibly two lines with merged group labels, followed by data rows that
// may contain blank rows, a column-numbering row (1, 2, 3, ...) and a totals row at the end.
import { cellText, guessField, isKnownHeader, normalizeHeader, type SheetCell } from '../../shared/columns.ts';
import { importErrors } from './errors.ts';
import type { Merge } from './read-worker.ts';

export interface HeaderInfo {
  /** 1-based sheet row of the (first) header line. */
  headerRow: number;
  headerLines: 1 | 2;
  /** Display text per column ('' when the column has no header). */
  headers: string[];
  /** Per column, the header texts to guess from, most specific first. */
  headerParts: string[][];
  /** 0-based index of the first row after the header (and numbering row). */
  dataStart: number;
}

const SCAN_ROWS = 50;

export function isBlankRow(row: SheetCell[] | undefined): boolean {
  if (!row) return true;
  for (const c of row) if (cellText(c).trim() !== '') return false;
  return true;
}

/** Text of a cell, or of the merge that covers it (merged header cells). */
function mergedText(rows: SheetCell[][], merges: Merge[], r: number, c: number): { text: string; span: number } {
  const own = cellText(rows[r]?.[c]).trim();
  for (const m of merges) {
    if (r >= m.s.r && r <= m.e.r && c >= m.s.c && c <= m.e.c) {
      return { text: own || cellText(rows[m.s.r]?.[m.s.c]).trim(), span: m.e.c - m.s.c + 1 };
    }
  }
  return { text: own, span: 1 };
}

function headerScore(row: SheetCell[] | undefined): number {
  if (!row) return 0;
  let known = 0;
  let filled = 0;
  let nik = false;
  for (const c of row) {
    const t = cellText(c).trim();
    if (t === '') continue;
    filled++;
    // Headers are short text; numbers and long sentences are data or titles.
    if (typeof c !== 'string' || t.length > 60) continue;
    const g = guessField(t);
    if (g) {
      known++;
      if (g.field === 'NIK') nik = true;
    }
  }
  if (filled < 2) return 0;
  return known + (nik ? 1 : 0);
}

function nonBlankCount(row: SheetCell[]): number {
  let n = 0;
  for (const c of row) if (cellText(c).trim() !== '') n++;
  return n;
}

function looksLikeData(row: SheetCell[] | undefined): boolean {
  if (!row) return false;
  return row.some((c) => typeof c !== 'string' || /^\s*'?\d[\d .'-]{9,}\s*$/.test(c));
}

/** Detects the header, or uses the one the user gave (1-based). */
export function detectHeader(rows: SheetCell[][], merges: Merge[], sheet: string, headerRow?: number): HeaderInfo {
  let r: number;
  if (headerRow !== undefined) {
    if (!Number.isInteger(headerRow) || headerRow < 1 || headerRow > rows.length) throw importErrors.noHeader(sheet);
    r = headerRow - 1;
  } else {
    let best = -1;
    let bestScore = 1;
    for (let i = 0; i < Math.min(rows.length, SCAN_ROWS); i++) {
      const s = headerScore(rows[i]);
      if (s > bestScore) [best, bestScore] = [i, s];
    }
    if (best < 0) throw importErrors.noHeader(sheet);
    r = best;
    // The best-scoring line may be the lower line of a two-line header: the line above
    // holds group labels (merged across or down into it), not a one-cell title.
    const above = rows[r - 1];
    if (r > 0 && above && nonBlankCount(above) >= 2 && !looksLikeData(above) &&
        merges.some((m) => m.s.r === r - 1 && (m.e.r >= r || m.e.c > m.s.c))) {
      r--;
    }
  }
  const width = Math.max(rows[r]?.length ?? 0, rows[r + 1]?.length ?? 0);
  const top = Array.from({ length: width }, (_, c) => mergedText(rows, merges, r, c));
  const next = rows[r + 1];
  // A second header line: not data, and it labels columns under a group label spanning
  // several columns, or fills columns the first line left blank.
  let twoLines = false;
  if (next && !isBlankRow(next) && !looksLikeData(next)) {
    const bottom = Array.from({ length: width }, (_, c) => mergedText(rows, merges, r + 1, c).text);
    const grouped = top.some((t, c) => t.span > 1 && bottom[c] !== '' && bottom[c] !== t.text);
    const fills = top.some((t, c) => (t.text === '' || !isKnownHeader(t.text)) && bottom[c] !== '' && isKnownHeader(bottom[c]!));
    twoLines = grouped || fills;
  }
  const headers: string[] = [];
  const headerParts: string[][] = [];
  for (let c = 0; c < width; c++) {
    const t = top[c]!.text;
    const b = twoLines ? mergedText(rows, merges, r + 1, c).text : '';
    if (b && t && b !== t) {
      headers.push(`${t} ${b}`);
      headerParts.push([b, `${t} ${b}`, t]);
    } else {
      const h = t || b;
      headers.push(h);
      headerParts.push(h ? [h] : []);
    }
  }
  let dataStart = r + (twoLines ? 2 : 1);
  if (isNumberingRow(rows[dataStart])) dataStart++;
  return { headerRow: r + 1, headerLines: twoLines ? 2 : 1, headers, headerParts, dataStart };
}

/** "1 2 3 4 ..." or "(1) (2) (3)" under the header, as government tables number columns. */
function isNumberingRow(row: SheetCell[] | undefined): boolean {
  if (!row) return false;
  const vals = row.map((c) => cellText(c).trim()).filter((t) => t !== '');
  if (vals.length < 3) return false;
  return vals.every((t, i) => t.replace(/[()]/g, '') === String(i + 1));
}

const TOTAL = /^(JUMLAH|TOTAL|JML|GRAND TOTAL|SUB TOTAL|SUBTOTAL)\b/;

/**
 * Indexes of the data rows: blank rows dropped, and a totals row (JUMLAH/TOTAL without a NIK)
 * dropped with everything after it when no NIK follows it (signature block).
 */
export function dataRowIndexes(rows: SheetCell[][], dataStart: number, nikCol: number): number[] {
  const out: number[] = [];
  for (let i = dataStart; i < rows.length; i++) if (!isBlankRow(rows[i])) out.push(i);
  // Walk back from the end over rows without a NIK; cut at the first totals row found.
  for (let k = out.length - 1; k >= 0; k--) {
    const row = rows[out[k]!]!;
    const nik = row[nikCol];
    if (typeof nik !== 'string' ? nik !== undefined && nik[1] >= 1e9 : /\d{6}|E\+/i.test(nik)) break;
    if (row.some((c) => TOTAL.test(normalizeHeader(cellText(c))))) {
      out.length = k;
    }
  }
  return out;
}
