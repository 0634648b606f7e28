// Operator decisions on rows: accept a candidate NIK, type a NIK, mark a row unrepairable,
// choose the agency's or SIAK's value for an element, or mark a row reviewed. Each changed
// row gets one append-only correction, written in one transaction with the row_results
// update (and, for a NIK repair, the cross-batch marks) and one 'CORRECTION' audit entry
// for the call.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Element } from '../../shared/domain.ts';
import { nikStructureProblem } from '../../shared/nik.ts';
import { REASON_CODES, type CorrectionKind, type Decision, type DecideResult } from '../../shared/api/rows.ts';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { PadanError } from '../api/errors.ts';
import { remarkRow } from '../match/cross-batch.ts';
import { recheckRow } from '../match/recheck.ts';
import type { RowVerdict } from '../match/rows.ts';
import type { Registry } from '../registry/types.ts';
import { appendAudit } from '../store/audit.ts';
import { insertCorrection } from './log.ts';
import { applySnapshot, beforeOf, hasCrossBatch, isNoop, readState, toRowState, writeState, type FullState, type Snapshot } from './state.ts';
import { encodeSnapshot } from '../registry/snapshot.ts';

export interface DecisionReason {
  reasonCode: string;
  reasonText: string;
}

export interface DecideInput extends DecisionReason {
  batchId: number;
  seqs: number[];
  decision: Decision;
  operator: string;
}

export interface ReviewDeps {
  registry: () => Promise<Registry>;
  mapping: SchemaMapping;
}

/** One row's decision, with the re-check verdict already fetched for NIK decisions. */
export interface PlannedDecision {
  seq: number;
  decision: Decision;
  verdict?: RowVerdict;
}

const KIND: Record<Decision['kind'], CorrectionKind> = {
  ACCEPT_CANDIDATE: 'NIK_CANDIDATE',
  MANUAL_NIK: 'NIK_MANUAL',
  UNREPAIRABLE: 'UNREPAIRABLE',
  ELEMENT_CHOICE: 'ELEMENT_CHOICE',
  MARK_REVIEWED: 'REVIEWED',
};

export function checkReason(r: DecisionReason, automatic = false): void {
  const known = (REASON_CODES as readonly string[]).includes(r.reasonCode);
  if (!automatic && !known) {
    throw new PadanError('REASON_REQUIRED', 'Setiap keputusan perlu alasan. Pilih alasan dari daftar, lalu simpan lagi.');
  }
  if (r.reasonCode === 'LAINNYA' && !r.reasonText.trim()) {
    throw new PadanError('REASON_REQUIRED', 'Alasan "Lainnya" perlu keterangan. Tulis keterangannya, lalu simpan lagi.');
  }
}

export function batchHead(db: Database, batchId: number): { allowed: Element[]; state: string } {
  const b = db
    .prepare('SELECT b.state, a.allowed_elements FROM batches b JOIN agencies a ON a.id = b.agency_id WHERE b.id = ?')
    .get(batchId) as { state: string; allowed_elements: string } | undefined;
  if (!b) throw new PadanError('BATCH_NOT_FOUND', `Batch ${batchId} tidak ada di basis data lokal. Pilih batch lain.`);
  if (b.state === 'PURGED') throw new PadanError('BATCH_PURGED', `Batch ${batchId} sudah dihapus karena masa retensi berakhir; tidak dapat dikoreksi.`);
  return { allowed: parseList(b.allowed_elements), state: b.state };
}

function parseList(json: string): Element[] {
  try {
    return JSON.parse(json) as Element[];
  } catch {
    return [];
  }
}

/** The change a decision makes to a row, or null when it does not apply to this row. */
function patchFor(state: FullState, p: PlannedDecision): Snapshot | null {
  const d = p.decision;
  switch (d.kind) {
    case 'ACCEPT_CANDIDATE':
    case 'MANUAL_NIK': {
      const v = p.verdict!;
      const clearChoice = Object.fromEntries(Object.keys(state.choice).map((el) => [el, null]));
      return {
        status: v.status, reason: v.reason, elements: v.elements, registry: v.person ? encodeSnapshot(v.person) : null,
        matchedNik: d.nik.replace(/\D/g, ''), unrepairable: false, reviewed: true, choice: clearChoice,
      };
    }
    case 'UNREPAIRABLE':
      return state.status === 'INVALID' ? { unrepairable: true, reviewed: true } : null;
    case 'ELEMENT_CHOICE':
      // Only an element that was compared with a registry record has two values to choose from.
      return state.elements[d.element] !== undefined && state.registry ? { choice: { [d.element]: d.choice }, reviewed: true } : null;
    case 'MARK_REVIEWED':
      return { reviewed: true };
  }
}

/** Writes planned decisions in one transaction. Rows where a decision does not apply are skipped. */
export function applyDecisions(
  db: Database,
  batchId: number,
  planned: PlannedDecision[],
  meta: DecisionReason & { operator: string; automatic?: boolean },
): DecideResult {
  const automatic = meta.automatic ?? false;
  checkReason(meta, automatic);
  const { allowed } = batchHead(db, batchId);
  for (const p of planned) {
    if (p.decision.kind === 'ELEMENT_CHOICE' && p.decision.choice === 'SIAK' && !allowed.includes(p.decision.element)) {
      throw new PadanError(
        'ELEMENT_NOT_ALLOWED',
        `Perjanjian kerja sama (PKS) instansi ini tidak mengizinkan nilai SIAK untuk elemen ${p.decision.element} dikirim balik. Pilih nilai instansi, atau minta administrator memperbarui elemen yang diizinkan.`,
      );
    }
  }
  const at = new Date().toISOString();
  const out: DecideResult = { rows: [], corrections: [] };
  db.transaction(() => {
    for (const p of planned) {
      const state = readState(db, batchId, p.seq);
      const patch = patchFor(state, p);
      if (!patch && planned.length === 1) {
        throw new PadanError('NOT_APPLICABLE', 'Keputusan ini tidak berlaku untuk baris tersebut (misalnya baris tidak INVALID, atau elemen tidak dibandingkan dengan SIAK).');
      }
      if (!patch || isNoop(state, patch)) continue;
      const next = applySnapshot(state, patch);
      writeState(db, batchId, p.seq, next);
      // A NIK repair moves the row's cross-batch marks (and the other batches' marks of it).
      if (next.matchedNik !== state.matchedNik) remarkRow(db, batchId, p.seq, state.matchedNik);
      out.corrections.push(
        insertCorrection(db, {
          batchId, seq: p.seq, operator: meta.operator, at, kind: KIND[p.decision.kind], before: beforeOf(state, patch), after: patch,
          reasonCode: meta.reasonCode, reasonText: meta.reasonText, automatic,
        }),
      );
      out.rows.push(toRowState(p.seq, next, hasCrossBatch(db, batchId, p.seq)));
    }
    if (out.corrections.length > 0) {
      const single = planned.length === 1 ? planned[0]!.seq : null;
      appendAudit(db, {
        operator: meta.operator, action: 'CORRECTION', batchId, rowSeq: single,
        detail: {
          kind: planned[0]?.decision.kind, rows: out.corrections.length, reasonCode: meta.reasonCode, automatic,
          firstCorrection: out.corrections[0], lastCorrection: out.corrections.at(-1),
        },
      });
    }
  })();
  return out;
}

/** Validates and re-checks a NIK decision for one row: the registry call happens outside the transaction. */
async function planNik(db: Database, deps: ReviewDeps, batchId: number, seq: number, decision: Extract<Decision, { nik: string }>): Promise<PlannedDecision> {
  const nik = decision.nik.replace(/[\s.\-']/g, '');
  if (decision.kind === 'MANUAL_NIK') {
    const problem = nikStructureProblem(nik);
    if (problem) throw new PadanError('NIK_INVALID', `${problem} Periksa lagi NIK yang diketik.`);
  } else {
    const state = readState(db, batchId, seq);
    const list = JSON.parse(state.candidates) as { nik: string }[];
    if (!list.some((c) => c.nik === nik)) {
      throw new PadanError('NOT_A_CANDIDATE', 'NIK itu tidak ada dalam daftar kandidat baris ini. Cari kandidat lagi, atau ketik NIK secara manual.');
    }
  }
  const verdict = await recheckRow(db, await deps.registry(), deps.mapping, batchId, seq, nik);
  return { seq, decision: { ...decision, nik }, verdict };
}

export async function decide(db: Database, deps: ReviewDeps, input: DecideInput): Promise<DecideResult> {
  checkReason(input);
  const seqs = [...new Set(input.seqs)];
  if (seqs.length === 0) throw new PadanError('NO_ROWS', 'Tidak ada baris yang dipilih. Pilih baris atau saring dulu, lalu ulangi.');
  const d = input.decision;
  if (d.kind === 'ACCEPT_CANDIDATE' || d.kind === 'MANUAL_NIK') {
    if (seqs.length !== 1) throw new PadanError('BULK_NIK', 'NIK hanya dapat diperbaiki satu baris sekali. Pilih satu baris.');
    batchHead(db, input.batchId);
    const planned = await planNik(db, deps, input.batchId, seqs[0]!, d);
    return applyDecisions(db, input.batchId, [planned], input);
  }
  return applyDecisions(db, input.batchId, seqs.map((seq) => ({ seq, decision: d })), input);
}
