import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface AuditEntry {
  operator: string;
  action: string;
  batchId?: number | null;
  rowSeq?: number | null;
  /** What was done, never more personal data than the action needs. */
  detail?: Record<string, unknown>;
}

export interface AuditRow {
  id: number;
  at: string;
  operator: string;
  action: string;
  batch_id: number | null;
  row_seq: number | null;
  detail: string;
  prev_hash: string;
  hash: string;
}

export const GENESIS_HASH = '0'.repeat(64);

/** The hash that chains an entry to the one before it, so an edit or a removal shows. */
export function entryHash(e: Omit<AuditRow, 'id' | 'hash'> & { id: number }): string {
  const canonical = JSON.stringify([e.id, e.at, e.operator, e.action, e.batch_id, e.row_seq, e.detail, e.prev_hash]);
  return createHash('sha256').update(canonical).digest('hex');
}

/** Appends one entry. Call inside the transaction of the change it records. */
export function appendAudit(db: Database, entry: AuditEntry): number {
  const last = db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as
    | { id: number; hash: string }
    | undefined;
  const row = {
    id: (last?.id ?? 0) + 1,
    at: new Date().toISOString(),
    operator: entry.operator,
    action: entry.action,
    batch_id: entry.batchId ?? null,
    row_seq: entry.rowSeq ?? null,
    detail: JSON.stringify(entry.detail ?? {}),
    prev_hash: last?.hash ?? GENESIS_HASH,
  };
  const hash = entryHash(row);
  db.prepare(
    `INSERT INTO audit_log (id, at, operator, action, batch_id, row_seq, detail, prev_hash, hash)
     VALUES (@id, @at, @operator, @action, @batch_id, @row_seq, @detail, @prev_hash, @hash)`,
  ).run({ ...row, hash });
  return row.id;
}

export interface AuditIntegrity {
  ok: boolean;
  checked: number;
  /** First entry whose hash or link does not hold, or where an id is missing. */
  brokenAt: number | null;
  problem: string | null;
}

/** Walks the whole chain; "Periksa integritas" in the Audit page. */
export function verifyAudit(db: Database): AuditIntegrity {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  for (const r of db.prepare('SELECT * FROM audit_log ORDER BY id').iterate() as IterableIterator<AuditRow>) {
    if (r.id !== expectedId) {
      return { ok: false, checked, brokenAt: expectedId, problem: `Entri ${expectedId} hilang dari log audit.` };
    }
    if (r.prev_hash !== prev) {
      return { ok: false, checked, brokenAt: r.id, problem: `Entri ${r.id} tidak tersambung ke entri sebelumnya.` };
    }
    if (entryHash(r) !== r.hash) {
      return { ok: false, checked, brokenAt: r.id, problem: `Isi entri ${r.id} telah diubah.` };
    }
    prev = r.hash;
    expectedId++;
    checked++;
  }
  return { ok: true, checked, brokenAt: null, problem: null };
}
