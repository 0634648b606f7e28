// Stores an import preview as a batch in one transaction: the batch with its purpose
// (UU 27/2022: agency, program, letter, date received, channel), every row with its cells
// verbatim, a BELUM_DIPERIKSA result per row for the matcher, and the audit entry.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import type { Channel } from '../../shared/domain.ts';
import { appendAudit } from '../store/audit.ts';
import { withDeferredCheckpoint } from '../store/checkpoint.ts';
import { importErrors } from './errors.ts';
import { toSavedMap, type ColumnMapping, type MapSpec } from './mapping.ts';
import type { ImportPreview } from './prepare.ts';
import { NikIndexBuilder } from './nik-index.ts';
import { ROW_COLS, ROWS_PER_INSERT, rowParams, type ValidationSummary } from './rows.ts';

/** batch_niks rows per INSERT statement. */
const NIKS_PER_INSERT = 64;

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
  /**
   * Remember the mapping for the agency's next import (default true). Even then only a
   * mapping a person stated is remembered (see isConfirmed).
   */
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

/**
 * A mapping with no column a person stated (the wizard's confirmed map, the CLI's --map) is
 * all guesswork: the header names, the content, the saved map itself. Storing it would let an
 * unattended run (a script's `padan import` or `padan match`) replace the mapping the operator
 * confirmed in the wizard with whatever it detected.
 */
function isConfirmed(mapping: ColumnMapping[]): boolean {
  return mapping.some((m) => m.source === 'MANUAL');
}

/** What the batch row records about the file; everything but the rows themselves. */
export interface BatchMeta {
  fileName: string;
  sha256: string;
  sheet: string;
  headerRow: number;
  headers: string[];
  mapping: ColumnMapping[];
  /** Data rows the source will deliver (batches.row_count). */
  total: number;
}

/**
 * Hands rowParams groups to `put`, in seq order, each at most ROWS_PER_INSERT rows; runs
 * inside the transaction, so whatever it throws rolls the whole batch back. It returns the
 * batch's NIKs sorted for batch_niks (NikIndexBuilder.sorted(); the import worker sorts them
 * off this thread).
 */
export type RowSource = (put: (group: unknown[]) => void) => unknown[];

export function saveBatch(db: Db, preview: ImportPreview, purpose: BatchPurpose, operator: string, opts: SaveOptions = {}): SavedBatch {
  const meta: BatchMeta = {
    fileName: preview.file.fileName, sha256: preview.file.sha256, sheet: preview.sheet, headerRow: preview.headerRow,
    headers: preview.headers, mapping: preview.mapping, total: preview.rows.length,
  };
  const batchId = storeBatch(db, meta, purpose, operator, opts, (put) => {
    const buf: unknown[] = [];
    const niks = new NikIndexBuilder();
    for (const r of preview.rows) {
      niks.add(r.nik, r.seq);
      rowParams(r, buf);
      if (buf.length === ROWS_PER_INSERT * ROW_COLS) {
        put(buf);
        buf.length = 0;
      }
    }
    if (buf.length > 0) put(buf);
    return niks.sorted();
  });
  return { batchId, summary: preview.summary };
}

/** Stores the batch, the rows `source` delivers, their results and the audit entry in ONE transaction. */
export function storeBatch(db: Db, meta: BatchMeta, purpose: BatchPurpose, operator: string, opts: SaveOptions, source: RowSource): number {
  const agency = db.prepare('SELECT id FROM agencies WHERE id = ?').get(purpose.agencyId);
  if (!agency) throw importErrors.unknownAgency(String(purpose.agencyId), []);
  const now = new Date().toISOString();
  const columnMap: Record<string, number> = {};
  for (const m of meta.mapping) columnMap[m.field] = m.column;
  const total = meta.total;

  const insertBatch = db.prepare(
    `INSERT INTO batches (agency_id, program_id, letter_no, received_on, channel, purpose, file_name, file_sha256,
       sheet_name, header_row, headers, column_map, state, row_count, created_at, created_by)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 'IMPORTED', ?, ?, ?)`,
  );
  const rowSql = (n: number): string =>
    `INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik, nik_reason, nik_suspect, name, birth_place,
       birth_date, birth_date_raw, sex, kk, mother_name, address, rt, rw, kelurahan, kecamatan, flags, duplicate_of_row)
     VALUES ${Array.from({ length: n }, () => `(${Array(ROW_COLS).fill('?').join(',')})`).join(',')}`;
  const insertMany = db.prepare(rowSql(ROWS_PER_INSERT));
  const insertOne = db.prepare(rowSql(1));
  // Every row starts unchecked: "not checked" must never look like INVALID (domain.md §1).
  // Written group by group beside the rows (an append in seq order), not by reading the
  // batch's rows back afterwards: that re-read decrypts every page again (~0.12 s per 100,000).
  const resultSql = (n: number): string =>
    `INSERT INTO row_results (batch_id, seq, status) VALUES ${Array(n).fill(`(?, ?, 'BELUM_DIPERIKSA')`).join(',')}`;
  const insertResultsMany = db.prepare(resultSql(ROWS_PER_INSERT));
  const insertResultOne = db.prepare(resultSql(1));
  const resultKeys: unknown[] = new Array(ROWS_PER_INSERT * 2);

  const nikSql = (n: number): string => `INSERT INTO batch_niks (nik, batch_id, seq) VALUES ${Array(n).fill('(?, ?, ?)').join(',')}`;
  const insertNiksMany = db.prepare(nikSql(NIKS_PER_INSERT));
  const insertNikOne = db.prepare(nikSql(1));
  const insertNiks = (flat: unknown[], batchId: number): void => {
    const buf: unknown[] = new Array(NIKS_PER_INSERT * 3);
    let i = 0;
    for (let k = 0; k < flat.length; k += 2) {
      buf[i++] = flat[k];
      buf[i++] = batchId;
      buf[i++] = flat[k + 1];
      if (i === buf.length) {
        insertNiksMany.run(buf);
        i = 0;
      }
    }
    for (let k = 0; k < i; k += 3) insertNikOne.run(buf[k], batchId, buf[k + 2]);
  };

  const run = db.transaction((): number => {
    // Checked inside the transaction so two imports of the same file cannot both pass.
    const dup = findDuplicateBatch(db, purpose.agencyId, meta.sha256);
    if (dup && !opts.allowDuplicate) throw importErrors.duplicate(dup.id, dup.created_at);
    const info = insertBatch.run(
      purpose.agencyId,
      purpose.programId ?? null,
      purpose.letterNo ?? null,
      purpose.receivedOn ?? null,
      purpose.channel ?? null,
      purpose.purpose ?? null,
      meta.fileName,
      meta.sha256,
      meta.sheet,
      meta.headerRow,
      JSON.stringify(meta.headers),
      JSON.stringify(columnMap),
      total,
      now,
      operator,
    );
    const batchId = Number(info.lastInsertRowid);
    let done = 0;
    let groups = 0;
    const sortedNiks = source((group) => {
      const n = group.length / ROW_COLS;
      for (let k = 0; k < group.length; k += ROW_COLS) group[k] = batchId;
      if (n === ROWS_PER_INSERT) {
        insertMany.run(group);
        for (let i = 0, k = 0; k < group.length; k += ROW_COLS) {
          resultKeys[i++] = batchId;
          resultKeys[i++] = group[k + 1];
        }
        insertResultsMany.run(resultKeys);
      } else {
        for (let k = 0; k < group.length; k += ROW_COLS) {
          insertOne.run(group.slice(k, k + ROW_COLS));
          insertResultOne.run(batchId, group[k + 1]);
        }
      }
      if (opts.onProgress && groups++ % 200 === 0) opts.onProgress({ stage: 'SAVE', done, total });
      done += n;
    });
    // row_count must tell the truth: a source that delivered fewer rows is a failed import.
    if (done !== total) throw new Error(`Impor tidak lengkap: ${done} dari ${total} baris.`);
    insertNiks(sortedNiks, batchId);
    if (opts.rememberMapping !== false && isConfirmed(meta.mapping)) {
      db.prepare('UPDATE agencies SET column_map = ? WHERE id = ?').run(JSON.stringify(toSavedMap(meta.mapping)), purpose.agencyId);
    }
    appendAudit(db, {
      operator,
      action: 'IMPORT',
      batchId,
      detail: { fileName: meta.fileName, sha256: meta.sha256, rows: total, sheet: meta.sheet, duplicateOf: dup?.id ?? null },
    });
    return batchId;
  });
  const batchId = withDeferredCheckpoint(db, run);
  opts.onProgress?.({ stage: 'SAVE', done: total, total });
  return batchId;
}
