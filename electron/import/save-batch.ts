// Stores an import preview as a batch in one transaction: the batch with its purpose
// (UU 27/2022: agency, program, letter, date received, channel), every row with its cells
// verbatim, a BELUM_DIPERIKSA result per row for the matcher, and the audit entry.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { Channel } from '../../shared/domain.ts';
import { appendAudit } from '../store/audit.ts';
import { importErrors } from './errors.ts';
import { toSavedMap, type MapSpec } from './mapping.ts';
import type { ImportPreview } from './prepare.ts';
import type { ImportRow, ValidationSummary } from './rows.ts';

export interface BatchPurpose {
  agencyId: number;
  programId?: number | null;
  letterNo?: string | null;
  /** yyyy-mm-dd */
  receivedOn?: string | null;
  channel?: Channel | null;
  /** Free text: what the agency needs the check for. */
  purpose?: string | null;
}

export interface SaveOptions {
  /** Import a file already imported for the same agency (otherwise DUPLICATE_FILE). */
  allowDuplicate?: boolean;
  /** Remember the mapping for the agency's next import (default true). */
  rememberMapping?: boolean;
  onProgress?: (p: { stage: 'SAVE'; done: number; total: number }) => void;
}

export interface SavedBatch {
  batchId: number;
  summary: ValidationSummary;
}

/** The earlier batch of the same agency holding the same file, if any. */
export function findDuplicateBatch(db: Db, agencyId: number, sha256: string): { id: number; created_at: string } | null {
  const row = db
    .prepare(`SELECT id, created_at FROM batches WHERE agency_id = ? AND file_sha256 = ? AND state <> 'PURGED' ORDER BY id LIMIT 1`)
    .get(agencyId, sha256) as { id: number; created_at: string } | undefined;
  return row ?? null;
}

/** The agency's last confirmed mapping, to pass to prepareImport as savedMap. */
export function getSavedMap(db: Db, agencyId: number): MapSpec | null {
  const row = db.prepare('SELECT column_map FROM agencies WHERE id = ?').get(agencyId) as { column_map: string | null } | undefined;
  if (!row?.column_map) return null;
  try {
    const v: unknown = JSON.parse(row.column_map);
    return v && typeof v === 'object' && !Array.isArray(v) ? (v as MapSpec) : null;
  } catch {
    return null;
  }
}

export function saveBatch(db: Db, preview: ImportPreview, purpose: BatchPurpose, operator: string, opts: SaveOptions = {}): SavedBatch {
  const agency = db.prepare('SELECT id FROM agencies WHERE id = ?').get(purpose.agencyId);
  if (!agency) throw importErrors.unknownAgency(String(purpose.agencyId), []);
  const now = new Date().toISOString();
  const columnMap: Record<string, number> = {};
  for (const m of preview.mapping) columnMap[m.field] = m.column;
  const total = preview.rows.length;

  const insertBatch = db.prepare(
    `INSERT INTO batches (agency_id, program_id, letter_no, received_on, channel, purpose, file_name, file_sha256,
       sheet_name, header_row, headers, column_map, state, row_count, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORTED', ?, ?, ?)`,
  );
  // Many rows per statement: fewer calls across the native boundary for 100,000 rows.
  const COLS = 22;
  const PER = 32;
  const rowSql = (n: number): string =>
    `INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik, nik_reason, nik_suspect, name, birth_place,
       birth_date, birth_date_raw, sex, kk, mother_name, address, rt, rw, kelurahan, kecamatan, flags, duplicate_of_row)
     VALUES ${Array.from({ length: n }, () => `(${Array(COLS).fill('?').join(',')})`).join(',')}`;
  const insertMany = db.prepare(rowSql(PER));
  const insertOne = db.prepare(rowSql(1));
  // Every row starts unchecked: "not checked" must never look like INVALID (domain.md §1).
  const insertResults = db.prepare(
    `INSERT INTO row_results (batch_id, seq, status, reason) SELECT batch_id, seq, 'BELUM_DIPERIKSA', NULL FROM batch_rows WHERE batch_id = ?`,
  );
  const params = (batchId: number, r: ImportRow, out: unknown[]): void => {
    out.push(
      batchId, r.seq, r.rowNo, JSON.stringify(r.cells), r.nikInput, r.nik, r.nikReason, r.nikSuspect ? 1 : 0, r.name,
      r.birthPlace, r.birthDate, r.birthDateRaw, r.sex, r.kk, r.motherName, r.address, r.rt, r.rw, r.kelurahan,
      r.kecamatan, r.flags.length ? JSON.stringify(r.flags) : '[]', r.duplicateOfRow,
    );
  };

  const run = db.transaction((): number => {
    // Checked inside the transaction so two imports of the same file cannot both pass.
    const dup = findDuplicateBatch(db, purpose.agencyId, preview.file.sha256);
    if (dup && !opts.allowDuplicate) throw importErrors.duplicate(dup.id, dup.created_at);
    const info = insertBatch.run(
      purpose.agencyId,
      purpose.programId ?? null,
      purpose.letterNo ?? null,
      purpose.receivedOn ?? null,
      purpose.channel ?? null,
      purpose.purpose ?? null,
      preview.file.fileName,
      preview.file.sha256,
      preview.sheet,
      preview.headerRow,
      JSON.stringify(preview.headers),
      JSON.stringify(columnMap),
      total,
      now,
      operator,
    );
    const batchId = Number(info.lastInsertRowid);
    let i = 0;
    const buf: unknown[] = [];
    for (; i + PER <= total; i += PER) {
      buf.length = 0;
      for (let k = i; k < i + PER; k++) params(batchId, preview.rows[k]!, buf);
      insertMany.run(buf);
      if (opts.onProgress && (i / PER) % 200 === 0) opts.onProgress({ stage: 'SAVE', done: i, total });
    }
    for (; i < total; i++) {
      buf.length = 0;
      params(batchId, preview.rows[i]!, buf);
      insertOne.run(buf);
    }
    insertResults.run(batchId);
    if (opts.rememberMapping !== false) {
      db.prepare('UPDATE agencies SET column_map = ? WHERE id = ?').run(JSON.stringify(toSavedMap(preview.mapping)), purpose.agencyId);
    }
    appendAudit(db, {
      operator,
      action: 'IMPORT',
      batchId,
      detail: { fileName: preview.file.fileName, sha256: preview.file.sha256, rows: total, sheet: preview.sheet, duplicateOf: dup?.id ?? null },
    });
    return batchId;
  });
  const batchId = run();
  opts.onProgress?.({ stage: 'SAVE', done: total, total });
  return { batchId, summary: preview.summary };
}
