// Header-name vocabulary of agencies' spreadsheets (domain.md §4) and the cell shape the
// import keeps. Shared so the renderer's mapping wizard shows the same guesses.
// Browser-safe: no Node imports.
import type { Field } from './domain.ts';

/**
 * A cell as read from the file: the displayed text, or [displayed text, stored number] when
 * the cell was numeric (a numeric NIK may have lost digit 16 in Excel). '' is a blank cell.
 * This is the shape kept verbatim in batch_rows.cells.
 */
export type SheetCell = string | [string, number];

export function cellText(c: SheetCell | undefined): string {
  if (c === undefined) return '';
  return typeof c === 'string' ? c : c[0];
}

export function cellNumber(c: SheetCell | undefined): number | undefined {
  return c !== undefined && typeof c !== 'string' ? c[1] : undefined;
}

/** Findings the import records per row (batch_rows.flags). */
export const IMPORT_FLAGS = [
  'TGL_TIDAK_TERBACA', // birth date present but unreadable: kept as text
  'NIK_TGL_BEDA', // NIK's own birth date differs from the row's
  'NIK_JK_BEDA', // NIK's own sex differs from the row's
  'JK_TIDAK_TERBACA',
  'NIK_GANDA', // same clean NIK earlier in the batch
  'NIK_CURIGA_EXCEL', // numeric 16-digit cell ending in 0
  'NIK_SEL_GABUNG', // NIK cell merged down over several rows: never copied to the rows below
  'KK_FORMAT', // KK present but not 16 digits
] as const;
export type ImportFlag = (typeof IMPORT_FLAGS)[number];

/** Upper case, punctuation to spaces, single spaces: how headers are compared. */
export function normalizeHeader(text: string): string {
  return text
    .toUpperCase()
    .replace(/[\r\n\t]+/g, ' ')
    .replace(/[^A-Z0-9/ ]+/g, ' ')
    .replace(/\s*\/\s*/g, '/')
    .replace(/\s+/g, ' ')
    .trim();
}

// Exact names score 1; names that only contain a phrase score lower. Order matters: the
// more specific field wins (NAMA IBU before NAMA, NO KK before NIK, NIK IBU is nothing).
const EXACT: ReadonlyArray<readonly [Field | null, readonly string[]]> = [
  [null, ['NO', 'NO URUT', 'NOMOR', 'NOMOR URUT', 'NO URT', 'URUT', 'NIK IBU', 'NIK AYAH', 'NIK KK', 'NIK KEPALA KELUARGA', 'KET', 'KETERANGAN', 'NO HP', 'NO TELP', 'HP', 'NO REK', 'NO REKENING', 'NOMOR REKENING']],
  ['NO_KK', ['NO KK', 'NOMOR KK', 'NO KARTU KELUARGA', 'NOMOR KARTU KELUARGA', 'KK', 'NKK', 'NO KK PENERIMA', 'NOKK']],
  ['NAMA_IBU', ['NAMA IBU', 'NAMA IBU KANDUNG', 'IBU KANDUNG', 'NAMA LGKP IBU', 'NAMA LENGKAP IBU']],
  ['NIK', ['NIK', 'NO NIK', 'NOMOR NIK', 'NOMOR INDUK KEPENDUDUKAN', 'NIK KTP', 'NO KTP', 'NOMOR KTP', 'NIK PENERIMA', 'NIK ANGGOTA', 'NO INDUK KEPENDUDUKAN']],
  ['NAMA', ['NAMA', 'NAMA LENGKAP', 'NAMA PENERIMA', 'NAMA LGKP', 'NAMA PESERTA', 'NAMA ANGGOTA', 'NAMA PENDUDUK', 'NAMA SESUAI KTP', 'NAMA PENERIMA MANFAAT', 'NAMA KPM', 'NAMA PEGAWAI']],
  ['TTL', ['TTL', 'TEMPAT TANGGAL LAHIR', 'TEMPAT/TANGGAL LAHIR', 'TEMPAT/TGL LAHIR', 'TEMPAT TGL LAHIR', 'TMPT/TGL LAHIR', 'TMP/TGL LAHIR', 'TEMPAT DAN TANGGAL LAHIR', 'TEMPAT/TGL LHR', 'TMPT/TGL LHR']],
  ['TMPT_LHR', ['TEMPAT LAHIR', 'TMPT LHR', 'TMPT LAHIR', 'TEMPAT LHR', 'TMP LAHIR', 'TPT LAHIR', 'TEMPAT']],
  ['TGL_LHR', ['TGL LAHIR', 'TANGGAL LAHIR', 'TGL LHR', 'TANGGAL LHR', 'TGL/BLN/THN LAHIR', 'TGL', 'TANGGAL', 'TGL BLN THN LAHIR', 'TANGGAL/BULAN/TAHUN LAHIR']],
  ['JENIS_KELAMIN', ['JK', 'L/P', 'LP', 'JENIS KELAMIN', 'JNS KELAMIN', 'JENIS KLMIN', 'KELAMIN', 'SEX', 'GENDER', 'P/L']],
  ['ALAMAT', ['ALAMAT', 'ALAMAT LENGKAP', 'ALAMAT RUMAH', 'JALAN', 'ALAMAT DOMISILI', 'ALAMAT KTP']],
  ['RT', ['RT', 'NO RT']],
  ['RW', ['RW', 'NO RW']],
  ['KELURAHAN', ['KELURAHAN', 'KEL', 'DESA/KELURAHAN', 'KELURAHAN/DESA', 'DESA', 'DESA/KEL', 'KEL/DESA', 'NAMA KELURAHAN']],
  ['KECAMATAN', ['KECAMATAN', 'KEC', 'NAMA KECAMATAN']],
];

// Phrases for headers that only contain the name ("NIK (16 DIGIT)", "NAMA LENGKAP SESUAI KTP").
const CONTAINS: ReadonlyArray<readonly [Field | null, RegExp, number]> = [
  [null, /\bNIK (IBU|AYAH|KK|KEPALA)\b/, 0.9],
  ['NO_KK', /\b(NO|NOMOR|NOMER) ?(KK|KARTU KELUARGA)\b|\bKARTU KELUARGA\b/, 0.85],
  ['NAMA_IBU', /\bIBU\b/, 0.75],
  ['TTL', /\bTEMPAT\b.*\bTANGGAL\b|\bTEMPAT\b.*\bTGL\b|\bTTL\b/, 0.8],
  ['NIK', /\bNIK\b|\bINDUK KEPENDUDUKAN\b|\bKTP\b/, 0.85],
  ['TGL_LHR', /\b(TGL|TANGGAL)\b.*\b(LAHIR|LHR)\b/, 0.85],
  ['TMPT_LHR', /\b(TEMPAT|TMPT|TMP)\b.*\b(LAHIR|LHR)\b/, 0.85],
  ['JENIS_KELAMIN', /\bKELAMIN\b|\bL\/P\b/, 0.85],
  ['NAMA', /\bNAMA\b/, 0.6],
  ['ALAMAT', /\bALAMAT\b/, 0.8],
  ['KELURAHAN', /\bKELURAHAN\b|\bDESA\b/, 0.75],
  ['KECAMATAN', /\bKECAMATAN\b/, 0.75],
  ['RT', /^RT\b|\bRT\/RW\b/, 0.5],
];

const exactIndex: ReadonlyMap<string, Field | null> = new Map(
  EXACT.flatMap(([field, names]) => names.map((n) => [normalizeHeader(n), field] as const)),
);

export interface HeaderGuess {
  /** null: the header is known and means "not a domain field" (NO, NIK IBU, ...). */
  field: Field | null;
  confidence: number;
}

/** What a header text most likely holds, or undefined when the vocabulary has no idea. */
export function guessField(header: string): HeaderGuess | undefined {
  const h = normalizeHeader(header);
  if (h === '') return undefined;
  const exact = exactIndex.get(h);
  if (exact !== undefined || exactIndex.has(h)) return { field: exact ?? null, confidence: 1 };
  for (const [field, re, confidence] of CONTAINS) {
    if (re.test(h)) return { field, confidence };
  }
  return undefined;
}

/** True when a text looks like a header name of some known field (for header-row detection). */
export function isKnownHeader(text: string): boolean {
  return guessField(text) !== undefined;
}

/** Column letters (A, B, ..., Z, AA, ...) for a 0-based index. */
export function columnLetter(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

/** 0-based index of column letters, or -1 when the text is not column letters. */
export function columnIndex(letters: string): number {
  if (!/^[A-Za-z]{1,3}$/.test(letters)) return -1;
  let n = 0;
  for (const ch of letters.toUpperCase()) n = n * 26 + (ch.charCodeAt(0) - 64);
  return n - 1;
}
