// Turns the sheet's data rows into import rows: the cells verbatim, the NIK cleaned and
// checked, the elements normalised, and findings flagged (never guessed).
import { cellNumber, cellText, type ImportFlag, type SheetCell } from '../../shared/columns.ts';
import { birthDateOfCell, splitTtl } from '../../shared/dates.ts';
import type { Field } from '../../shared/domain.ts';
import { cleanNik, compareNikWithRow, type NikReason } from '../../shared/nik.ts';
import { dataMerges, type SheetMerges } from './data-merges.ts';
import type { ColumnMapping } from './mapping.ts';
import type { Merge } from './read-worker.ts';

export interface ImportRow {
  /** 0-based order of data rows. */
  seq: number;
  /** 1-based row number in the sheet. */
  rowNo: number;
  cells: SheetCell[];
  nikInput: string;
  nik: string | null;
  nikReason: NikReason | null;
  nikSuspect: boolean;
  nikDetail: string | null;
  name: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  birthDateRaw: string | null;
  sex: '1' | '2' | null;
  kk: string | null;
  motherName: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
  flags: ImportFlag[];
  /** rowNo of the first row with the same clean NIK. */
  duplicateOfRow: number | null;
}

export interface ValidationSummary {
  rows: number;
  nikValid: number;
  nikReasons: Record<NikReason, number>;
  /** Numeric 16-digit NIK cells ending in 0 (Excel may have replaced digit 16). */
  suspects: number;
  duplicates: number;
  unreadableDates: number;
  nikBirthDateDiffers: number;
  nikSexDiffers: number;
  flags: Partial<Record<ImportFlag, number>>;
}

const SEX: Readonly<Record<string, '1' | '2'>> = Object.assign(Object.create(null) as Record<string, '1' | '2'>, {
  L: '1', LK: '1', 'LAKI-LAKI': '1', 'LAKI LAKI': '1', LAKI: '1', PRIA: '1', '1': '1', M: '1',
  P: '2', PR: '2', PEREMPUAN: '2', WANITA: '2', '2': '2', W: '2', F: '2',
});

const MESSY = /[\t\n\r\u00a0]| {2}/;

/** Trimmed text with single spaces, or null when empty. Fast path for ordinary cells. */
function text(c: SheetCell | undefined): string | null {
  if (c === undefined) return null;
  const v = typeof c === 'string' ? c : c[0];
  if (v === '') return null;
  const t = MESSY.test(v) ? v.replace(/\u00a0/g, ' ').replace(/\s+/g, ' ').trim() : v.trim();
  return t === '' ? null : t;
}

/**
 * `untyped`: the file carries no cell types (CSV), see NikInput.untyped. `merges`: the
 * sheet's merged ranges, so cells merged down the data rows are filled (data-merges.ts).
 */
export function buildRows(
  sheetRows: SheetCell[][],
  indexes: number[],
  mapping: ColumnMapping[],
  referenceYear?: number,
  untyped = false,
  merges: readonly Merge[] = [],
): ImportRow[] {
  const build = createRowBuilder(mapping, referenceYear, untyped, { rows: sheetRows, merges, firstDataRow: indexes[0] ?? 0 });
  const out: ImportRow[] = new Array(indexes.length);
  for (let seq = 0; seq < indexes.length; seq++) out[seq] = build(sheetRows[indexes[seq]!]!, indexes[seq]!, seq);
  return out;
}

/**
 * One row at a time, in sheet order (duplicates refer to the first earlier row), so the
 * import worker can build and hand over rows in chunks while the main thread stores them.
 */
export function createRowBuilder(
  mapping: ColumnMapping[],
  referenceYear?: number,
  untyped = false,
  sheet?: SheetMerges,
): (cells: SheetCell[], i: number, seq: number) => ImportRow {
  const at = (f: Field): number => mapping.find((m) => m.field === f)?.column ?? -1;
  const cNik = at('NIK'), cName = at('NAMA'), cPlace = at('TMPT_LHR'), cDate = at('TGL_LHR'), cTtl = at('TTL');
  const cSex = at('JENIS_KELAMIN'), cKk = at('NO_KK'), cMother = at('NAMA_IBU'), cAddr = at('ALAMAT');
  const cRt = at('RT'), cRw = at('RW'), cKel = at('KELURAHAN'), cKec = at('KECAMATAN');
  const pick = (row: SheetCell[], c: number): SheetCell | undefined => (c < 0 ? undefined : row[c]);
  const firstRow = new Map<string, number>();
  const year = referenceYear ?? new Date().getFullYear();
  const dateOpts = { referenceYear: year };
  const merged = sheet ? dataMerges(sheet, mapping.map((m) => m.column), cNik) : null;
  return (sheetCells, i, seq) => {
    const flags: ImportFlag[] = [];
    const cells = merged ? merged.fill(sheetCells, i) : sheetCells;
    if (merged?.nikMerged(i)) flags.push('NIK_SEL_GABUNG');
    const nikCell = pick(cells, cNik);
    const raw = cellNumber(nikCell);
    const nik = cleanNik({ text: cellText(nikCell), numeric: raw !== undefined, untyped, ...(raw !== undefined ? { raw } : {}) });
    if (nik.suspect) flags.push('NIK_CURIGA_EXCEL');

    let birthPlace = text(pick(cells, cPlace));
    let birthDate: string | null = null;
    let birthDateRaw: string | null = null;
    const dateCell = pick(cells, cDate);
    if (dateCell !== undefined && cellText(dateCell).trim() !== '') {
      birthDateRaw = cellText(dateCell).trim();
      const p = birthDateOfCell(birthDateRaw, cellNumber(dateCell), dateOpts);
      birthDate = p.iso;
      if (!p.ok) flags.push('TGL_TIDAK_TERBACA');
    }
    const ttlCell = pick(cells, cTtl);
    if (ttlCell !== undefined && cellText(ttlCell).trim() !== '') {
      const ttl = splitTtl(cellText(ttlCell), dateOpts);
      birthPlace ??= ttl.place;
      if (birthDateRaw === null) {
        birthDateRaw = ttl.dateText;
        birthDate = ttl.date.iso;
        if (ttl.dateText !== null && !ttl.date.ok) flags.push('TGL_TIDAK_TERBACA');
      }
    }
    let sex: '1' | '2' | null = null;
    const sexText = text(pick(cells, cSex));
    if (sexText !== null) {
      sex = SEX[sexText.toUpperCase().replace(/\.$/, '')] ?? null;
      if (sex === null) flags.push('JK_TIDAK_TERBACA');
    }
    const kkCell = pick(cells, cKk);
    let kk: string | null = null;
    if (kkCell !== undefined && cellText(kkCell).trim() !== '') {
      const n = cellNumber(kkCell);
      kk = n !== undefined && Number.isSafeInteger(n) ? String(n) : cellText(kkCell).replace(/\.0+$/, '').replace(/['\s\u00a0.-]/g, '');
      if (!/^\d{16}$/.test(kk)) flags.push('KK_FORMAT');
    }
    if (nik.clean) {
      const diff = compareNikWithRow(nik.clean, birthDate, sex, year);
      if (diff.birthDateDiffers) flags.push('NIK_TGL_BEDA');
      if (diff.sexDiffers) flags.push('NIK_JK_BEDA');
    }
    let duplicateOfRow: number | null = null;
    // A NIK Excel may have damaged (RUSAK_EXCEL ...0000, or a suspect numeric cell whose
    // digit 16 became 0) is not the person's NIK: 7372012345678901 and ...902 both arrive as
    // ...900. It takes no part in duplicate checks, neither as duplicate nor as first row;
    // the match's repair finds who each one is. Intact NIKs are checked as always.
    if (nik.clean && nik.reason === null && !nik.suspect) {
      const first = firstRow.get(nik.clean);
      if (first === undefined) firstRow.set(nik.clean, i + 1);
      else {
        duplicateOfRow = first;
        flags.push('NIK_GANDA');
      }
    }
    return {
      seq,
      rowNo: i + 1,
      cells,
      nikInput: cellText(nikCell),
      nik: nik.clean,
      nikReason: nik.reason,
      nikSuspect: nik.suspect,
      nikDetail: nik.detail,
      name: text(pick(cells, cName)),
      birthPlace,
      birthDate,
      birthDateRaw,
      sex,
      kk,
      motherName: text(pick(cells, cMother)),
      address: text(pick(cells, cAddr)),
      rt: text(pick(cells, cRt)),
      rw: text(pick(cells, cRw)),
      kelurahan: text(pick(cells, cKel)),
      kecamatan: text(pick(cells, cKec)),
      flags,
      duplicateOfRow,
    };
  };
}

export function emptySummary(): ValidationSummary {
  return {
    rows: 0,
    nikValid: 0,
    nikReasons: { KOSONG: 0, FORMAT: 0, RUSAK_EXCEL: 0 },
    suspects: 0,
    duplicates: 0,
    unreadableDates: 0,
    nikBirthDateDiffers: 0,
    nikSexDiffers: 0,
    flags: {},
  };
}

/** Counts one row into `s` (the import worker summarises chunk by chunk). */
export function addToSummary(s: ValidationSummary, r: ImportRow): void {
  s.rows++;
  if (r.nikReason) s.nikReasons[r.nikReason]++;
  else s.nikValid++;
  if (r.nikSuspect) s.suspects++;
  if (r.duplicateOfRow !== null) s.duplicates++;
  for (const f of r.flags) {
    s.flags[f] = (s.flags[f] ?? 0) + 1;
    if (f === 'TGL_TIDAK_TERBACA') s.unreadableDates++;
    else if (f === 'NIK_TGL_BEDA') s.nikBirthDateDiffers++;
    else if (f === 'NIK_JK_BEDA') s.nikSexDiffers++;
  }
}

export function summarize(rows: ImportRow[]): ValidationSummary {
  const s = emptySummary();
  for (const r of rows) addToSummary(s, r);
  return s;
}

/** batch_rows columns per row, in rowParams order. */
export const ROW_COLS = 22;
/** Rows per multi-row INSERT: fewer calls across the native boundary for 100,000 rows. */
export const ROWS_PER_INSERT = 32;

/**
 * Appends one row's batch_rows values to `out`; batch_id is 0 here and set by storeBatch
 * (the import worker builds these before the batch exists).
 */
export function rowParams(r: ImportRow, out: unknown[]): void {
  out.push(
    0, r.seq, r.rowNo, JSON.stringify(r.cells), r.nikInput, r.nik, r.nikReason, r.nikSuspect ? 1 : 0, r.name,
    r.birthPlace, r.birthDate, r.birthDateRaw, r.sex, r.kk, r.motherName, r.address, r.rt, r.rw, r.kelurahan,
    r.kecamatan, r.flags.length ? JSON.stringify(r.flags) : '[]', r.duplicateOfRow,
  );
}
