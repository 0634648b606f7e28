// Sample agency workbooks with the defects of domain.md §4 and a ground-truth JSON per file.
// Written with sheetjs-style (WRITING only: its 0.15 reader is vulnerable, never read with it).
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import type XlsxStyle from 'sheetjs-style';
import type { Element } from '../../shared/domain.ts';
import { lazyModule } from '../lazy-module.ts';
import { nikStructureValid } from './nik-check.ts';
import { createPrng, type Prng } from './prng.ts';
import { loadPersons, RowMaker, type AgencyRow, type Cell, type Column, type DateStyle } from './rows.ts';
import type { TruthFile, TruthRow } from './truth.ts';

// Only the sample files need the writer; the demo registry alone does not (lazy-module.ts).
const XLSX = lazyModule<typeof XlsxStyle>('sheetjs-style');

interface Layout {
  name: string; agency: string; ext: 'xlsx' | 'xls' | 'ods' | 'csv'; rows: number; sheet: string;
  titles: string[]; headers: readonly (readonly [string, Column | 'NO'])[]; dateStyle: DateStyle;
}

const LAYOUTS: readonly Layout[] = [
  {
    name: 'dtks-dinsos', agency: 'Dinas Sosial', ext: 'xlsx', rows: 5000, sheet: 'DTKS', dateStyle: 'mixed',
    titles: ['DAFTAR DATA TERPADU KESEJAHTERAAN SOSIAL (DTKS) KOTA PAREPARE', 'DINAS SOSIAL KOTA PAREPARE TAHUN 2024'],
    headers: [['NO', 'NO'], ['NIK', 'NIK'], ['NO KK', 'NO_KK'], ['NAMA LENGKAP', 'NAMA'], ['TEMPAT LAHIR', 'TMPT_LHR'],
      ['TANGGAL LAHIR', 'TGL_LHR'], ['JK', 'JK'], ['NAMA IBU KANDUNG', 'NAMA_IBU'], ['ALAMAT', 'ALAMAT'], ['RT', 'RT'], ['RW', 'RW'],
      ['KELURAHAN', 'KELURAHAN'], ['KECAMATAN', 'KECAMATAN']],
  },
  {
    name: 'pbi-dinkes', agency: 'Dinas Kesehatan', ext: 'xls', rows: 2000, sheet: 'PBI 2024', dateStyle: 'text',
    titles: ['DATA PESERTA PBI JKN DAERAH KOTA PAREPARE'],
    headers: [['NO.', 'NO'], ['NOMOR INDUK KEPENDUDUKAN', 'NIK'], ['NAMA PENERIMA', 'NAMA'], ['TTL', 'TTL'], ['L/P', 'JK'],
      ['ALAMAT', 'ALAMAT'], ['KELURAHAN', 'KELURAHAN']],
  },
  {
    name: 'umkm-disperindag', agency: 'Disperindag', ext: 'ods', rows: 300, sheet: 'UMKM', dateStyle: 'text',
    titles: ['DAFTAR PELAKU UMKM PENERIMA BANTUAN MODAL'],
    headers: [['NO', 'NO'], ['NO. NIK', 'NIK'], ['NAMA', 'NAMA'], ['TGL LAHIR', 'TGL_LHR'], ['JENIS KELAMIN', 'JK'], ['KECAMATAN', 'KECAMATAN']],
  },
  {
    name: 'bantuan-kelurahan', agency: 'Kelurahan Lakessi', ext: 'csv', rows: 500, sheet: 'csv', dateStyle: 'text',
    titles: [],
    headers: [['NIK', 'NIK'], ['NAMA', 'NAMA'], ['TEMPAT LAHIR', 'TMPT_LHR'], ['TANGGAL LAHIR', 'TGL_LHR'], ['NOMOR KK', 'NO_KK'], ['RT', 'RT'], ['RW', 'RW']],
  },
];

export interface SampleWorkbooksResult { files: { path: string; truthPath: string; agency: string; rows: number }[] }

type Aoa = (string | number | null)[][];

/** The elements each column carries (a TTL cell: place and date of birth). */
const COLUMN_ELEMENTS: Record<Column, Element[]> = {
  NIK: [], NAMA: ['NAMA'], TMPT_LHR: ['TMPT_LHR'], TGL_LHR: ['TGL_LHR'], TTL: ['TMPT_LHR', 'TGL_LHR'], JK: ['JENIS_KELAMIN'],
  NO_KK: ['NO_KK'], NAMA_IBU: ['NAMA_IBU'], ALAMAT: ['ALAMAT'], RT: ['RT'], RW: ['RW'], KELURAHAN: ['KELURAHAN'], KECAMATAN: ['KECAMATAN'],
};
/** The cell holding an element's own value where the column is not named after it. */
const ELEMENT_COLUMN = { JENIS_KELAMIN: 'JK' } as Partial<Record<Element, Column>>;

/** The valid NIK a cell spells (punctuation dropped, a number's digits), or null: the key of a repeat. */
function nikOfCell(cell: Cell | undefined): string | null {
  if (cell === null || cell === undefined || typeof cell === 'object') return null;
  const digits = typeof cell === 'number' ? BigInt(cell).toString() : cell.replace(/['\s\u00a0.-]/g, '');
  return nikStructureValid(digits) ? digits : null;
}

/** Lays out title rows, header, data rows (with blank rows and duplicates) and a totals row. */
export function layoutRows(prng: Prng, layout: Layout, maker: RowMaker, seed: number, fileName: string): { aoa: Aoa; serials: [number, number][]; truth: TruthFile } {
  const aoa: Aoa = layout.titles.map((t) => [t]);
  if (layout.titles.length) aoa.push([]);
  aoa.push(layout.headers.map(([h]) => h));
  const headerRow = aoa.length;
  const serials: [number, number][] = [];
  const elements = [...new Set(layout.headers.flatMap(([, col]) => (col === 'NO' ? [] : COLUMN_ELEMENTS[col])))];
  const truth: TruthFile = {
    file: fileName, agency: layout.agency, sheet: layout.sheet, seed, elements, headerRow, firstDataRow: headerRow + 1, blankRows: [], totalsRow: null, rows: [],
  };
  const made: AgencyRow[] = [];
  const firstRowOf = new Map<string, number>();
  for (let n = 1; n <= layout.rows; n++) {
    if (layout.ext !== 'csv' && prng.chance(0.003)) { aoa.push([]); truth.blankRows.push(aoa.length); }
    let row: AgencyRow;
    if (made.length > 10 && prng.chance(0.01)) {
      const orig = prng.pick(made);
      row = { cells: orig.cells, truth: { ...orig.truth, defects: [...orig.truth.defects, 'DUPLIKAT'] } };
    } else row = maker.make();
    made.push(row);
    const line = layout.headers.map(([, col], c): string | number | null => {
      if (col === 'NO') return n;
      const v: Cell | undefined = row.cells[col];
      if (v && typeof v === 'object') { serials.push([aoa.length, c]); return v.serial; }
      return v ?? null;
    });
    aoa.push(line);
    const nik = nikOfCell(row.cells.NIK);
    const duplicateOfRow = nik === null ? null : (firstRowOf.get(nik) ?? null);
    if (nik !== null && duplicateOfRow === null) firstRowOf.set(nik, aoa.length);
    // A blank cell about a registry person leaves nothing to compare.
    const blanks: TruthRow['elements'] = {};
    if (row.truth.trueNik !== null) {
      for (const el of elements) {
        const v = row.cells[ELEMENT_COLUMN[el] ?? (el as Column)];
        if (v === null || v === undefined || v === '') blanks[el] = 'KOSONG';
      }
    }
    truth.rows.push({ row: aoa.length, ...row.truth, elements: { ...blanks, ...row.truth.elements }, duplicateOfRow });
  }
  if (layout.ext !== 'csv') {
    aoa.push(['JUMLAH', layout.rows]);
    truth.totalsRow = aoa.length;
  }
  return { aoa, serials, truth };
}

function writeSheetFile(path: string, layout: Layout, aoa: Aoa, serials: [number, number][]): void {
  const ws = XLSX().utils.aoa_to_sheet(aoa);
  for (const [r, c] of serials) {
    const cell = ws[XLSX().utils.encode_cell({ r, c })];
    if (cell) cell.z = 'dd/mm/yyyy';
  }
  if (layout.titles.length) {
    ws['!merges'] = layout.titles.map((_, r) => ({ s: { r, c: 0 }, e: { r, c: layout.headers.length - 1 } }));
  }
  const wb = XLSX().utils.book_new();
  XLSX().utils.book_append_sheet(wb, ws, layout.sheet);
  XLSX().writeFile(wb, path, { bookType: layout.ext === 'xls' ? 'biff8' : layout.ext });
}

export function toCsv(aoa: Aoa, delimiter = ';'): string {
  const q = (v: string | number | null): string => {
    const s = v === null ? '' : String(v);
    return /["\n;,]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
  };
  return aoa.map((r) => r.map(q).join(delimiter)).join('\r\n') + '\r\n';
}

export async function generateSampleWorkbooks(opts: { dir: string; registryPath: string; seed?: number }): Promise<SampleWorkbooksResult> {
  const seed = opts.seed ?? 1;
  const persons = loadPersons(opts.registryPath);
  const files: SampleWorkbooksResult['files'] = [];
  for (const [i, layout] of LAYOUTS.entries()) {
    const prng = createPrng(seed * 1000 + i + 1);
    const maker = new RowMaker(prng, persons, layout.dateStyle, createPrng(seed * 1000 + i + 501));
    const fileName = `${layout.name}.${layout.ext}`;
    const path = join(opts.dir, fileName);
    const { aoa, serials, truth } = layoutRows(prng, layout, maker, seed, fileName);
    if (layout.ext === 'csv') writeFileSync(path, iconv.encode(toCsv(aoa), 'win1252'));
    else writeSheetFile(path, layout, aoa, serials);
    const truthPath = join(opts.dir, `${layout.name}.truth.json`);
    writeFileSync(truthPath, JSON.stringify(truth, null, 1));
    files.push({ path, truthPath, agency: layout.agency, rows: truth.rows.length });
  }
  return { files };
}
