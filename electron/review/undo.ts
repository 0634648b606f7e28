// Undoing decisions. An undo restores the keys the original decision changed and appends an
// UNDO correction pointing at it; the original stays in the log. A decision whose keys a
// later decision on the same row changed again cannot be undone on its own (that would
// silently throw away the later one): the operator undoes the later one first.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { DecideResult } from '../../shared/api/rows.ts';
import { PadanError } from '../api/errors.ts';
import { remarkRow } from '../match/cross-batch.ts';
import { appendAudit } from '../store/audit.ts';
import { effectiveCorrections, getCorrection, insertCorrection, type StoredCorrection } from './log.ts';
import { applySnapshot, beforeOf, hasCrossBatch, readState, toRowState, touchedKeys, writeState, type Snapshot } from './state.ts';

/** `reviewed` is set by almost every decision: a later one keeps it instead of blocking the undo. */
const SOFT_KEYS = new Set(['reviewed']);

export const UNDO_REASON = 'PEMBATALAN';

function restorePatch(c: StoredCorrection, later: StoredCorrection[]): Snapshot {
  const laterKeys = new Set(later.flatMap((l) => touchedKeys(l.after)));
  const blocking = touchedKeys(c.after).filter((k) => laterKeys.has(k) && !SOFT_KEYS.has(k));
  if (blocking.length > 0) {
    const ids = later.filter((l) => touchedKeys(l.after).some((k) => blocking.includes(k))).map((l) => `#${l.id}`);
    throw new PadanError(
      'UNDO_BLOCKED',
      `Koreksi #${c.id} tidak dapat dibatalkan sendiri karena baris ini diubah lagi sesudahnya (${ids.join(', ')}). Batalkan koreksi itu dulu.`,
    );
  }
  const patch: Snapshot = { ...c.before };
  for (const k of SOFT_KEYS) if (laterKeys.has(k)) delete (patch as Record<string, unknown>)[k];
  return patch;
}

/** Undoes one correction inside the caller's transaction; returns the UNDO entry's id. */
function undoOne(db: Database, c: StoredCorrection, operator: string, at: string, note: string, out: DecideResult): void {
  if (c.kind === 'UNDO') throw new PadanError('UNDO_OF_UNDO', 'Entri pembatalan tidak dapat dibatalkan lagi. Buat keputusan baru bila perlu.');
  if (c.undoneBy !== null) throw new PadanError('ALREADY_UNDONE', `Koreksi #${c.id} sudah dibatalkan (#${c.undoneBy}).`);
  const later = effectiveCorrections(db, c.batchId, { seq: c.seq, afterId: c.id });
  const patch = restorePatch(c, later);
  const state = readState(db, c.batchId, c.seq);
  const next = applySnapshot(state, patch);
  writeState(db, c.batchId, c.seq, next);
  // Undoing a NIK repair takes the row's cross-batch marks back to the NIK it had.
  if (next.matchedNik !== state.matchedNik) remarkRow(db, c.batchId, c.seq, state.matchedNik);
  out.corrections.push(
    insertCorrection(db, {
      batchId: c.batchId, seq: c.seq, operator, at, kind: 'UNDO', before: beforeOf(state, patch), after: patch,
      reasonCode: UNDO_REASON, reasonText: note, automatic: false, undoes: c.id,
    }),
  );
  const i = out.rows.findIndex((r) => r.seq === c.seq);
  if (i >= 0) out.rows.splice(i, 1);
  out.rows.push(toRowState(c.seq, next, hasCrossBatch(db, c.batchId, c.seq)));
}

/** Undoes `correctionId`, or the operator's last decision still in force in this batch. */
export function undoCorrection(db: Database, batchId: number, operator: string, correctionId?: number): DecideResult {
  let target: StoredCorrection | null;
  if (correctionId !== undefined) {
    target = getCorrection(db, batchId, correctionId);
    if (!target) throw new PadanError('CORRECTION_NOT_FOUND', `Koreksi #${correctionId} tidak ada pada batch ini.`);
  } else {
    target = effectiveCorrections(db, batchId, { operator }).at(-1) ?? null;
    if (!target) throw new PadanError('NOTHING_TO_UNDO', 'Belum ada keputusan Anda pada batch ini yang dapat dibatalkan.');
  }
  const out: DecideResult = { rows: [], corrections: [] };
  const at = new Date().toISOString();
  const c = target;
  db.transaction(() => {
    undoOne(db, c, operator, at, `Membatalkan koreksi #${c.id}`, out);
    appendAudit(db, { operator, action: 'CORRECTION', batchId, rowSeq: c.seq, detail: { kind: 'UNDO', undoes: c.id, correction: out.corrections[0] } });
  })();
  return out;
}

/** Undoes every automatic decision still in force, newest first, in one transaction. */
export function undoAutomatic(db: Database, batchId: number, operator: string): DecideResult {
  const out: DecideResult = { rows: [], corrections: [] };
  const list = effectiveCorrections(db, batchId, { automatic: true }).reverse();
  if (list.length === 0) return out;
  const at = new Date().toISOString();
  db.transaction(() => {
    for (const c of list) {
      try {
        undoOne(db, c, operator, at, `Membatalkan perbaikan otomatis #${c.id} (pembatalan massal)`, out);
      } catch (err) {
        // A row an operator decided on after the automatic step keeps the operator's decision.
        if ((err as { code?: string }).code !== 'UNDO_BLOCKED') throw err;
      }
    }
    appendAudit(db, { operator, action: 'CORRECTION', batchId, detail: { kind: 'UNDO_AUTO', rows: list.length } });
  })();
  return out;
}
