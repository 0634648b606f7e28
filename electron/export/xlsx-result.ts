// Builds the styled result workbook ("Hasil" + "Ringkasan") straight into a sheet object:
// one pass, one shared style object per kind, every cell a plain value. Text is type 's' with
// no 'f' key, so "=HYPERLINK(...)", "+62..." or "@x" from an agency's file stays text, and a
// NIK can never be turned into a number by Excel again. Writing only: sheetjs-style's reader
// is the vulnerable SheetJS 0.15 one (architecture.md).
import { writeFileSync } from 'node:fs';
import type XlsxStyle from 'sheetjs-style';
import { lazyModule } from '../lazy-module.ts';
import { ELEMENT_RESULTS, REASONS, STATUSES } from '../../shared/domain.ts';
import { ELEMENT_HEADER, ELEMENT_RESULT_LABEL, REASON_TEXT, STATUS_LABEL, STATUS_MEANING, tanggalId } from '../../shared/report/labels.ts';
import { BOLD_STYLE, HEADER_STYLE, RESULT_STYLE, STATUS_STYLE, TITLE_STYLE, type CellStyle } from './styles.ts';
import type { BatchCounts, ResultRow, TableShape } from './types.ts';
import { freezeHeaderRow, readZip, writeZip } from './zip-repack.ts';

const XLSX = lazyModule<typeof XlsxStyle>('sheetjs-style');

type Cell = { t: 's'; v: string; s?: CellStyle } | { t: 'n'; v: number; s?: CellStyle };
type Sheet = Record<string, unknown>;

/** A, B, ..., Z, AA, ...: computed once per column, not per cell. */
export function columnLetters(n: number): string[] {
  const out: string[] = [];
  for (let i = 0; i < n; i++) {
    let s = '';
    for (let x = i + 1; x > 0; x = Math.floor((x - 1) / 26)) s = String.fromCharCode(65 + ((x - 1) % 26)) + s;
    out.push(s);
  }
  return out;
}

/** Widths from the header and a sample of ~2,000 rows (read back from the sheet, so rows can
 *  stream through once); wide enough to read, capped for names and addresses. */
function widths(columns: string[], ws: Sheet, L: string[], rowCount: number): { wch: number }[] {
  const w = columns.map((c) => Math.min(40, Math.max(8, c.length + 2)));
  const step = Math.max(1, Math.floor(rowCount / 2000));
  for (let r = 0; r < rowCount; r += step) {
    const n = String(r + 2);
    for (let c = 0; c < columns.length; c++) {
      const cell = ws[L[c]! + n] as Cell | undefined;
      const len = cell ? String(cell.v).length : 0;
      if (len + 2 > w[c]!) w[c] = Math.min(50, len + 2);
    }
  }
  return w.map((wch) => ({ wch }));
}

/** The Hasil sheet; `rows` is read once, in order (it may be a stream reusing one row object). */
export function buildHasilSheet(table: TableShape, rows: Iterable<ResultRow>): Sheet {
  const cols = table.columns.length;
  const L = columnLetters(cols);
  const ws: Sheet = {};
  for (let c = 0; c < cols; c++) ws[L[c]! + 1] = { t: 's', v: table.columns[c]!, s: HEADER_STYLE };
  const elStart = table.firstElementColumn + 0;
  const elCount = table.elements.length;
  let r = 0;
  for (const row of rows) {
    const n = String(r + 2);
    const v = row.values;
    for (let c = 0; c < cols; c++) {
      const text = v[c];
      if (text === undefined || text === '') continue;
      ws[L[c]! + n] = { t: 's', v: text } satisfies Cell;
    }
    (ws[L[table.statusColumn]! + n] as Cell).s = STATUS_STYLE[row.status];
    for (let e = 0; e < elCount; e++) {
      const res = row.results[e];
      const style = res ? RESULT_STYLE[res] : undefined;
      if (style) (ws[L[elStart + e]! + n] as Cell).s = style;
    }
    r++;
  }
  const last = `${L[cols - 1]}${r + 1}`;
  ws['!ref'] = `A1:${last}`;
  ws['!autofilter'] = { ref: `A1:${last}` };
  ws['!cols'] = widths(table.columns, ws, L, r);
  return ws;
}

/** A small sheet written row by row from plain arrays (numbers stay numbers). */
function sheetFromRows(rows: (string | number | { v: string | number; s: CellStyle } | null)[][], colWidths: number[]): Sheet {
  const ws: Sheet = {};
  const L = columnLetters(Math.max(1, ...rows.map((r) => r.length)));
  rows.forEach((row, r) =>
    row.forEach((x, c) => {
      if (x === null || x === '') return;
      const val = typeof x === 'object' ? x.v : x;
      const cell: Cell = typeof val === 'number' ? { t: 'n', v: val } : { t: 's', v: val };
      if (typeof x === 'object') cell.s = x.s;
      ws[L[c]! + (r + 1)] = cell;
    }),
  );
  ws['!ref'] = `A1:${L[L.length - 1]}${Math.max(1, rows.length)}`;
  ws['!cols'] = colWidths.map((wch) => ({ wch }));
  return ws;
}

export function buildRingkasanSheet(table: TableShape, counts: BatchCounts): Sheet {
  const b = table.batch;
  const h = (v: string) => ({ v, s: HEADER_STYLE });
  const rows: (string | number | { v: string | number; s: CellStyle } | null)[][] = [
    [{ v: 'RINGKASAN HASIL PEMADANAN DATA KEPENDUDUKAN', s: TITLE_STYLE }],
    ['Dinas Kependudukan dan Pencatatan Sipil Kota Parepare'],
    [],
    [{ v: 'Tujuan pemrosesan', s: BOLD_STYLE }],
    ['Nomor batch', String(b.id)],
    ['Instansi', b.agencyName],
    ['Program', b.programName ?? '-'],
    ['Nomor surat', b.letterNo ?? '-'],
    ['Tanggal surat diterima', tanggalId(b.receivedOn)],
    ['Saluran', b.channel ?? '-'],
    ['Keperluan', b.purpose ?? '-'],
    ['Nama berkas', b.fileName],
    ['Tanggal impor', tanggalId(b.createdAt)],
    ['Tanggal pemadanan', tanggalId(b.matchedAt)],
    ['Tanggal ekspor', tanggalId(new Date().toISOString())],
    ['Jumlah baris', counts.rows],
    ['Nilai SIAK yang diberikan (PKS)', table.siakElements.length ? table.siakElements.map((e) => ELEMENT_HEADER[e]).join(', ') : 'Tidak ada'],
    [],
    [h('STATUS'), h('JUMLAH'), h('ARTI (KETERANGAN WARNA)')],
    ...STATUSES.map((s) => [{ v: STATUS_LABEL[s], s: STATUS_STYLE[s] }, counts.status[s] ?? 0, STATUS_MEANING[s]]),
    [],
    [h('ALASAN'), h('JUMLAH')],
    ...REASONS.filter((r) => counts.reason[r]).map((r) => [REASON_TEXT[r], counts.reason[r]!]),
    ...(REASONS.some((r) => counts.reason[r]) ? [] : [['Tidak ada']]),
    [],
    [h('ELEMEN'), ...ELEMENT_RESULTS.map((x) => h(ELEMENT_RESULT_LABEL[x]))],
    ...table.elements.map((el) => [ELEMENT_HEADER[el], ...ELEMENT_RESULTS.map((x) => counts.elements[el]?.[x] ?? 0)]),
    [],
    [{ v: 'MIRIP', s: RESULT_STYLE.MIRIP! }, 'Beda kecil (salah ketik, satu kata kurang)'],
    [{ v: 'TIDAK SESUAI', s: RESULT_STYLE.TIDAK_SESUAI! }, 'Berbeda dengan data SIAK'],
    [],
    ['Sesuai UU 24/2013 pasal 79, nilai data SIAK hanya diberikan untuk elemen yang tercantum dalam PKS instansi.'],
  ];
  return sheetFromRows(rows, [34, 14, 60, 14, 14]);
}

/** Writes the workbook; returns its size in bytes. */
export function writeResultXlsx(table: TableShape, rows: Iterable<ResultRow>, counts: BatchCounts, out: string): number {
  const wb = {
    SheetNames: ['Hasil', 'Ringkasan'],
    Sheets: { Hasil: buildHasilSheet(table, rows), Ringkasan: buildRingkasanSheet(table, counts) },
    Props: { Title: `Hasil pemadanan batch ${table.batch.id}`, Author: 'Dukcapil Kota Parepare (Padan)' },
  };
  // Uncompressed first: repacking deflates each part once, with native zlib. No shared
  // string table: it triples the write time; cells are then t="str" without a formula,
  // which Excel and LibreOffice open as plain text.
  const raw = XLSX().write(wb as never, { type: 'buffer', bookType: 'xlsx', bookSST: false, compression: false }) as Buffer;
  const entries = readZip(raw);
  for (const e of entries) if (e.name === 'xl/worksheets/sheet1.xml') e.data = freezeHeaderRow(e.data);
  const buf = writeZip(entries);
  writeFileSync(out, buf);
  return buf.length;
}
