// Audit log export to CSV for an inspection (UU 27/2022: record of processing). The file
// is written beside its target and renamed, so a half-written export never looks whole.
import { closeSync, fsyncSync, openSync, renameSync, rmSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit, iterateAudit, verifyAudit, type AuditFilter } from '../store/audit.ts';

const COLUMNS = ['id', 'at', 'operator', 'action', 'batch_id', 'row_seq', 'detail', 'prev_hash', 'hash'] as const;

/**
 * Quotes every field; a field that starts like a formula (= + - @, tab, CR) gets a leading
 * apostrophe, since usernames typed at a failed sign-in end up here and the file is
 * opened in a spreadsheet.
 */
export function csvField(v: unknown): string {
  let s = v == null ? '' : String(v);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return `"${s.replace(/"/g, '""')}"`;
}

export interface AuditExportResult {
  path: string;
  entries: number;
  chainOk: boolean;
  headHash: string | null;
}

export function exportAuditCsv(db: Database, path: string, filter: AuditFilter, operator: string): AuditExportResult {
  const integrity = verifyAudit(db);
  const tmp = `${path}.tmp-${process.pid}`;
  const fd = openSync(tmp, 'w', 0o600);
  let entries = 0;
  try {
    // BOM so Excel reads UTF-8; CRLF as RFC 4180 asks.
    writeSync(fd, '\uFEFF' + COLUMNS.join(',') + '\r\n');
    let buf = '';
    for (const r of iterateAudit(db, filter)) {
      buf += COLUMNS.map((c) => csvField(r[c])).join(',') + '\r\n';
      entries++;
      if (buf.length > 1 << 20) {
        writeSync(fd, buf);
        buf = '';
      }
    }
    writeSync(fd, buf);
    fsyncSync(fd);
    closeSync(fd);
    renameSync(tmp, path);
  } catch (err) {
    try {
      closeSync(fd);
    } catch {
      /* already closed */
    }
    rmSync(tmp, { force: true });
    throw err;
  }
  appendAudit(db, {
    operator,
    action: 'AUDIT_EXPORT',
    detail: { file: basename(path), entries, filter, chainOk: integrity.ok, headHash: integrity.headHash },
  });
  return { path, entries, chainOk: integrity.ok, headHash: integrity.headHash };
}
