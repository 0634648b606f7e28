// One row for the review panel: the agency's row as sent, the registry record behind the
// verdict and the ranked candidates with per-field agreement, limited to what the role may see.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENTS, type Element, type ElementResult, type Role } from '../../shared/domain.ts';
import type { CandidateView, RowDetail } from '../../shared/api/rows.ts';
import { PadanError } from '../api/errors.ts';
import { mappedElements, type Candidate } from '../match/rows.ts';
import { listCorrections } from './log.ts';
import { readState, toRowState } from './state.ts';
import { PERSON_FIELD, ROW_COLUMN, visibleKeys, visiblePerson, type PersonKey } from './fields.ts';
import { batchHead } from './decide.ts';
import { decodeSnapshot } from '../registry/snapshot.ts';

interface RawRow {
  row_no: number;
  cells: string;
  nik_input: string | null;
  nik: string | null;
  nik_reason: string | null;
  duplicate_of_row: number | null;
  [col: string]: unknown;
}

export function candidateViews(list: Candidate[], keys: readonly PersonKey[]): CandidateView[] {
  return list.map((c) => ({
    nik: c.nik, score: c.score, source: c.source, suggested: !!c.suggested, status: c.status, reason: c.reason,
    fields: c.fields as Partial<Record<Element, ElementResult>>,
    person: visiblePerson(c.person as unknown as Record<string, unknown>, keys) ?? {},
  }));
}

export function rowDetail(db: Database, batchId: number, seq: number, role: Role | undefined): RowDetail {
  const { allowed } = batchHead(db, batchId);
  const batch = db.prepare('SELECT headers, column_map FROM batches WHERE id = ?').get(batchId) as { headers: string; column_map: string };
  const r = db.prepare('SELECT * FROM batch_rows WHERE batch_id = ? AND seq = ?').get(batchId, seq) as RawRow | undefined;
  if (!r) throw new PadanError('ROW_NOT_FOUND', `Baris ${seq + 1} tidak ada pada batch ${batchId}.`);
  const state = readState(db, batchId, seq);
  const elements = mappedElements(batch.column_map);
  const keys = visibleKeys(role, elements);
  const person = decodeSnapshot(state.registry) as Record<string, unknown> | null;
  const agency: RowDetail['agency'] = {};
  const registryValues: RowDetail['registryValues'] = {};
  for (const el of elements) {
    agency[el] = (r[ROW_COLUMN[el]] as string | null) ?? null;
    if (person) registryValues[el] = (person[PERSON_FIELD[el]] as string | null | undefined) ?? null;
  }
  const xb = db.prepare('SELECT cross_batches FROM row_results WHERE batch_id = ? AND seq = ?').get(batchId, seq) as { cross_batches: string } | undefined;
  const cross = parseCross(xb?.cross_batches);
  return {
    batchId, seq, rowNo: r.row_no,
    headers: JSON.parse(batch.headers) as string[],
    cells: JSON.parse(r.cells) as unknown[],
    nikInput: r.nik_input, nik: r.nik, nikReason: r.nik_reason,
    agency, elements, state: toRowState(seq, state, cross.length > 0), crossBatches: cross, duplicateOfRow: r.duplicate_of_row,
    registry: visiblePerson(person, keys), registryValues,
    candidates: candidateViews(JSON.parse(state.candidates) as Candidate[], keys),
    allowedElements: allowed.filter((el) => (ELEMENTS as readonly string[]).includes(el)),
    corrections: listCorrections(db, batchId, seq),
  };
}

function parseCross(json: string | undefined): RowDetail['crossBatches'] {
  try {
    return JSON.parse(json ?? '[]') as RowDetail['crossBatches'];
  } catch {
    return [];
  }
}
