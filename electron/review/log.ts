// The append-only correction log (corrections table): writing entries and reading them back
// with whether an entry has been undone. An undo is itself an entry whose `undoes` points at
// the original, so the log keeps both (domain.md §6: who, when, before, after, why).
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { CorrectionKind, CorrectionView } from '../../shared/api/rows.ts';
import type { Snapshot } from './state.ts';

export interface NewCorrection {
  batchId: number;
  seq: number;
  operator: string;
  at: string;
  kind: CorrectionKind;
  before: Snapshot;
  after: Snapshot;
  reasonCode: string;
  reasonText: string | null;
  automatic: boolean;
  undoes?: number | null;
}

export function insertCorrection(db: Database, c: NewCorrection): number {
  const r = db
    .prepare(
      `INSERT INTO corrections (batch_id, seq, operator, at, kind, before, after, reason_code, reason_text, automatic, undoes)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    )
    .run(c.batchId, c.seq, c.operator, c.at, c.kind, JSON.stringify(c.before), JSON.stringify(c.after), c.reasonCode, c.reasonText || null, c.automatic ? 1 : 0, c.undoes ?? null);
  return Number(r.lastInsertRowid);
}

interface RawCorrection {
  id: number;
  batch_id: number;
  seq: number;
  row_no: number | null;
  operator: string;
  at: string;
  kind: string;
  before: string;
  after: string;
  reason_code: string;
  reason_text: string | null;
  automatic: number;
  undoes: number | null;
  undone_by: number | null;
}

const SELECT = `SELECT c.*, br.row_no AS row_no
  FROM corrections c LEFT JOIN batch_rows br ON br.batch_id = c.batch_id AND br.seq = c.seq`;

/**
 * Which entries were undone, by whom: read once per call in JS, because corrections has no
 * index on `undoes` and a correlated subquery would be quadratic on a bulk-decided batch.
 */
function undoneMap(db: Database, batchId: number, seq?: number): Map<number, number> {
  // An undo is always on the same row as what it undoes, so one row's entries suffice for one row.
  const rows = (
    seq === undefined
      ? db.prepare('SELECT id, undoes FROM corrections WHERE batch_id = ? AND undoes IS NOT NULL').all(batchId)
      : db.prepare('SELECT id, undoes FROM corrections WHERE batch_id = ? AND seq = ? AND undoes IS NOT NULL').all(batchId, seq)
  ) as { id: number; undoes: number }[];
  return new Map(rows.map((r) => [r.undoes, r.id]));
}

function withUndone(db: Database, batchId: number, rows: RawCorrection[], seq?: number): RawCorrection[] {
  const undone = undoneMap(db, batchId, seq);
  for (const r of rows) r.undone_by = undone.get(r.id) ?? null;
  return rows;
}

function toView(r: RawCorrection): CorrectionView {
  return {
    id: r.id,
    seq: r.seq,
    rowNo: r.row_no,
    operator: r.operator,
    at: r.at,
    kind: r.kind as CorrectionView['kind'],
    before: JSON.parse(r.before) as Record<string, unknown>,
    after: JSON.parse(r.after) as Record<string, unknown>,
    reasonCode: r.reason_code,
    reasonText: r.reason_text,
    automatic: r.automatic === 1,
    undoes: r.undoes,
    undoneBy: r.undone_by,
  };
}

/** Newest first. The registry snapshot is left out of the view: the log shows decisions, not records. */
export function listCorrections(db: Database, batchId: number, seq?: number): CorrectionView[] {
  const rows = withUndone(db, batchId, (
    seq === undefined
      ? db.prepare(`${SELECT} WHERE c.batch_id = ? ORDER BY c.id DESC`).all(batchId)
      : db.prepare(`${SELECT} WHERE c.batch_id = ? AND c.seq = ? ORDER BY c.id DESC`).all(batchId, seq)
  ) as RawCorrection[], seq);
  return rows.map(toView).map((v) => {
    delete v.before.registry;
    delete v.after.registry;
    return v;
  });
}

export interface StoredCorrection {
  id: number;
  batchId: number;
  seq: number;
  operator: string;
  kind: CorrectionKind;
  before: Snapshot;
  after: Snapshot;
  reasonCode: string;
  automatic: boolean;
  undoes: number | null;
  undoneBy: number | null;
}

export function getCorrection(db: Database, batchId: number, id: number): StoredCorrection | null {
  const r = db.prepare(`${SELECT} WHERE c.batch_id = ? AND c.id = ?`).get(batchId, id) as RawCorrection | undefined;
  return r ? toStored(withUndone(db, batchId, [r], r.seq)[0]!) : null;
}

function toStored(r: RawCorrection): StoredCorrection {
  return {
    id: r.id, batchId: r.batch_id, seq: r.seq, operator: r.operator, kind: r.kind as CorrectionKind,
    before: JSON.parse(r.before) as Snapshot, after: JSON.parse(r.after) as Snapshot,
    reasonCode: r.reason_code, automatic: r.automatic === 1, undoes: r.undoes, undoneBy: r.undone_by,
  };
}

/** Decisions still in force (not UNDO entries and not undone), oldest first. */
export function effectiveCorrections(db: Database, batchId: number, filter: { seq?: number; afterId?: number; automatic?: boolean; operator?: string } = {}): StoredCorrection[] {
  const where = ['c.batch_id = ?', "c.kind <> 'UNDO'"];
  const params: unknown[] = [batchId];
  if (filter.seq !== undefined) {
    where.push('c.seq = ?');
    params.push(filter.seq);
  }
  if (filter.afterId !== undefined) {
    where.push('c.id > ?');
    params.push(filter.afterId);
  }
  if (filter.automatic !== undefined) {
    where.push('c.automatic = ?');
    params.push(filter.automatic ? 1 : 0);
  }
  if (filter.operator !== undefined) {
    where.push('c.operator = ?');
    params.push(filter.operator);
  }
  const rows = withUndone(db, batchId, db.prepare(`${SELECT} WHERE ${where.join(' AND ')} ORDER BY c.id`).all(...params) as RawCorrection[], filter.seq);
  return rows.filter((r) => r.undone_by === null).map(toStored);
}
