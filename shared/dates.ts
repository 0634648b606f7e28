// Birth dates as agencies write them (domain.md §4). Day first, always: Indonesian files
// never put the month first, and a date that cannot be read is flagged, never guessed.
// Browser-safe: no Node imports.

export interface ParsedDate {
  /** Calendar date yyyy-mm-dd, or null when the value could not be read. */
  iso: string | null;
  ok: boolean;
}

export interface DateOptions {
  /** Two-digit years resolve to the latest century not after this year (a birth is never in the future). */
  referenceYear?: number;
}

const MONTHS: Readonly<Record<string, number>> = Object.freeze(
  Object.assign(Object.create(null) as Record<string, number>, {
    JANUARI: 1, JAN: 1, JANUARY: 1,
    FEBRUARI: 2, FEB: 2, PEB: 2, PEBRUARI: 2, FEBRUARY: 2,
    MARET: 3, MAR: 3, MARCH: 3,
    APRIL: 4, APR: 4,
    MEI: 5, MAY: 5,
    JUNI: 6, JUN: 6, JUNE: 6,
    JULI: 7, JUL: 7, JULY: 7,
    AGUSTUS: 8, AGU: 8, AGS: 8, AGT: 8, AGUST: 8, AUG: 8, AUGUST: 8,
    SEPTEMBER: 9, SEP: 9, SEPT: 9,
    OKTOBER: 10, OKT: 10, OCT: 10, OCTOBER: 10,
    NOVEMBER: 11, NOV: 11, NOP: 11, NOPEMBER: 11,
    DESEMBER: 12, DES: 12, DEC: 12, DECEMBER: 12,
  }),
);

const FAIL: ParsedDate = Object.freeze({ iso: null, ok: false });

/** Reads an Excel serial number or a day-first date text (see birthDateOfCell for cells). */
export function parseDate(value: string | number | null | undefined, opts: DateOptions = {}): ParsedDate {
  const ref = opts.referenceYear ?? currentYear();
  if (value === null || value === undefined) return FAIL;
  if (typeof value === 'number') return fromSerial(value);
  const t = value.trim().toUpperCase().replace(/\s+/g, ' ');
  if (t === '') return FAIL;
  // Bare digits are never read as an Excel serial: 12345 or 1980 shown as a number is what
  // the agency typed, and turning it into a day would be a guess (see birthDateOfCell for
  // cells Excel formats as dates). Only 8 digits are a date: ddmmyyyy or yyyymmdd.
  if (/^\d+(\.\d+)?$/.test(t)) return /^\d{8}$/.test(t) ? eightDigits(t) : FAIL;
  let m = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return make(Number(m[1]), Number(m[2]), Number(m[3]));
  m = /^(\d{1,2})\s?[-/.]\s?(\d{1,2})\s?[-/.]\s?(\d{2}|\d{4})$/.exec(t);
  if (m) return make(year(m[3]!, ref), Number(m[2]), Number(m[1]));
  // "12 Mei 1980", "12-MEI-80", "12 Agt. 1980", "12Mei1980"
  m = /^(\d{1,2})[\s\-/.]*([A-Z]+)\.?[\s\-/.,]*(\d{2}|\d{4})$/.exec(t);
  if (m) {
    const month = MONTHS[m[2]!];
    if (month === undefined) return FAIL;
    return make(year(m[3]!, ref), month, Number(m[1]));
  }
  return FAIL;
}

/**
 * "01031980" (ddmmyyyy, as some registers write it; day first as always) or "19800301"
 * (yyyymmdd, from database exports). At most one reading is valid: ddmmyyyy needs digits 5-6
 * to start a year (18-22) and yyyymmdd needs them to be a month (01-12), so the valid one
 * is taken without guessing.
 */
function eightDigits(t: string): ParsedDate {
  const dmy = make(Number(t.slice(4)), Number(t.slice(2, 4)), Number(t.slice(0, 2)));
  return dmy.ok ? dmy : make(Number(t.slice(0, 4)), Number(t.slice(4, 6)), Number(t.slice(6)));
}

// What a number format shows for a date: 12/05/1980, 1980-05-12, 5/12/80, 12 May 1980, May-80.
const DATE_SHOWN = /\d{1,4}\s*[-/.]\s*\d{1,2}\s*[-/.]\s*\d{1,4}|\d\s*[A-Za-z]{3,}|[A-Za-z]{3,}[\s\-/.,]*\d/;

/**
 * The birth date of a spreadsheet cell: its displayed text, and its stored number when the
 * cell is numeric. A numeric cell is read as an Excel serial only when Excel shows it as a
 * date (its number format is a date format) and the serial is a plausible birth date;
 * otherwise its text is read like any other, so 1980 or 12345 in a General cell is kept
 * and flagged, not turned into a day. The serial, not the text, is read for a date cell:
 * the default date format shows month first (5/12/80).
 */
export function birthDateOfCell(text: string, serial: number | undefined, opts: DateOptions = {}): ParsedDate {
  if (serial === undefined || !DATE_SHOWN.test(text)) return parseDate(text, opts);
  return birthDateFromSerial(serial, opts);
}

/**
 * A serial of a date-formatted cell as a birth date. Serials below 2101 (before October
 * 1905) are not: nobody that old is on an agency's list, and such small numbers are a year
 * (1980 shows as 02/06/1905), a month or a day typed into a date cell. Nor is a date after
 * the reference year: a birth is never in the future.
 */
export function birthDateFromSerial(serial: number, opts: DateOptions = {}): ParsedDate {
  if (!(serial >= 2101)) return FAIL;
  const p = fromSerial(serial);
  if (p.iso === null || Number(p.iso.slice(0, 4)) > (opts.referenceYear ?? currentYear())) return FAIL;
  return p;
}

/**
 * Excel 1900 date system. Excel counts 1900-02-29, which never existed: serials from 61 on
 * are one day ahead, and serial 60 has no real date.
 */
export function fromSerial(serial: number): ParsedDate {
  if (!Number.isFinite(serial) || serial < 1 || serial >= 2958466) return FAIL;
  const whole = Math.floor(serial);
  if (whole === 60) return FAIL;
  const days = whole < 60 ? whole : whole - 1;
  const ms = Date.UTC(1899, 11, 31) + days * 86_400_000;
  const d = new Date(ms);
  return { iso: iso(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate()), ok: true };
}

/** Serial of a yyyy-mm-dd date in the 1900 system (for writing dates back). */
export function toSerial(isoDate: string): number | null {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDate);
  if (!m) return null;
  const days = (Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) - Date.UTC(1899, 11, 31)) / 86_400_000;
  return days >= 60 ? days + 1 : days;
}

export interface ParsedTtl {
  place: string | null;
  dateText: string | null;
  date: ParsedDate;
}

/** Splits "PAREPARE, 12-05-1980" (or "PAREPARE 12 MEI 1980", "PAREPARE/12-05-1980"). */
export function splitTtl(text: string, opts: DateOptions = {}): ParsedTtl {
  const t = (text ?? '').trim();
  if (t === '') return { place: null, dateText: null, date: FAIL };
  const comma = t.lastIndexOf(',');
  if (comma >= 0) {
    const place = t.slice(0, comma).trim() || null;
    const dateText = t.slice(comma + 1).trim() || null;
    return { place, dateText, date: parseDate(dateText, opts) };
  }
  // No comma: the date is the tail starting at the first digit.
  const m = /^(.*?)[\s/;]*(\d.*)$/.exec(t);
  if (m) {
    const place = m[1]!.replace(/[\s/;,]+$/, '').trim() || null;
    return { place, dateText: m[2]!.trim(), date: parseDate(m[2]!, opts) };
  }
  return { place: t, dateText: null, date: FAIL };
}

function year(text: string, ref: number): number {
  if (text.length === 4) return Number(text);
  const yy = Number(text);
  let y = Math.floor(ref / 100) * 100 + yy;
  if (y > ref) y -= 100;
  return y;
}

const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

function make(y: number, m: number, d: number): ParsedDate {
  if (y < 1800 || y > 2200 || m < 1 || m > 12 || d < 1) return FAIL;
  const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
  if (d > (m === 2 && leap ? 29 : MONTH_DAYS[m - 1]!)) return FAIL;
  return { iso: iso(y, m, d), ok: true };
}

let yearCache = 0;
let yearAt = 0;
function currentYear(): number {
  const now = Date.now();
  if (now - yearAt > 60_000) {
    yearCache = new Date(now).getFullYear();
    yearAt = now;
  }
  return yearCache;
}

function iso(y: number, m: number, d: number): string {
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
