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

/** The last entry (id and hash), or null for an empty log. */
export function auditHead(db: Database): { id: number; hash: string } | null {
  return (db.prepare('SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1').get() as { id: number; hash: string } | undefined) ?? null;
}

/** Appends one entry. Call inside the transaction of the change it records. */
export function appendAudit(db: Database, entry: AuditEntry): number {
  const last = auditHead(db);
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
  /** Last entry of an intact chain (compare with an anchor on a berita acara to see a cut tail). */
  headId: number | null;
  headHash: string | null;
}

/**
 * Walks the whole chain; "Periksa integritas" in the Audit page. Reads raw arrays in id
 * order (one index walk, no object per row), so 100k entries take well under a second.
 * A removed tail cannot be seen from the chain alone: checkAnchor compares it with the
 * anchor (an entry id and hash) printed on a berita acara.
 */
export function verifyAudit(db: Database): AuditIntegrity {
  let prev = GENESIS_HASH;
  let expectedId = 1;
  let checked = 0;
  const stmt = db.prepare('SELECT id, at, operator, action, batch_id, row_seq, detail, prev_hash, hash FROM audit_log ORDER BY id').raw(true);
  for (const r of stmt.iterate() as IterableIterator<[number, string, string, string, number | null, number | null, string, string, string]>) {
    const [id, at, operator, action, batch_id, row_seq, detail, prev_hash, hash] = r;
    if (id !== expectedId) {
      return { ok: false, checked, brokenAt: expectedId, problem: `Entri ${expectedId} hilang dari log audit.`, headId: null, headHash: null };
    }
    if (prev_hash !== prev) {
      return { ok: false, checked, brokenAt: id, problem: `Entri ${id} tidak tersambung ke entri sebelumnya.`, headId: null, headHash: null };
    }
    if (entryHash({ id, at, operator, action, batch_id, row_seq, detail, prev_hash }) !== hash) {
      return { ok: false, checked, brokenAt: id, problem: `Isi entri ${id} telah diubah.`, headId: null, headHash: null };
    }
    prev = hash;
    expectedId++;
    checked++;
  }
  return { ok: true, checked, brokenAt: null, problem: null, headId: checked || null, headHash: checked ? prev : null };
}

/** An entry id and hash (prefix) printed on paper, outside the computer (berita acara). */
export interface AuditAnchor {
  id: number;
  /** Hex, at least 12 characters; case does not matter. */
  hash: string;
}

export interface AnchorCheck {
  id: number;
  ok: boolean;
  problem: string | null;
}

/**
 * Compares an anchor printed on a berita acara with the log. The chain proves each entry
 * follows the one before; the anchor proves the log still reaches entry #id with the same
 * hash, so cutting the tail through #id, or rewriting the chain and recomputing every hash
 * from some entry up to #id, both show. Takes the chain result of verifyAudit (one walk)
 * and fails whenever the chain is broken, also after the anchor.
 * Not detectable by an anchor: entries after #id removed or rewritten (only a later anchor
 * can show those).
 */
export function checkAnchor(db: Database, chain: AuditIntegrity, anchor: AuditAnchor): AnchorCheck {
  const { id } = anchor;
  // A short prefix would match by chance (and '' matches everything); the contract asks for 12.
  if (!/^[0-9a-f]{12,64}$/i.test(anchor.hash)) throw new RangeError('anchor hash: 12-64 hex characters');
  const row = db.prepare('SELECT hash FROM audit_log WHERE id = ?').get(id) as { hash: string } | undefined;
  if (!row) {
    return { id, ok: false, problem: `Entri #${id} tidak ada lagi: log audit telah dipotong atau dihapus sebagian setelah berita acara dicetak.` };
  }
  if (!row.hash.startsWith(anchor.hash.toLowerCase())) {
    return { id, ok: false, problem: `Sidik entri #${id} berbeda: log audit telah diubah.` };
  }
  if (!chain.ok) {
    const at = chain.brokenAt ?? id;
    return {
      id,
      ok: false,
      problem:
        at <= id
          ? `Rantai log audit terputus pada entri #${at}, sebelum jangkar #${id}: log audit telah diubah.`
          : `Entri #${id} cocok, tetapi rantai log audit terputus pada entri #${at} sesudahnya: log audit telah diubah setelah berita acara dicetak.`,
    };
  }
  return { id, ok: true, problem: null };
}

export interface AuditFilter {
  operator?: string;
  action?: string;
  batchId?: number;
  /** Inclusive bounds on the entry time, ISO date (yyyy-mm-dd) or date-time. */
  from?: string;
  to?: string;
}

function whereOf(f: AuditFilter): { sql: string; params: unknown[] } {
  const parts: string[] = [];
  const params: unknown[] = [];
  if (f.operator) {
    parts.push('operator = ?');
    params.push(f.operator);
  }
  if (f.action) {
    parts.push('action = ?');
    params.push(f.action);
  }
  if (f.batchId != null) {
    parts.push('batch_id = ?');
    params.push(f.batchId);
  }
  if (f.from) {
    parts.push('at >= ?');
    params.push(f.from);
  }
  // A bare date as upper bound means "through the end of that day".
  if (f.to) {
    parts.push('at <= ?');
    params.push(/^\d{4}-\d{2}-\d{2}$/.test(f.to) ? `${f.to}T23:59:59.999Z` : f.to);
  }
  return { sql: parts.length ? `WHERE ${parts.join(' AND ')}` : '', params };
}

/** One page of entries, newest first, and the total that match. */
export function listAudit(db: Database, f: AuditFilter, page: { offset: number; limit: number }): { total: number; entries: AuditRow[] } {
  const w = whereOf(f);
  const total = (db.prepare(`SELECT count(*) AS n FROM audit_log ${w.sql}`).get(...w.params) as { n: number }).n;
  const entries = db
    .prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY id DESC LIMIT ? OFFSET ?`)
    .all(...w.params, page.limit, page.offset) as AuditRow[];
  return { total, entries };
}

export function auditActions(db: Database): string[] {
  return (db.prepare('SELECT DISTINCT action FROM audit_log ORDER BY action').all() as { action: string }[]).map((r) => r.action);
}

/** Every matching entry in id order, for the CSV export. */
export function iterateAudit(db: Database, f: AuditFilter): IterableIterator<AuditRow> {
  const w = whereOf(f);
  return db.prepare(`SELECT * FROM audit_log ${w.sql} ORDER BY id`).iterate(...w.params) as IterableIterator<AuditRow>;
}
