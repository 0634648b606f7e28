// A row's reviewable state in row_results, and the partial snapshots a correction keeps as
// its before/after. Snapshots hold only the keys a decision touches, so undoing one decision
// restores exactly what it changed and a later decision on other keys survives the undo.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Element, ElementResult, Status } from '../../shared/domain.ts';
import type { ElementChoice, RowState } from '../../shared/api/rows.ts';
import { PadanError } from '../api/errors.ts';

export interface FullState {
  status: Status;
  reason: string | null;
  elements: Partial<Record<Element, ElementResult>>;
  /** JSON text of the registry snapshot, kept as text: it is only ever copied. */
  registry: string | null;
  matchedNik: string | null;
  choice: Partial<Record<Element, ElementChoice>>;
  reviewed: boolean;
  unrepairable: boolean;
  candidates: string;
}

/** What a correction stores before and after; `choice` is per element (null = no choice). */
export interface Snapshot {
  status?: Status;
  reason?: string | null;
  elements?: Partial<Record<Element, ElementResult>>;
  registry?: string | null;
  matchedNik?: string | null;
  reviewed?: boolean;
  unrepairable?: boolean;
  choice?: Partial<Record<Element, ElementChoice | null>>;
}

interface RawResult {
  status: Status;
  reason: string | null;
  elements: string;
  registry: string | null;
  matched_nik: string | null;
  element_choice: string;
  reviewed: number;
  unrepairable: number;
  candidates: string;
}

const parse = <T,>(json: string | null, fallback: T): T => {
  try {
    return json ? (JSON.parse(json) as T) : fallback;
  } catch {
    return fallback;
  }
};

export function readState(db: Database, batchId: number, seq: number): FullState {
  const r = db
    .prepare('SELECT status, reason, elements, registry, matched_nik, element_choice, reviewed, unrepairable, candidates FROM row_results WHERE batch_id = ? AND seq = ?')
    .get(batchId, seq) as RawResult | undefined;
  if (!r) throw new PadanError('ROW_NOT_FOUND', `Baris ${seq + 1} tidak ada pada batch ${batchId}, atau batch belum dipadankan. Jalankan pemadanan dulu.`);
  return {
    status: r.status,
    reason: r.reason,
    elements: parse(r.elements, {}),
    registry: r.registry,
    matchedNik: r.matched_nik,
    choice: parse(r.element_choice, {}),
    reviewed: r.reviewed === 1,
    unrepairable: r.unrepairable === 1,
    candidates: r.candidates,
  };
}

/** Keys a snapshot touches: top-level names, and `choice.NAMA` per element. */
export function touchedKeys(s: Snapshot): string[] {
  const keys = Object.keys(s).filter((k) => k !== 'choice');
  for (const el of Object.keys(s.choice ?? {})) keys.push(`choice.${el}`);
  return keys;
}

/** The current values of the keys `patch` touches: the correction's "before". */
export function beforeOf(state: FullState, patch: Snapshot): Snapshot {
  const out: Snapshot = {};
  for (const key of Object.keys(patch) as (keyof Snapshot)[]) {
    if (key === 'choice') {
      out.choice = {};
      for (const el of Object.keys(patch.choice ?? {}) as Element[]) out.choice[el] = state.choice[el] ?? null;
    } else {
      (out as Record<string, unknown>)[key] = state[key];
    }
  }
  return out;
}

export function applySnapshot(state: FullState, patch: Snapshot): FullState {
  const next: FullState = { ...state, choice: { ...state.choice } };
  for (const [key, value] of Object.entries(patch)) {
    if (key === 'choice') {
      for (const [el, c] of Object.entries(value as Record<string, ElementChoice | null>)) {
        if (c === null) delete next.choice[el as Element];
        else next.choice[el as Element] = c;
      }
    } else {
      (next as unknown as Record<string, unknown>)[key] = value;
    }
  }
  return next;
}

/** True when applying `patch` would change nothing (a repeated decision writes no correction). */
export function isNoop(state: FullState, patch: Snapshot): boolean {
  return JSON.stringify(beforeOf(state, patch)) === JSON.stringify(patch);
}

export function writeState(db: Database, batchId: number, seq: number, s: FullState): void {
  db.prepare(
    `UPDATE row_results SET status = ?, reason = ?, elements = ?, registry = ?, matched_nik = ?, element_choice = ?,
       reviewed = ?, unrepairable = ? WHERE batch_id = ? AND seq = ?`,
  ).run(s.status, s.reason, JSON.stringify(s.elements), s.registry, s.matchedNik, JSON.stringify(s.choice), s.reviewed ? 1 : 0, s.unrepairable ? 1 : 0, batchId, seq);
}

export function toRowState(seq: number, s: FullState, crossBatch: boolean): RowState {
  return {
    seq,
    status: s.status,
    reason: s.reason,
    elements: s.elements,
    matchedNik: s.matchedNik,
    elementChoice: s.choice,
    reviewed: s.reviewed,
    unrepairable: s.unrepairable,
    candidateCount: parse<unknown[]>(s.candidates, []).length,
    crossBatch,
  };
}

/** Whether the row carries cross-batch marks, read after a repair has moved them (same test as the row list). */
export function hasCrossBatch(db: Database, batchId: number, seq: number): boolean {
  const v = db.prepare(`SELECT cross_batches NOT IN ('[]', '') FROM row_results WHERE batch_id = ? AND seq = ?`).pluck().get(batchId, seq);
  return v === 1;
}
