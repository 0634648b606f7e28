// NIK rules (domain.md §3, §4). Browser-safe: no Node imports.
// NIK = PP KK CC DDMMYY SSSS; the day carries +40 for women.
import { isKnownProvince } from './wilayah/index.ts';

export type NikReason = 'KOSONG' | 'FORMAT' | 'RUSAK_EXCEL';

export interface NikInput {
  /** The cell as displayed in the file. */
  text: string;
  /** The cell was stored as a number (Excel may have dropped digit 16). */
  numeric?: boolean;
  /** The stored number when numeric. */
  raw?: number;
  /**
   * The file has no cell types (CSV). A bare 16-digit value whose serial is 0000 there is a
   * number Excel wrote out when the CSV was saved, digit 16 already lost (serials
   * 0001-0009); other values ending in 0 cannot be told apart from typed NIKs and stay as
   * they are (the repair's single-digit substitutions still cover their last digit).
   */
  untyped?: boolean;
}

export interface CleanNik {
  input: string;
  /**
   * The 16 digits, or null when none could be read. With reason RUSAK_EXCEL from a numeric
   * cell it holds the damaged digits (ending 0000), for lastDigitVariants.
   */
  clean: string | null;
  reason: NikReason | null;
  /** Numeric 16-digit cell ending in 0: if not found, try its ten last digits. */
  suspect: boolean;
  /** Indonesian explanation for the operator, null when clean. */
  detail: string | null;
}

// Characters agencies type or paste around a NIK: apostrophe forcing text, spaces, NBSP,
// thin spaces, separators.
const STRIP = /['‘’`\s\u00a0\u2007\u202f.\-–_]/g;
const SCIENTIFIC = /^[+-]?\d+(?:[.,]\d+)?[eE][+]?\d+$/;

/** Cleans a NIK cell and checks its structure; never looks it up. */
export function cleanNik(cell: NikInput): CleanNik {
  const input = cell.text ?? '';
  const base = { input, suspect: false };
  let digits: string;
  const numeric = cell.numeric === true && typeof cell.raw === 'number' && Number.isFinite(cell.raw);
  const bareDigits = cell.untyped === true && /^\d{16}$/.test(input.trim());
  if (numeric) {
    const raw = cell.raw as number;
    if (!Number.isInteger(raw) || raw < 0 || raw >= 1e21) {
      return { ...base, clean: null, reason: 'FORMAT', detail: 'NIK berupa angka pecahan, negatif, atau terlalu besar.' };
    }
    // BigInt spells out every digit (String() would switch to exponent notation).
    digits = BigInt(raw).toString();
  } else {
    const t = input.trim();
    if (t === '') return { ...base, clean: null, reason: 'KOSONG', detail: 'NIK kosong.' };
    if (SCIENTIFIC.test(t.replace(/\s/g, ''))) {
      return { ...base, clean: null, reason: 'RUSAK_EXCEL', detail: `NIK tertulis dalam notasi ilmiah (${t}); digitnya sudah hilang di Excel.` };
    }
    digits = t.replace(/\.0+$/, '').replace(STRIP, '');
  }
  if (digits === '') return { ...base, clean: null, reason: 'KOSONG', detail: 'NIK kosong.' };
  // A numeric 16-digit cell: Excel keeps 15 significant digits, so digit 16 may be a 0 it
  // invented; above 2^53 the stored number cannot even hold every digit.
  const suspect =
    (numeric && digits.length === 16 && (digits.endsWith('0') || !Number.isSafeInteger(cell.raw))) ||
    (bareDigits && digits.endsWith('0000'));
  const problem = nikStructureProblem(digits);
  if (problem) {
    // Serial 0000 from a numeric cell is the lost digit itself (serials 0001-0009): the
    // digits stay as clean so the repair can try the ten last digits.
    if (suspect && digits.endsWith('0000') && nikStructureProblem(digits.slice(0, 15) + '1') === null) {
      return { input, clean: digits, reason: 'RUSAK_EXCEL', suspect, detail: 'Sel NIK berupa angka dan digit ke-16 hilang di Excel (nomor urut menjadi 0000).' };
    }
    return { ...base, clean: null, reason: 'FORMAT', detail: problem };
  }
  return {
    input,
    clean: digits,
    reason: null,
    suspect,
    detail: suspect ? 'Sel NIK berupa angka: digit ke-16 mungkin sudah diganti 0 oleh Excel.' : null,
  };
}

/** Why a string is not a structurally valid NIK (Indonesian), or null when it is. */
export function nikStructureProblem(nik: string): string | null {
  if (!/^\d+$/.test(nik)) return 'NIK mengandung karakter selain angka.';
  if (nik.length !== 16) return `NIK harus 16 digit, tertulis ${nik.length} digit.`;
  if (!isKnownProvince(nik.slice(0, 2))) return `Kode provinsi ${nik.slice(0, 2)} tidak dikenal.`;
  if (nikBirthDate(nik) === null) return `Tanggal lahir dalam NIK (${nik.slice(6, 12)}) tidak mungkin.`;
  if (nik.slice(12) === '0000') return 'Nomor urut NIK 0000 tidak sah.';
  return null;
}

export function isValidNik(nik: string): boolean {
  return nikStructureProblem(nik) === null;
}

/**
 * Birth date encoded in the NIK as yyyy-mm-dd. The NIK holds only two year digits: the
 * century is the latest one that does not put the birth in the future.
 */
export function nikBirthDate(nik: string, referenceYear: number = thisYear()): string | null {
  if (!/^\d{16}$/.test(nik)) return null;
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  const yy = Number(nik.slice(10, 12));
  if (day > 40) day -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12) return null;
  let year = Math.floor(referenceYear / 100) * 100 + yy;
  if (year > referenceYear) year -= 100;
  if (!dateExists(year, month, day)) return null;
  return `${year}-${pad(month)}-${pad(day)}`;
}

/** '1' laki-laki, '2' perempuan (day > 40), null when not a 16-digit string. */
export function nikSex(nik: string): '1' | '2' | null {
  if (!/^\d{16}$/.test(nik)) return null;
  return Number(nik.slice(6, 8)) > 40 ? '2' : '1';
}

export interface NikRowCheck {
  /** The row's birth date differs from the NIK's (day and month, and the two year digits). */
  birthDateDiffers: boolean;
  sexDiffers: boolean;
}

/**
 * Compares the NIK's own birth date and sex with the row's columns. A difference is a data
 * difference to report (NIK_TGL_BEDA / NIK_JK_BEDA), never a malformed NIK. Only the two
 * year digits are compared: the NIK does not hold the century.
 */
export function compareNikWithRow(nik: string, birthDate: string | null, sex: string | null, referenceYear?: number): NikRowCheck {
  const own = nikBirthDate(nik, referenceYear);
  let birthDateDiffers = false;
  if (own && birthDate && /^\d{4}-\d{2}-\d{2}$/.test(birthDate)) {
    birthDateDiffers = own.slice(2) !== birthDate.slice(2);
  }
  const ownSex = nikSex(nik);
  const sexDiffers = !!(ownSex && (sex === '1' || sex === '2') && ownSex !== sex);
  return { birthDateDiffers, sexDiffers };
}

// ---- Candidate variants for the repair engine: each returns valid 16-digit NIKs only ----

/** The number of the two digits at i..i+1 (a module-level function: a closure per call costs more than the check). */
export function twoDigits(s: string, i: number): number {
  return (s.charCodeAt(i) - 48) * 10 + s.charCodeAt(i + 1) - 48;
}

/**
 * isValidNik for a string already known to hold 16 digits, without slicing, regexes or
 * building the date text: the variant generators below call it ~150 times per invalid row.
 */
function validDigits16(v: string, year: number): boolean {
  if (!isKnownProvince(v.slice(0, 2))) return false;
  let day = twoDigits(v, 6);
  const month = twoDigits(v, 8);
  if (day > 40) day -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12) return false;
  let y = Math.floor(year / 100) * 100 + twoDigits(v, 10);
  if (y > year) y -= 100;
  if (!dateExists(y, month, day)) return false;
  return !(v.charCodeAt(12) === 48 && v.charCodeAt(13) === 48 && v.charCodeAt(14) === 48 && v.charCodeAt(15) === 48);
}

/** The ten NIKs sharing the first 15 digits (Excel replaced digit 16 by 0). */
export function lastDigitVariants(nik15or16: string): string[] {
  const head = nik15or16.slice(0, 15);
  if (!/^\d{15}$/.test(head)) return [];
  const year = thisYear();
  const out: string[] = [];
  for (let d = 0; d <= 9; d++) {
    const v = head + d;
    if (validDigits16(v, year)) out.push(v);
  }
  return out;
}

const DIGIT_CHARS = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** One digit typed wrong: every position, every other digit. */
export function substitutionVariants(nik: string): string[] {
  if (!/^\d{16}$/.test(nik)) return [];
  const year = thisYear();
  // Each (position, digit) pair yields a distinct string, so no Set is needed to dedupe.
  const out: string[] = [];
  for (let i = 0; i < 16; i++) {
    const head = nik.slice(0, i);
    const tail = nik.slice(i + 1);
    for (const c of DIGIT_CHARS) {
      if (c === nik[i]) continue;
      const v = head + c + tail;
      if (validDigits16(v, year)) out.push(v);
    }
  }
  return out;
}

/** Two neighbouring digits swapped. */
export function transpositionVariants(nik: string): string[] {
  if (!/^\d{16}$/.test(nik)) return [];
  const year = thisYear();
  const out = new Set<string>();
  for (let i = 0; i < 15; i++) {
    if (nik[i] === nik[i + 1]) continue;
    const v = nik.slice(0, i) + nik[i + 1] + nik[i] + nik.slice(i + 2);
    if (validDigits16(v, year)) out.add(v);
  }
  return [...out];
}

/** A 15-digit entry: one digit left out somewhere. */
export function missingDigitVariants(nik15: string): string[] {
  if (!/^\d{15}$/.test(nik15)) return [];
  const year = thisYear();
  const out = new Set<string>();
  for (let i = 0; i <= 15; i++) {
    for (let d = 0; d <= 9; d++) {
      const v = nik15.slice(0, i) + d + nik15.slice(i);
      if (validDigits16(v, year)) out.add(v);
    }
  }
  return [...out];
}

/** A 17-digit entry: one digit too many. */
export function extraDigitVariants(nik17: string): string[] {
  if (!/^\d{17}$/.test(nik17)) return [];
  const year = thisYear();
  const out = new Set<string>();
  for (let i = 0; i < 17; i++) {
    const v = nik17.slice(0, i) + nik17.slice(i + 1);
    if (validDigits16(v, year)) out.add(v);
  }
  return [...out];
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

/** Arithmetic, not Date: this runs for every row of a 100,000-row file. */
function dateExists(y: number, m: number, d: number): boolean {
  if (m < 1 || m > 12 || d < 1) return false;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  return d <= (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!);
}

let cachedYear = 0;
let cachedAt = 0;
/** The current year, read from the clock at most once a minute (hot path). */
function thisYear(): number {
  const now = Date.now();
  if (now - cachedAt > 60_000) {
    cachedYear = new Date(now).getFullYear();
    cachedAt = now;
  }
  return cachedYear;
}

function pad(n: number): string {
  return String(n).padStart(2, '0');
}
