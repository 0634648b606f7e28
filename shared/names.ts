// Name normalisation and similarity (domain.md §5). Browser-safe: the review panel in the
// renderer shows the same verdicts the engine stored.
import type { ElementResult } from './domain.ts';

/** Academic, religious and professional titles; compared without dots ("S.PD" -> "SPD"). */
const TITLES = new Set([
  'H', 'HJ', 'HAJI', 'HAJJAH', 'DRS', 'DRA', 'DR', 'IR', 'PROF', 'KH', 'UST', 'USTADZ', 'BC', 'BSC',
  'SPD', 'SPDI', 'SPDSD', 'SE', 'SH', 'SHI', 'ST', 'SS', 'SSI', 'SSOS', 'SAG', 'SIP', 'SKOM', 'SKM', 'SKEP', 'SKED',
  'SFARM', 'SPSI', 'SSIT', 'STP', 'SP', 'SHUT', 'SPT', 'SKG', 'SGZ', 'SAK', 'SIKOM', 'SSTP', 'STR', 'SAN', 'SHUM',
  'AMD', 'AMDKEP', 'AMDKEB', 'AMK', 'AMKEB', 'AMKEP', 'AMA', 'AMAPD', 'AMPD',
  'MM', 'MSI', 'MPD', 'MH', 'MKES', 'MKM', 'MAG', 'MT', 'MSC', 'MA', 'ME', 'MKEP', 'MAP', 'MPH', 'MBA',
  'NERS', 'NS', 'SPOG', 'SPA', 'SPB', 'SPPD', 'BA',
]);

/** Spellings of Muhammad, expanded and unified before anything else is compared. */
const MUHAMMAD = new Set([
  'M', 'MUH', 'MOH', 'MHD', 'MUHD', 'MOCH', 'MUCH', 'MUHAMAD', 'MUHAMMAD', 'MOHAMMAD', 'MOHAMAD', 'MOCHAMMAD',
  'MOCHAMAD', 'MUCHAMMAD', 'MUCHAMAD', 'MUHAMMED', 'MOHAMMED', 'MOHAMED',
]);
const ABBREVIATIONS: Record<string, string> = { ABD: 'ABDUL', DG: 'DAENG' };

/** Name words that carry little identity on their own (Bugis/Makassar particles, Muhammad, ...). */
const PARTICLES = new Set(['MUHAMMAD', 'ABDUL', 'ANDI', 'DAENG', 'LA', 'WE', 'I', 'SITTI', 'SITI', 'BIN', 'BINTI', 'NUR']);

/** Old (pre-1972) spellings folded to the current ones, applied to both sides alike. */
function foldSpelling(word: string): string {
  if (!/OE|DJ|TJ|NJ|SJ|CH/.test(word)) return word;
  return word
    .replace(/OE/g, 'U')
    .replace(/DJ/g, 'J')
    .replace(/TJ/g, 'C')
    .replace(/NJ/g, 'NY')
    .replace(/SJ/g, 'SY')
    .replace(/CH/g, 'KH');
}

/** Splits one whitespace token; dotted titles ("S.PD", "A.MD.KEP") stay one word. */
function splitToken(token: string, out: string[]): void {
  const compact = token.replace(/[^A-Z]/g, '');
  if (!compact) return;
  if (TITLES.has(compact)) {
    out.push(compact);
    return;
  }
  for (const part of token.split(/[^A-Z]+/)) if (part) out.push(part);
}

/** Words of an upper-cased segment with punctuation stripped (apostrophes join: MA'RUF). */
function rawWords(segment: string): string[] {
  const out: string[] = [];
  for (const token of segment.replace(/['`’‘]/g, '').split(/[\s,;:()/\\"-]+/)) if (token) splitToken(token, out);
  return out;
}

/** Merges a spaced title ("S. PD" -> "SPD") so it is recognised and dropped. */
function mergeSpacedTitles(words: string[]): string[] {
  const out: string[] = [];
  for (let i = 0; i < words.length; i++) {
    const w = words[i]!;
    const next = words[i + 1];
    if (i > 0 && w.length === 1 && next !== undefined && TITLES.has(w + next) && !MUHAMMAD.has(w + next)) {
      out.push(w + next);
      i++;
    } else out.push(w);
  }
  return out;
}

/** The name's words after normalisation, in their original order. */
export function nameWords(name: string | null | undefined): string[] {
  return name ? [...cachedWords(name)] : [];
}

let wordsMemo = new Map<string, readonly string[]>();
/**
 * nameWords remembered per distinct name (read-only: callers inside this file never mutate
 * it): matching compares the same registry and agency names many times (elements, candidate
 * scoring). Dropped when it fills, so memory stays bounded.
 */
function cachedWords(name: string): readonly string[] {
  let out = wordsMemo.get(name);
  if (out === undefined) {
    if (wordsMemo.size >= 50_000) wordsMemo = new Map();
    wordsMemo.set(name, (out = Object.freeze(computeWords(name))));
  }
  return out;
}

function computeWords(name: string): string[] {
  const upper = name.toUpperCase().replace(/\u00a0/g, ' ');
  // Titles after a comma ("NAMA, S.PD, M.SI"): drop a segment only when it is all titles,
  // so a comma typed inside a name keeps its words.
  const segments = upper.split(',');
  const kept: string[] = [];
  segments.forEach((seg, i) => {
    const words = mergeSpacedTitles(rawWords(seg));
    if (i > 0 && words.length > 0 && words.every((w) => TITLES.has(w) && w !== 'M')) return;
    kept.push(...words);
  });
  const expanded = kept.map((w) => (MUHAMMAD.has(w) ? 'MUHAMMAD' : (ABBREVIATIONS[w] ?? w)));
  // "ST." before a name is Sitti (Bugis), after it Sarjana Teknik: a title only at the end.
  const named = expanded
    .map((w, i) => (w === 'ST' && i < expanded.length - 1 ? 'SITTI' : w))
    .filter((w) => !TITLES.has(w));
  // A name that is nothing but a title-like word ("ST") is still a name.
  const words = named.length > 0 ? named : expanded;
  return words.map(foldSpelling);
}

/** normalizeName per domain.md §5: upper case, no punctuation, Muhammad/Abdul/Daeng, no titles, old spellings folded. */
export function normalizeName(name: string | null | undefined): string {
  return name ? cachedWords(name).join(' ') : '';
}

/** Jaro-Winkler similarity (prefix scale 0.1, prefix up to 4 characters). */
export function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  if (a.length === 0 || b.length === 0) return 0;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const aMatched = new Uint8Array(a.length);
  const bMatched = new Uint8Array(b.length);
  let matches = 0;
  for (let i = 0; i < a.length; i++) {
    const lo = Math.max(0, i - range);
    const hi = Math.min(b.length, i + range + 1);
    for (let j = lo; j < hi; j++) {
      if (!bMatched[j] && a.charCodeAt(i) === b.charCodeAt(j)) {
        aMatched[i] = 1;
        bMatched[j] = 1;
        matches++;
        break;
      }
    }
  }
  if (matches === 0) return 0;
  let halfTranspositions = 0;
  let k = 0;
  for (let i = 0; i < a.length; i++) {
    if (!aMatched[i]) continue;
    while (!bMatched[k]) k++;
    if (a.charCodeAt(i) !== b.charCodeAt(k)) halfTranspositions++;
    k++;
  }
  const m = matches;
  const jaro = (m / a.length + m / b.length + (m - halfTranspositions / 2) / m) / 3;
  let prefix = 0;
  const maxPrefix = Math.min(4, a.length, b.length);
  while (prefix < maxPrefix && a[prefix] === b[prefix]) prefix++;
  return jaro + prefix * 0.1 * (1 - jaro);
}

/** Two words typo-level alike. Short words need more: ANI/ANA are different names. */
export const WORD_TYPO_THRESHOLD = 0.85;

interface Alignment {
  /** Jaro-Winkler of each aligned pair, best first. */
  pairs: { a: string; b: string; jw: number }[];
  unmatchedA: string[];
  unmatchedB: string[];
}

/** Greedy best-pair alignment of two word lists; word order varies in Bugis/Makassar names. */
function alignWords(a: readonly string[], b: readonly string[]): Alignment {
  const all: { i: number; j: number; jw: number }[] = [];
  for (let i = 0; i < a.length; i++) for (let j = 0; j < b.length; j++) all.push({ i, j, jw: jaroWinkler(a[i]!, b[j]!) });
  all.sort((x, y) => y.jw - x.jw || x.i - y.i || x.j - y.j);
  const usedA = new Set<number>();
  const usedB = new Set<number>();
  const pairs: Alignment['pairs'] = [];
  for (const p of all) {
    if (usedA.has(p.i) || usedB.has(p.j)) continue;
    usedA.add(p.i);
    usedB.add(p.j);
    pairs.push({ a: a[p.i]!, b: b[p.j]!, jw: p.jw });
  }
  return {
    pairs,
    unmatchedA: a.filter((_, i) => !usedA.has(i)),
    unmatchedB: b.filter((_, j) => !usedB.has(j)),
  };
}

/** Optimal string alignment distance (Damerau-Levenshtein with adjacent transpositions). */
export function editDistance(a: string, b: string): number {
  const d: number[][] = Array.from({ length: a.length + 1 }, (_, i) => [i]);
  for (let j = 1; j <= b.length; j++) d[0]![j] = j;
  for (let i = 1; i <= a.length; i++) {
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let v = Math.min(d[i - 1]![j]! + 1, d[i]![j - 1]! + 1, d[i - 1]![j - 1]! + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) v = Math.min(v, d[i - 2]![j - 2]! + 1);
      d[i]![j] = v;
    }
  }
  return d[a.length]![b.length]!;
}

/**
 * A word pair a clerk's typo explains. Jaro-Winkler alone is harsh on an early wrong letter
 * in a short word (RISMAWATI / RIAMAWATI: 0.87), so one edit in a word of four letters or
 * more, or two in a long one, counts too.
 */
function typoPair(p: { a: string; b: string; jw: number }): boolean {
  if (p.jw >= WORD_TYPO_THRESHOLD) return true;
  const len = Math.min(p.a.length, p.b.length);
  if (len < 4) return false;
  const dist = editDistance(p.a, p.b);
  return dist <= 1 || (dist <= 2 && len >= 7);
}

function sameMultiset(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const x = [...a].sort();
  const y = [...b].sort();
  return x.every((w, i) => w === y[i]);
}

export interface NameComparison {
  result: ElementResult;
  /** 0..1 for ranking candidates; 1 for SESUAI, 0 for KOSONG. */
  score: number;
}

/** Compares two names after normalisation; see compareNames. */
export function compareNameDetail(a: string | null | undefined, b: string | null | undefined): NameComparison {
  // Fast path for the common case: normalisation depends only on the upper-cased text.
  if (a && b && a.length === b.length && a.toUpperCase() === b.toUpperCase() && /[A-Za-z]/.test(a)) return { result: 'SESUAI', score: 1 };
  const wa = a ? cachedWords(a) : [];
  const wb = b ? cachedWords(b) : [];
  if (wa.length === 0 || wb.length === 0) return { result: 'KOSONG', score: 0 };
  if (sameMultiset(wa, wb)) return { result: 'SESUAI', score: 1 };
  const { pairs, unmatchedA, unmatchedB } = alignWords(wa, wb);
  const longer = Math.max(wa.length, wb.length);
  const score = Math.min(0.99, pairs.reduce((s, p) => s + p.jw, 0) / longer);
  const extra = unmatchedA.length + unmatchedB.length;
  const allPairsAlike = pairs.every(typoPair);
  const distinctiveExact = pairs.some((p) => p.jw === 1 && !PARTICLES.has(p.a) && p.a.length > 1);
  // One word missing ("ANDI BASO RAHMAN" / "BASO RAHMAN"): the rest must agree and carry identity.
  const oneMissing = extra === 1 && allPairsAlike && distinctiveExact;
  // Typos in one or more words, same number of words.
  const typos =
    extra === 0 && allPairsAlike && (distinctiveExact || pairs.some((p) => (p.jw >= 0.9 || editDistance(p.a, p.b) <= 1) && p.a.length > 3));
  // A space added or lost ("ABDULRAHMAN" / "ABDUL RAHMAN").
  const joined = wa.join('') === wb.join('');
  if (oneMissing || typos || joined) return { result: 'MIRIP', score: Math.max(score, joined ? 0.95 : 0) };
  return { result: 'TIDAK_SESUAI', score };
}

/** SESUAI | MIRIP | TIDAK_SESUAI | KOSONG for two names (domain.md §5). */
export function compareNames(a: string | null | undefined, b: string | null | undefined): ElementResult {
  return compareNameDetail(a, b).result;
}

/** 0..1 similarity of two names for ranking candidates. */
export function nameScore(a: string | null | undefined, b: string | null | undefined): number {
  return compareNameDetail(a, b).score;
}
