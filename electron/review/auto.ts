// The optional automatic step (off by default): a candidate is applied only when it is the
// row's single candidate and agrees exactly on name and birth date. Every such decision is
// logged with automatic = 1 and can be undone in bulk (undoAutomatic).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { AUTO_REASON_CODE, type AutoRepairResult } from '../../shared/api/rows.ts';
import { mappedElements, readRow, type Candidate, type RowVerdict } from '../match/rows.ts';
import { rowVerdict } from '../match/status.ts';
import { applyDecisions, batchHead, type PlannedDecision, type ReviewDeps } from './decide.ts';

export const AUTO_REASON_TEXT = 'Perbaikan otomatis: satu-satunya kandidat, nama dan tanggal lahir sama persis.';

interface Qualifying {
  seq: number;
  nik: string;
}

/** Rows the automatic step would repair, in seq order. */
export function autoRepairCandidates(db: Database, batchId: number): Qualifying[] {
  const rows = db
    .prepare(
      `SELECT seq, candidates FROM row_results
       WHERE batch_id = ? AND status = 'INVALID' AND unrepairable = 0 AND matched_nik IS NULL AND json_array_length(candidates) = 1
       ORDER BY seq`,
    )
    .all(batchId) as { seq: number; candidates: string }[];
  const out: Qualifying[] = [];
  for (const r of rows) {
    const c = (JSON.parse(r.candidates) as Candidate[])[0]!;
    if (c.fields.NAMA === 'SESUAI' && c.fields.TGL_LHR === 'SESUAI') out.push({ seq: r.seq, nik: c.nik });
  }
  return out;
}

export async function autoRepair(db: Database, deps: ReviewDeps, batchId: number, operator: string, dryRun: boolean): Promise<AutoRepairResult> {
  batchHead(db, batchId);
  const list = autoRepairCandidates(db, batchId);
  if (dryRun || list.length === 0) return { dryRun, count: list.length, seqs: list.map((q) => q.seq), rows: [] };
  // One registry call for all rows (the same re-check as recheckRow, in bulk).
  const registry = await deps.registry();
  const found = await registry.lookup([...new Set(list.map((q) => q.nik))]);
  const { column_map } = db.prepare('SELECT column_map FROM batches WHERE id = ?').get(batchId) as { column_map: string };
  const mapped = mappedElements(column_map);
  const planned: PlannedDecision[] = [];
  for (const q of list) {
    const row = readRow(db, batchId, q.seq);
    if (!row) continue;
    const repaired = { ...row, nik: q.nik, nikReason: 'FORMAT', nikSuspect: false };
    const verdict: RowVerdict = rowVerdict(repaired, found.get(q.nik), deps.mapping, mapped);
    planned.push({ seq: q.seq, decision: { kind: 'ACCEPT_CANDIDATE', nik: q.nik }, verdict });
  }
  const res = applyDecisions(db, batchId, planned, { reasonCode: AUTO_REASON_CODE, reasonText: AUTO_REASON_TEXT, operator, automatic: true });
  return { dryRun, count: res.rows.length, seqs: res.rows.map((r) => r.seq), rows: res.rows };
}
