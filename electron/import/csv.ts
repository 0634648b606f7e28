// CSV as text: every cell stays the text it was (0012 stays 0012); the encoding and the
// delimiter are detected because agencies' exports differ (Excel "CSV (;)" in Windows-1252,
// Google Sheets UTF-8, ...).
import iconv from 'iconv-lite';
import type { SheetCell } from '../../shared/columns.ts';
import { importErrors } from './errors.ts';

export type CsvEncoding = 'utf-8' | 'utf-8-bom' | 'utf-16le' | 'utf-16be' | 'windows-1252';

export function decodeText(buf: Buffer): { text: string; encoding: CsvEncoding } {
  if (buf[0] === 0xef && buf[1] === 0xbb && buf[2] === 0xbf) {
    return { text: buf.toString('utf8', 3), encoding: 'utf-8-bom' };
  }
  if (buf[0] === 0xff && buf[1] === 0xfe) return { text: iconv.decode(buf.subarray(2), 'utf-16le'), encoding: 'utf-16le' };
  if (buf[0] === 0xfe && buf[1] === 0xff) return { text: iconv.decode(buf.subarray(2), 'utf-16be'), encoding: 'utf-16be' };
  try {
    return { text: new TextDecoder('utf-8', { fatal: true }).decode(buf), encoding: 'utf-8' };
  } catch {
    // Not valid UTF-8: Excel on Indonesian Windows saves CSV in Windows-1252.
    return { text: iconv.decode(buf, 'win1252'), encoding: 'windows-1252' };
  }
}

const CANDIDATES = [';', ',', '\t', '|'] as const;

/** The delimiter that splits the first lines most consistently (quoted parts ignored). */
export function detectDelimiter(text: string): string {
  const lines = text
    .slice(0, 64 * 1024)
    .replace(/"[^"]*"/g, '')
    .split(/\r\n|\n|\r/)
    .filter((l) => l.trim() !== '')
    .slice(0, 30);
  let best: string = ',';
  let bestScore = -1;
  for (const d of CANDIDATES) {
    const counts = lines.map((l) => l.split(d).length - 1);
    const freq = new Map<number, number>();
    for (const c of counts) if (c > 0) freq.set(c, (freq.get(c) ?? 0) + 1);
    let modeCount = 0;
    let mode = 0;
    for (const [c, f] of freq) if (f > modeCount || (f === modeCount && c > mode)) [mode, modeCount] = [c, f];
    const score = modeCount * 1000 + mode;
    if (score > bestScore) [best, bestScore] = [d, score];
  }
  return best;
}

export interface CsvLimits {
  maxRows: number;
  maxCols: number;
  maxCellChars: number;
}

/** RFC 4180 parsing with quotes; rows as text cells. Throws ImportError past the limits or on a quote left open. */
export function parseCsv(text: string, delimiter: string, limits: CsvLimits, sheet = 'CSV'): SheetCell[][] {
  const rows: SheetCell[][] = [];
  let row: SheetCell[] = [];
  const n = text.length;
  let i = 0;
  const d = delimiter.charCodeAt(0);
  const endRow = (): void => {
    rows.push(row);
    if (rows.length > limits.maxRows) throw importErrors.tooManyRows(sheet, limits.maxRows);
    row = [];
  };
  const pushCell = (v: string): void => {
    if (v.length > limits.maxCellChars) throw importErrors.cellTooLong(limits.maxCellChars);
    row.push(v);
    if (row.length > limits.maxCols) throw importErrors.tooManyColumns(sheet, row.length, limits.maxCols);
  };
  while (i < n) {
    let ch = text.charCodeAt(i);
    if (ch === 34 /* " */) {
      const open = i;
      let v = '';
      let start = i + 1;
      let breaks = 0;
      for (;;) {
        const q = text.indexOf('"', start);
        // A quote never closed would swallow the rest of the file into this cell.
        if (q < 0) throw importErrors.unclosedQuote(lineAt(text, open));
        breaks += countBreaks(text, start, q);
        v += text.slice(start, q);
        // A stray quote closed by another one far below swallows the rows between: a
        // real cell holds a few lines (an address), not dozens.
        if (breaks > MAX_BREAKS_IN_CELL || (breaks > 0 && v.length > limits.maxCellChars)) {
          throw importErrors.unclosedQuote(lineAt(text, open));
        }
        if (v.length > limits.maxCellChars) throw importErrors.cellTooLong(limits.maxCellChars);
        if (text.charCodeAt(q + 1) === 34) {
          v += '"';
          start = q + 2;
        } else {
          i = q + 1;
          break;
        }
      }
      // Text after a closing quote up to the delimiter belongs to the cell (lenient, as Excel).
      let j = i;
      while (j < n && (ch = text.charCodeAt(j)) !== d && ch !== 10 && ch !== 13) j++;
      pushCell(v + text.slice(i, j));
      i = j;
    } else {
      let j = i;
      while (j < n && (ch = text.charCodeAt(j)) !== d && ch !== 10 && ch !== 13) j++;
      pushCell(text.slice(i, j));
      i = j;
    }
    if (i >= n) break;
    ch = text.charCodeAt(i);
    if (ch === d) {
      i++;
      if (i >= n) pushCell('');
    } else {
      i += ch === 13 && text.charCodeAt(i + 1) === 10 ? 2 : 1;
      endRow();
    }
  }
  if (row.length > 0) endRow();
  return rows;
}

/** Line breaks a quoted cell may hold before its quote is taken for a stray one. */
const MAX_BREAKS_IN_CELL = 20;

// A scan of the cell itself: indexOf('\n') would run on past it, to the end of a file
// without line breaks, for every quoted cell.
function countBreaks(text: string, from: number, to: number): number {
  let k = 0;
  for (let j = from; j < to; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) k++;
  }
  return k;
}

/** 1-based line of a position, as a text editor counts (\r\n, \n or a lone \r). */
function lineAt(text: string, pos: number): number {
  let line = 1;
  for (let j = 0; j < pos; j++) {
    const c = text.charCodeAt(j);
    if (c === 10 || (c === 13 && text.charCodeAt(j + 1) !== 10)) line++;
  }
  return line;
}
