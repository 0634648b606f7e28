// Agency workbooks of N rows for benchmarks (10,000 / 55,000 / 100,000 / 1,048,576).
// Up to 200,000 rows: .xlsx via sheetjs-style. Above that (and always for format 'csv'): a
// ';' CSV streamed row by row, so memory stays flat; an .xlsx sheet cannot hold 1,048,576
// data rows plus a header anyway (Excel's limit is 1,048,576 rows in total).
import { createWriteStream, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import type XlsxStyle from 'sheetjs-style';
import { lazyModule } from '../lazy-module.ts';
import { createPrng } from './prng.ts';
import { loadPersons, RowMaker, type Cell, type Column } from './rows.ts';
import { toCsv } from './workbooks.ts';

// Only the sample files need the writer; the demo registry alone does not (lazy-module.ts).
const XLSX = lazyModule<typeof XlsxStyle>('sheetjs-style');

const COLUMNS: readonly (readonly [string, Column])[] = [
  ['NIK', 'NIK'], ['NAMA LENGKAP', 'NAMA'], ['TANGGAL LAHIR', 'TGL_LHR'], ['JK', 'JK'], ['NO KK', 'NO_KK'], ['ALAMAT', 'ALAMAT'], ['KELURAHAN', 'KELURAHAN'],
];

export interface BenchWorkbookOptions { path: string; rows: number; registryPath: string; seed?: number; format?: 'xlsx' | 'csv' }

export async function generateBenchWorkbook(opts: BenchWorkbookOptions): Promise<{ path: string; rows: number; format: 'xlsx' | 'csv' }> {
  const format = opts.format ?? (opts.rows > 200_000 ? 'csv' : 'xlsx');
  const prng = createPrng(opts.seed ?? 1);
  const maker = new RowMaker(prng, loadPersons(opts.registryPath), format === 'csv' ? 'text' : 'mixed');
  const cell = (v: Cell | undefined): string | number | null => (v && typeof v === 'object' ? v.serial : v ?? null);
  const header = COLUMNS.map(([h]) => h);
  if (format === 'xlsx') {
    const aoa: (string | number | null)[][] = [header];
    for (let i = 0; i < opts.rows; i++) { const r = maker.make(); aoa.push(COLUMNS.map(([, c]) => cell(r.cells[c]))); }
    const wb = XLSX().utils.book_new();
    XLSX().utils.book_append_sheet(wb, XLSX().utils.aoa_to_sheet(aoa), 'DATA');
    XLSX().writeFile(wb, opts.path, { bookType: 'xlsx' });
    return { path: opts.path, rows: opts.rows, format };
  }
  writeFileSync(opts.path, toCsv([header]));
  const out = createWriteStream(opts.path, { flags: 'a' });
  let buf: (string | number | null)[][] = [];
  for (let i = 0; i < opts.rows; i++) {
    const r = maker.make();
    buf.push(COLUMNS.map(([, c]) => cell(r.cells[c])));
    if (buf.length === 5000 || i === opts.rows - 1) {
      if (!out.write(toCsv(buf))) await once(out, 'drain');
      buf = [];
    }
  }
  out.end();
  await once(out, 'finish');
  return { path: opts.path, rows: opts.rows, format };
}
