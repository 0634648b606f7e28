// Reading a batch's rows for matching, and the shapes the matching engine stores.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Element, ElementResult, Reason, Status } from '../../shared/domain.ts';
import { ELEMENTS } from '../../shared/domain.ts';
import type { RowElements } from '../../shared/compare.ts';
import type { RegistryPerson } from '../registry/types.ts';

/** One batch row as matching needs it (batch_rows, normalised at import). */
export interface MatchRow extends RowElements {
  seq: number;
  rowNo: number;
  nikInput: string | null;
  nik: string | null;
  nikReason: string | null;
  nikSuspect: boolean;
  duplicateOfRow: number | null;
}

export type CandidateSource =
  | 'LAST_DIGIT'
  | 'SUBSTITUTION'
  | 'TRANSPOSITION'
  | 'MISSING_DIGIT'
  | 'EXTRA_DIGIT'
  | 'FAMILY'
  | 'NAME_DOB';

/** Registry values the review panel shows side by side with the agency's row. */
export interface CandidatePerson {
  nik: string;
  kk: string | null;
  name: string;
  birthPlace: string | null;
  birthDate: string | null;
  sex: string | null;
  motherName: string | null;
  address: string | null;
  rt: string | null;
  rw: string | null;
  kelurahanName: string | null;
  kecamatanName: string | null;
}

/** Stored in row_results.candidates, best first. */
export interface Candidate {
  nik: string;
  /** 0..1 from name, birth date, sex and family-card agreement. */
  score: number;
  source: CandidateSource;
  /** Per-field agreement, shown per field in the review panel. */
  fields: { NAMA: ElementResult; TGL_LHR: ElementResult; JENIS_KELAMIN: ElementResult; NO_KK: ElementResult };
  /** What the row would become with this NIK (a deceased match is not an AKTIF repair). */
  status: Status;
  reason: Reason | null;
  /** The one last-digit variant that agrees with name and birth date: offered first, never applied by itself. */
  suggested?: boolean;
  person: CandidatePerson;
}

export interface RowVerdict {
  status: Status;
  reason: Reason | null;
  elements: Partial<Record<Element, ElementResult>>;
  person: RegistryPerson | null;
}

const ROW_COLUMNS = `seq, row_no AS rowNo, nik_input AS nikInput, nik, nik_reason AS nikReason,
  nik_suspect AS nikSuspect, name, birth_place AS birthPlace, birth_date AS birthDate, sex, kk,
  mother_name AS motherName, address, rt, rw, kelurahan, kecamatan, duplicate_of_row AS duplicateOfRow`;

type RawRow = Omit<MatchRow, 'nikSuspect'> & { nikSuspect: number };

/** In place: a copy of every row of a 100,000-row batch was garbage the moment it was made. */
function fromRaw(r: RawRow): MatchRow {
  (r as unknown as MatchRow).nikSuspect = r.nikSuspect === 1;
  return r as unknown as MatchRow;
}

/** Rows with seq in [first, last], in order: one query per chunk. */
export function readRows(db: Database, batchId: number, first: number, last: number): MatchRow[] {
  const stmt = db.prepare(`SELECT ${ROW_COLUMNS} FROM batch_rows WHERE batch_id = ? AND seq BETWEEN ? AND ? ORDER BY seq`);
  return (stmt.all(batchId, first, last) as RawRow[]).map(fromRaw);
}

export function readRow(db: Database, batchId: number, seq: number): MatchRow | null {
  const r = db.prepare(`SELECT ${ROW_COLUMNS} FROM batch_rows WHERE batch_id = ? AND seq = ?`).get(batchId, seq) as RawRow | undefined;
  return r ? fromRaw(r) : null;
}

/** Elements the import mapped: column_map keys; TTL carries both place and date of birth. */
export function mappedElements(columnMapJson: string | null): Element[] {
  let map: Record<string, unknown> = {};
  try {
    map = JSON.parse(columnMapJson ?? '{}') as Record<string, unknown>;
  } catch {
    map = {};
  }
  const has = (k: string): boolean => map[k] !== undefined && map[k] !== null;
  return ELEMENTS.filter((el) => has(el) || ((el === 'TMPT_LHR' || el === 'TGL_LHR') && has('TTL')));
}

export function toCandidatePerson(p: RegistryPerson): CandidatePerson {
  return {
    nik: p.nik, kk: p.kk, name: p.name, birthPlace: p.birthPlace, birthDate: p.birthDate, sex: p.sex,
    motherName: p.motherName, address: p.address, rt: p.rt, rw: p.rw,
    kelurahanName: p.kelurahanName, kecamatanName: p.kecamatanName,
  };
}
