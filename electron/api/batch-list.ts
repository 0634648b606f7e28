// Reads of the batch history for Beranda: the list with filters and one batch's summary.
// Counts come from row_results while the rows exist and from batch_stats after a purge.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { BatchDetail, BatchListItem } from '../../shared/api/batch.ts';
import { STATUSES, type BatchState, type Field } from '../../shared/domain.ts';
import type { MatchService } from '../runtime/match-service.ts';
import { countBatch } from '../stats/counts.ts';
import { PadanError } from './errors.ts';

export interface BatchFilter {
  search?: string;
  agencyId?: number;
  programId?: number;
  month?: string;
  state?: BatchState;
}

interface BatchRow {
  id: number;
  agency_id: number;
  agency_name: string;
  program_id: number | null;
  program_name: string | null;
  letter_no: string | null;
  received_on: string | null;
  channel: string | null;
  purpose: string | null;
  file_name: string;
  sheet_name: string | null;
  header_row: number | null;
  headers: string;
  column_map: string;
  state: BatchState;
  row_count: number;
  created_at: string;
  created_by: string;
  matched_at: string | null;
  registry_label: string | null;
  last_error: string | null;
}

const SELECT = `SELECT b.*, a.name AS agency_name, p.name AS program_name
  FROM batches b JOIN agencies a ON a.id = b.agency_id LEFT JOIN programs p ON p.id = b.program_id`;

function statusCounts(db: Database, ids: number[]): Map<number, Record<string, number>> {
  const out = new Map<number, Record<string, number>>();
  if (ids.length === 0) return out;
  const marks = ids.map(() => '?').join(',');
  for (const r of db
    .prepare(`SELECT batch_id AS id, status, COUNT(*) AS n FROM row_results WHERE batch_id IN (${marks}) GROUP BY batch_id, status`)
    .all(...ids) as { id: number; status: string; n: number }[]) {
    const c = out.get(r.id) ?? {};
    c[r.status] = r.n;
    out.set(r.id, c);
  }
  // Purged batches keep their counts in batch_stats only.
  for (const r of db
    .prepare(`SELECT batch_id AS id, aktif, meninggal, pindah, invalid, belum_diperiksa FROM batch_stats WHERE batch_id IN (${marks})`)
    .all(...ids) as { id: number; aktif: number; meninggal: number; pindah: number; invalid: number; belum_diperiksa: number }[]) {
    if (out.has(r.id)) continue;
    out.set(r.id, { AKTIF: r.aktif, MENINGGAL: r.meninggal, PINDAH: r.pindah, INVALID: r.invalid, BELUM_DIPERIKSA: r.belum_diperiksa });
  }
  return out;
}

function toItem(r: BatchRow, counts: Record<string, number> | undefined, service: MatchService): BatchListItem {
  const c: Record<string, number> = Object.fromEntries(STATUSES.map((s) => [s, counts?.[s] ?? 0]));
  // Rows without a result were never checked (matching not started yet).
  const withResult = STATUSES.reduce((n, s) => n + c[s]!, 0);
  if (r.state !== 'PURGED') c.BELUM_DIPERIKSA! += Math.max(0, r.row_count - withResult);
  return {
    id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, programId: r.program_id, programName: r.program_name,
    letterNo: r.letter_no, receivedOn: r.received_on, channel: r.channel, fileName: r.file_name, rowCount: r.row_count,
    state: r.state, createdAt: r.created_at, createdBy: r.created_by, matchedAt: r.matched_at, lastError: r.last_error,
    counts: c, queue: service.queueInfo(r.id), progress: service.progress(r.id),
  };
}

export function listBatches(db: Database, f: BatchFilter, service: MatchService): BatchListItem[] {
  const where: string[] = [];
  const params: Record<string, unknown> = {};
  const add = (sql: string, key: string, value: unknown) => {
    where.push(sql);
    params[key] = value;
  };
  if (f.agencyId) add('b.agency_id = @agencyId', 'agencyId', f.agencyId);
  if (f.programId) add('b.program_id = @programId', 'programId', f.programId);
  if (f.state) add('b.state = @state', 'state', f.state);
  if (f.month) {
    where.push("substr(coalesce(b.received_on, b.created_at), 1, 7) = @month");
    params.month = f.month;
  }
  const search = f.search?.trim();
  if (search) {
    where.push(`(b.letter_no LIKE @q ESCAPE '\\' OR b.file_name LIKE @q ESCAPE '\\' OR a.name LIKE @q ESCAPE '\\'
      OR p.name LIKE @q ESCAPE '\\' OR b.purpose LIKE @q ESCAPE '\\' OR CAST(b.id AS TEXT) = @exact)`);
    params.q = `%${search.replace(/[\\%_]/g, (m) => '\\' + m)}%`;
    params.exact = search.replace(/^#/, '');
  }
  const rows = db
    .prepare(`${SELECT} ${where.length ? 'WHERE ' + where.join(' AND ') : ''} ORDER BY b.id DESC LIMIT 500`)
    .all(params) as BatchRow[];
  const counts = statusCounts(db, rows.map((r) => r.id));
  return rows.map((r) => toItem(r, counts.get(r.id), service));
}

function batchRow(db: Database, batchId: number): BatchRow {
  const r = db.prepare(`${SELECT} WHERE b.id = ?`).get(batchId) as BatchRow | undefined;
  if (!r) throw new PadanError('BATCH_NOT_FOUND', `Batch #${batchId} tidak ditemukan. Mungkin sudah dihapus; muat ulang daftar batch.`);
  return r;
}

export function batchItem(db: Database, batchId: number, service: MatchService): BatchListItem {
  return toItem(batchRow(db, batchId), statusCounts(db, [batchId]).get(batchId), service);
}

function countJson(db: Database, sql: string, batchId: number): Record<string, number> {
  const out: Record<string, number> = {};
  for (const r of db.prepare(sql).all(batchId) as { k: string; n: number }[]) out[r.k] = r.n;
  return out;
}

export function batchDetail(db: Database, batchId: number, service: MatchService): BatchDetail {
  const r = batchRow(db, batchId);
  const item = toItem(r, statusCounts(db, [batchId]).get(batchId), service);
  // One scan of row_results (the same tally the statistics use), not one query per kind of count.
  const counts = countBatch(db, batchId);
  const reasons: Record<string, number> = { ...counts.reason };
  const elements: Record<string, Record<string, number>> = {};
  for (const [el, per] of Object.entries(counts.elements)) {
    // Only results that occur, as the detail view has always listed them.
    elements[el] = Object.fromEntries(Object.entries(per).filter(([, n]) => n > 0));
  }
  const flags = countJson(
    db,
    `SELECT je.value AS k, COUNT(*) AS n FROM batch_rows br,
      json_each(CASE WHEN json_valid(br.flags) THEN br.flags ELSE '[]' END) je WHERE br.batch_id = ? GROUP BY je.value`,
    batchId,
  );
  const one = (sql: string) => (db.prepare(sql).get(batchId) as { n: number }).n;
  return {
    ...item,
    purpose: r.purpose, sheetName: r.sheet_name, headerRow: r.header_row, registryLabel: r.registry_label,
    columnMap: JSON.parse(r.column_map) as Partial<Record<Field, number>>,
    headers: JSON.parse(r.headers) as string[],
    reasons, elements, flags,
    duplicates: one('SELECT COUNT(*) AS n FROM batch_rows WHERE batch_id = ? AND duplicate_of_row IS NOT NULL'),
    crossBatch: one(`SELECT COUNT(*) AS n FROM row_results WHERE batch_id = ? AND cross_batches NOT IN ('[]', '')`),
  };
}
