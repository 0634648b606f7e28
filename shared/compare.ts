// Element comparison of one agency row against one registry person (domain.md §1, §5).
// Browser-safe so the review panel can recompute a verdict after an element choice.
import type { Element, ElementResult } from './domain.ts';
import { compareNames, jaroWinkler } from './names.ts';

/** The agency's normalised values of one row (batch_rows columns). */
export interface RowElements {
  name: string | null;
  birthPlace: string | null;
  /** yyyy-mm-dd */
  birthDate: string | null;
  /** '1' / '2' */
  sex: string | null;
  kk: string | null;
  motherName: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  kelurahan: string | null;
  kecamatan: string | null;
}

/** The registry values an element is compared with (a subset of RegistryPerson). */
export interface PersonElements {
  name: string | null;
  birthPlace: string | null;
  birthDate: string | null;
  sex: string | null;
  kk: string | null;
  motherName: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
}

export type ElementResults = Partial<Record<Element, ElementResult>>;

const blank = (v: string | null | undefined): boolean => v === null || v === undefined || v.trim() === '';

/** Typo-level threshold for place names and addresses. */
const PLACE_THRESHOLD = 0.9;

/** Upper case, punctuation to spaces, single spaces. */
function words(v: string): string {
  return v
    .toUpperCase()
    .replace(/['`’]/g, '')
    .replace(/[^A-Z0-9]+/g, ' ')
    .trim();
}

/**
 * A normaliser remembered per distinct input: a batch repeats the same places, region names
 * and family addresses thousands of times, and each call runs several regexes. The memo is
 * dropped when it fills, so a long session's memory stays bounded.
 */
function memo(f: (v: string) => string, max = 50_000): (v: string) => string {
  let seen = new Map<string, string>();
  return (v) => {
    let out = seen.get(v);
    if (out === undefined) {
      if (seen.size >= max) seen = new Map();
      seen.set(v, (out = f(v)));
    }
    return out;
  };
}

const placeOf = memo((v) => words(v).replace(/^(KOTA|KABUPATEN|KAB|KOTAMADYA|KODYA)\s+/, ''));
const regionNameOf = memo((v) => words(v).replace(/^(KELURAHAN|KEL|DESA|DS|KECAMATAN|KEC)\s+/, ''));

/** Place names: "KOTA PAREPARE" = "PAREPARE", "KAB. BARRU" = "BARRU". */
export function normalizePlace(v: string | null | undefined): string {
  if (blank(v)) return '';
  return placeOf(v!);
}

/** Kelurahan/kecamatan names without their KEL./KEC./DESA prefixes. */
export function normalizeRegionName(v: string | null | undefined): string {
  if (blank(v)) return '';
  return regionNameOf(v!);
}

const STREET_WORDS: Record<string, string> = { JL: 'JALAN', JLN: 'JALAN', JALAN: 'JALAN', LR: 'LORONG', LRG: 'LORONG', PERUM: 'PERUMAHAN', KOMP: 'KOMPLEKS', KOMPLEK: 'KOMPLEKS', NO: 'NO', NOMOR: 'NO', NMR: 'NO' };

/** Addresses: JL/JLN/JALAN unified; an "RT 3 RW 2" tail is compared separately, not here. */
export function normalizeAddress(v: string | null | undefined): string {
  if (blank(v)) return '';
  return addressOf(v!);
}

const addressOf = memo((v) =>
  words(v)
    .replace(/\b(RT|RW)\s*\d+\b/g, ' ')
    .split(' ')
    .filter(Boolean)
    .map((x) => STREET_WORDS[x] ?? x)
    .join(' '),
);

/** L / P / LAKI-LAKI / PEREMPUAN / 1 / 2 -> '1' | '2' | null. */
export function normalizeSex(v: string | null | undefined): '1' | '2' | null {
  if (blank(v)) return null;
  const s = v!.toUpperCase().replace(/[^A-Z0-9]/g, '');
  if (s === '1' || s === 'L' || s === 'LK' || s.startsWith('LAKI') || s === 'PRIA') return '1';
  if (s === '2' || s === 'P' || s === 'PR' || s.startsWith('PEREMPUAN') || s === 'WANITA') return '2';
  return null;
}

/** '003' = '3'; null when there is no number. */
function number(v: string | null | undefined): number | null {
  if (blank(v)) return null;
  const d = v!.replace(/\D/g, '');
  return d ? Number(d) : null;
}

function digitsOnly(v: string | null | undefined): string {
  return blank(v) ? '' : v!.replace(/\D/g, '');
}

/** One digit substituted, or two adjacent digits swapped. */
function typoDigits(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  const diff: number[] = [];
  for (let i = 0; i < a.length && diff.length <= 2; i++) if (a[i] !== b[i]) diff.push(i);
  if (diff.length === 1) return true;
  return diff.length === 2 && diff[1] === diff[0]! + 1 && a[diff[0]!] === b[diff[1]!] && a[diff[1]!] === b[diff[0]!];
}

/** Birth dates: MIRIP when day and month are swapped or one digit is off. */
export function compareDates(a: string | null | undefined, b: string | null | undefined): ElementResult {
  if (blank(a) || blank(b)) return 'KOSONG';
  if (a === b) return 'SESUAI';
  const pa = /^(\d{4})-(\d{2})-(\d{2})$/.exec(a!);
  const pb = /^(\d{4})-(\d{2})-(\d{2})$/.exec(b!);
  if (!pa || !pb) return 'TIDAK_SESUAI';
  if (pa[1] === pb[1] && pa[2] === pb[3] && pa[3] === pb[2]) return 'MIRIP';
  return typoDigits(pa.slice(1).join(''), pb.slice(1).join('')) ? 'MIRIP' : 'TIDAK_SESUAI';
}

function compareText(a: string, b: string, threshold: number): ElementResult {
  if (!a || !b) return 'KOSONG';
  if (a === b) return 'SESUAI';
  return jaroWinkler(a, b) >= threshold ? 'MIRIP' : 'TIDAK_SESUAI';
}

function compareAddress(a: string, b: string): ElementResult {
  if (!a || !b) return 'KOSONG';
  if (a === b) return 'SESUAI';
  // One side often adds or drops a house number or a "JALAN".
  if (a.includes(b) || b.includes(a)) return 'MIRIP';
  return jaroWinkler(a, b) >= PLACE_THRESHOLD ? 'MIRIP' : 'TIDAK_SESUAI';
}

function compareNumber(a: string | null, b: string | null): ElementResult {
  const x = number(a);
  const y = number(b);
  if (x === null || y === null) return 'KOSONG';
  return x === y ? 'SESUAI' : 'TIDAK_SESUAI';
}

function compareKk(a: string | null, b: string | null): ElementResult {
  const x = digitsOnly(a);
  const y = digitsOnly(b);
  if (!x || !y) return 'KOSONG';
  if (x === y) return 'SESUAI';
  return typoDigits(x, y) ? 'MIRIP' : 'TIDAK_SESUAI';
}

function compareSex(a: string | null, b: string | null): ElementResult {
  const x = normalizeSex(a);
  const y = normalizeSex(b);
  if (x === null || y === null) return 'KOSONG';
  return x === y ? 'SESUAI' : 'TIDAK_SESUAI';
}

/** Compares one element; row side empty (or registry side empty) is KOSONG. */
export function compareElement(element: Element, row: RowElements, person: PersonElements): ElementResult {
  switch (element) {
    case 'NAMA':
      return compareNames(row.name, person.name);
    case 'NAMA_IBU':
      return compareNames(row.motherName, person.motherName);
    case 'TGL_LHR':
      return compareDates(row.birthDate, person.birthDate);
    case 'TMPT_LHR':
      return compareText(normalizePlace(row.birthPlace), normalizePlace(person.birthPlace), PLACE_THRESHOLD);
    case 'JENIS_KELAMIN':
      return compareSex(row.sex, person.sex);
    case 'NO_KK':
      return compareKk(row.kk, person.kk);
    case 'ALAMAT':
      return compareAddress(normalizeAddress(row.address), normalizeAddress(person.address));
    case 'RT':
      return compareNumber(row.rt, person.rt);
    case 'RW':
      return compareNumber(row.rw, person.rw);
    case 'KELURAHAN':
      return compareText(normalizeRegionName(row.kelurahan), normalizeRegionName(person.kelurahanName), PLACE_THRESHOLD);
    case 'KECAMATAN':
      return compareText(normalizeRegionName(row.kecamatan), normalizeRegionName(person.kecamatanName), PLACE_THRESHOLD);
  }
}

/** Every mapped element compared; unmapped elements are left out of the result. */
export function compareElements(row: RowElements, person: PersonElements, mapped: Iterable<Element>): ElementResults {
  const out: ElementResults = {};
  for (const el of mapped) out[el] = compareElement(el, row, person);
  return out;
}
