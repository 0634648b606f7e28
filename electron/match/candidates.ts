// Candidate records for INVALID rows (issue 6 item 3): fast variant lookups in bulk per chunk,
// then the slower family-card and name + birth-date searches only for rows still without one.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ElementResult } from '../../shared/domain.ts';
import { compareDates, compareElement } from '../../shared/compare.ts';
import { compareNameDetail, normalizeName } from '../../shared/names.ts';
import {
  extraDigitVariants, missingDigitVariants, nikBirthDate, nikSex, substitutionVariants, transpositionVariants, twoDigits,
} from '../../shared/nik.ts';
import { DEFAULT_SCHEMA_MAPPING, type SchemaMapping } from '../../shared/registry-mapping.ts';
import type { Registry, RegistryPerson } from '../registry/types.ts';
import { personStatus } from './status.ts';
import { readRow, toCandidatePerson, type Candidate, type CandidateSource, type MatchRow, type RowVerdict } from './rows.ts';

/** At most this many candidates per row reach the review panel. */
export const MAX_CANDIDATES = 10;
const MIN_SCORE = 0.3;
const WEIGHTS = { NAMA: 0.45, TGL_LHR: 0.3, JENIS_KELAMIN: 0.1, NO_KK: 0.15 } as const;
/** Nothing to compare counts a little below neutral, so a known agreement always ranks higher. */
const UNKNOWN = 0.4;
const SOURCE_ORDER: CandidateSource[] = ['LAST_DIGIT', 'TRANSPOSITION', 'SUBSTITUTION', 'MISSING_DIGIT', 'EXTRA_DIGIT', 'FAMILY', 'NAME_DOB'];

const value = (r: ElementResult): number => (r === 'SESUAI' ? 1 : r === 'MIRIP' ? 0.6 : r === 'KOSONG' ? UNKNOWN : 0);

/** Scores one registry person as a candidate for a row, keeping per-field agreement. */
export function scoreCandidate(row: MatchRow, person: RegistryPerson, source: CandidateSource, mapping: SchemaMapping): Candidate {
  const name = compareNameDetail(row.name, person.name);
  const fields = {
    NAMA: name.result,
    TGL_LHR: compareDates(row.birthDate, person.birthDate),
    JENIS_KELAMIN: compareElement('JENIS_KELAMIN', row, person),
    NO_KK: compareElement('NO_KK', row, person),
  };
  const nameValue =
    name.result === 'SESUAI' ? 1 : name.result === 'MIRIP' ? Math.max(0.6, name.score * 0.85) : name.result === 'KOSONG' ? UNKNOWN : name.score * 0.3;
  const score =
    WEIGHTS.NAMA * nameValue +
    WEIGHTS.TGL_LHR * value(fields.TGL_LHR) +
    WEIGHTS.JENIS_KELAMIN * value(fields.JENIS_KELAMIN) +
    WEIGHTS.NO_KK * value(fields.NO_KK);
  const { status, reason } = personStatus(person, mapping);
  return { nik: person.nik, score: Math.round(score * 1000) / 1000, source, fields, status, reason, person: toCandidatePerson(person) };
}

const nameAgrees = (r: ElementResult): boolean => r === 'SESUAI' || r === 'MIRIP';

/** Every last-digit variant is offered; a different name rules out a typo variant (it is someone else's NIK). */
function offered(row: MatchRow, c: Candidate): boolean {
  if (c.source === 'LAST_DIGIT') return true;
  return c.nik !== row.nik && c.fields.NAMA !== 'TIDAK_SESUAI' && c.score >= MIN_SCORE;
}

/** Best first; marks the agreed last-digit variant, so it runs once per row on all its candidates. */
function rank(row: MatchRow, found: Candidate[]): Candidate[] {
  const byNik = new Map<string, Candidate>();
  for (const c of found) {
    if (!offered(row, c)) continue;
    const prev = byNik.get(c.nik);
    if (!prev || SOURCE_ORDER.indexOf(c.source) < SOURCE_ORDER.indexOf(prev.source)) byNik.set(c.nik, c);
  }
  const list = [...byNik.values()];
  // Excel damage: when exactly one of the ten agrees with name and birth date, offer it first.
  const agreeing = list.filter((c) => c.source === 'LAST_DIGIT' && nameAgrees(c.fields.NAMA) && c.fields.TGL_LHR === 'SESUAI');
  if (agreeing.length === 1) agreeing[0]!.suggested = true;
  list.sort(
    (a, b) =>
      Number(!!b.suggested) - Number(!!a.suggested) ||
      b.score - a.score ||
      SOURCE_ORDER.indexOf(a.source) - SOURCE_ORDER.indexOf(b.source) ||
      a.nik.localeCompare(b.nik),
  );
  return list.slice(0, MAX_CANDIDATES);
}

const digitsOf = (v: string | null): string => (v ?? '').replace(/\D/g, '');

/**
 * Keeps variants whose encoded birth date and sex agree with the row's own columns when the
 * row has them: a typo that produced another date is fixed by the variant that restores the
 * row's date. This cuts the keys sent to the registry by about half.
 */
function agreeWithRow(row: MatchRow, niks: string[]): string[] {
  const date = row.birthDate && /^\d{4}-\d{2}-\d{2}$/.test(row.birthDate) ? row.birthDate : null;
  const sex = row.sex === '1' || row.sex === '2' ? row.sex : null;
  if (!date && !sex) return niks;
  // The variants are valid 16-digit NIKs, so their encoded yy-mm-dd and sex are read straight
  // from the digits (as nikBirthDate/nikSex would) without building a date string per variant.
  const [yy, mm, dd] = date ? [twoDigits(date, 2), twoDigits(date, 5), twoDigits(date, 8)] : [0, 0, 0];
  return niks.filter((v) => {
    if (v.length !== 16) return legacyAgree(v, date, sex);
    const rawDay = twoDigits(v, 6);
    if (date && ((rawDay > 40 ? rawDay - 40 : rawDay) !== dd || twoDigits(v, 8) !== mm || twoDigits(v, 10) !== yy)) return false;
    return !(sex && (rawDay > 40 ? '2' : '1') !== sex);
  });
}

function legacyAgree(v: string, date: string | null, sex: string | null): boolean {
  const d = nikBirthDate(v);
  if (date && d && d.slice(2) !== date.slice(2)) return false;
  return !(sex && nikSex(v) !== sex);
}

/** NIK variants of a row by source: the typo-level edits of what the agency typed. */
function typoVariants(row: MatchRow, verdict: RowVerdict): [CandidateSource, string[]][] {
  return rawTypoVariants(row, verdict).map(([source, niks]) => [source, agreeWithRow(row, niks)]);
}

function rawTypoVariants(row: MatchRow, verdict: RowVerdict): [CandidateSource, string[]][] {
  if (row.nik && verdict.reason === 'TIDAK_DITEMUKAN') {
    return [['TRANSPOSITION', transpositionVariants(row.nik)], ['SUBSTITUTION', substitutionVariants(row.nik)]];
  }
  if (!row.nik && verdict.reason === 'FORMAT') {
    const d = digitsOf(row.nikInput);
    if (d.length === 15) return [['MISSING_DIGIT', missingDigitVariants(d)]];
    if (d.length === 17) return [['EXTRA_DIGIT', extraDigitVariants(d)]];
    // 16 digits with an impossible date or serial: one digit or one swap away from a real NIK.
    if (d.length === 16) return [['TRANSPOSITION', transpositionVariants(d)], ['SUBSTITUTION', substitutionVariants(d)]];
  }
  return [];
}

export interface CandidateOptions {
  signal?: AbortSignal;
  /** Family-card and name + birth-date searches also for rows that already have a candidate. */
  always?: boolean;
}

/**
 * Candidates for the INVALID rows of one chunk, keyed by seq. A handful of registry calls for
 * the whole chunk: lookupPrefixes, one lookup of every variant, familyMembers, searchByNameAndBirthDate.
 */
export async function findCandidates(
  registry: Registry,
  mapping: SchemaMapping,
  rows: readonly MatchRow[],
  verdicts: ReadonlyMap<number, RowVerdict>,
  opts: CandidateOptions = {},
): Promise<Map<number, Candidate[]>> {
  const invalid = rows.filter((r) => verdicts.get(r.seq)?.status === 'INVALID');
  const found = new Map<number, Candidate[]>();
  const add = (row: MatchRow, c: Candidate): void => {
    const list = found.get(row.seq);
    if (list) list.push(c);
    else found.set(row.seq, [c]);
  };
  if (invalid.length === 0) return found;

  // 1. Excel damage: the ten NIKs sharing the first 15 digits.
  const damaged = invalid.filter((r) => r.nik && verdicts.get(r.seq)!.reason === 'RUSAK_EXCEL');
  if (damaged.length > 0) {
    const prefixes = [...new Set(damaged.map((r) => r.nik!.slice(0, 15)))];
    const byPrefix = groupBy(await registry.lookupPrefixes(prefixes, opts.signal), (p) => p.nik.slice(0, 15));
    for (const row of damaged) {
      for (const p of byPrefix.get(row.nik!.slice(0, 15)) ?? []) {
        if (p.nik.length === 16) add(row, scoreCandidate(row, p, 'LAST_DIGIT', mapping));
      }
    }
  }

  // 2. Typos: every variant of every row in one lookup.
  const wanted: { row: MatchRow; source: CandidateSource; nik: string }[] = [];
  for (const row of invalid) {
    for (const [source, niks] of typoVariants(row, verdicts.get(row.seq)!)) for (const nik of niks) wanted.push({ row, source, nik });
  }
  if (wanted.length > 0) {
    const hits = await registry.lookup([...new Set(wanted.map((w) => w.nik))], opts.signal);
    for (const w of wanted) {
      const p = hits.get(w.nik);
      if (p) add(w.row, scoreCandidate(w.row, p, w.source, mapping));
    }
  }

  // Not rank(r, [c]): ranked alone, a last-digit variant would be marked as the agreed one even
  // when another variant agrees too, and the mark would stay on the candidate.
  const pending = (): MatchRow[] =>
    invalid.filter((r) => opts.always || !(found.get(r.seq) ?? []).some((c) => offered(r, c)));

  // 3. Family card members whose name agrees.
  const withKk = pending().filter((r) => /^\d{16}$/.test(digitsOf(r.kk)) && r.name);
  if (withKk.length > 0) {
    const members = groupBy(await registry.familyMembers([...new Set(withKk.map((r) => digitsOf(r.kk)))], opts.signal), (p) => p.kk ?? '');
    for (const row of withKk) {
      for (const p of members.get(digitsOf(row.kk)) ?? []) {
        const c = scoreCandidate(row, p, 'FAMILY', mapping);
        if (nameAgrees(c.fields.NAMA)) add(row, c);
      }
    }
  }

  // 4. Normalised name with birth date: the slowest search, last.
  const withName = pending().filter((r) => r.birthDate && normalizeName(r.name));
  if (withName.length > 0) {
    const queries = withName.map((r) => ({ name: normalizeName(r.name), birthDate: r.birthDate! }));
    const byDate = groupBy(await registry.searchByNameAndBirthDate(queries, opts.signal), (p) => p.birthDate ?? '');
    for (const row of withName) {
      for (const p of byDate.get(row.birthDate!) ?? []) {
        const c = scoreCandidate(row, p, 'NAME_DOB', mapping);
        if (nameAgrees(c.fields.NAMA)) add(row, c);
      }
    }
  }

  const ranked = new Map<number, Candidate[]>();
  for (const row of invalid) {
    const list = rank(row, found.get(row.seq) ?? []);
    if (list.length > 0) ranked.set(row.seq, list);
  }
  return ranked;
}

function groupBy<T>(items: readonly T[], key: (t: T) => string): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const it of items) {
    const k = key(it);
    const list = out.get(k);
    if (list) list.push(it);
    else out.set(k, [it]);
  }
  return out;
}

/**
 * On-demand search for one row (the review panel's "Cari kandidat"), every source included;
 * cancellable. The result replaces row_results.candidates.
 */
export async function candidatesForRow(
  db: Database,
  registry: Registry,
  batchId: number,
  seq: number,
  signal?: AbortSignal,
  mapping: SchemaMapping = DEFAULT_SCHEMA_MAPPING,
): Promise<Candidate[]> {
  const row = readRow(db, batchId, seq);
  if (!row) throw new Error(`Baris ${seq} pada batch ${batchId} tidak ada.`);
  const stored = db.prepare('SELECT status, reason FROM row_results WHERE batch_id = ? AND seq = ?').get(batchId, seq) as
    | { status: string; reason: string | null }
    | undefined;
  // Searching is allowed for any row the operator opens; treat it as not found when unknown.
  const verdict: RowVerdict = {
    status: 'INVALID',
    reason: (stored?.status === 'INVALID' ? stored.reason : row.nik ? 'TIDAK_DITEMUKAN' : row.nikReason) as RowVerdict['reason'],
    elements: {},
    person: null,
  };
  const map = await findCandidates(registry, mapping, [row], new Map([[seq, verdict]]), { signal, always: true });
  signal?.throwIfAborted();
  const list = map.get(seq) ?? [];
  db.prepare('UPDATE row_results SET candidates = ? WHERE batch_id = ? AND seq = ?').run(JSON.stringify(list), batchId, seq);
  return list;
}
