// Export of a batch's result to the agency: styled workbook or CSV, written in a worker
// thread, audited, and the batch marked EXPORTED (its retention period starts here).
import { renameSync, rmSync } from 'node:fs';
import { basename, extname } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../store/audit.ts';
import { prewarmWorker, runInWorker } from '../import/worker-host.ts';
import { ExportError, readBatchMeta } from './batch-meta.ts';
import { scanResultRows } from './result-rows.ts';
import type { ExportJob } from './worker.ts';

// From source the worker is this folder's worker.ts (tsx); in the built app electron-vite
// emits it next to main.js as export-worker.js (electron.vite.config.ts).
const EXPORT_WORKER = new URL(import.meta.url.endsWith('.ts') ? './worker.ts' : './export-worker.js', import.meta.url);
const WORKER_LIMITS = { maxOldGenerationSizeMb: 3072 };

export { buildResultRows } from './result-rows.ts';
export { ExportError, readBatchMeta } from './batch-meta.ts';
export type { BatchCounts, BatchMeta, ResultRow, ResultTable } from './types.ts';

export interface ExportOptions {
  out: string;
  operator: string;
  format?: 'xlsx' | 'csv';
  /** Write in this thread (tests of the writer itself); default: a worker. */
  inline?: boolean;
}

export interface ExportResult {
  out: string;
  rows: number;
  bytes: number;
}

export function formatOf(out: string, format?: 'xlsx' | 'csv'): 'xlsx' | 'csv' {
  if (format) return format;
  const ext = extname(out).toLowerCase();
  if (ext === '.csv') return 'csv';
  if (ext === '.xlsx' || ext === '') return 'xlsx';
  throw new ExportError('EXPORT_BAD_FORMAT', `Format berkas "${ext}" tidak didukung. Gunakan .xlsx atau .csv.`);
}

/** Starts the writer worker ahead of time (`padan match --out` does, at its start). */
export function prewarmExport(): void {
  prewarmWorker(EXPORT_WORKER, WORKER_LIMITS);
}

export async function exportBatch(db: Database, batchId: number, opts: ExportOptions): Promise<ExportResult> {
  const format = formatOf(opts.out, opts.format);
  // A missing batch fails here, before a worker is started for it.
  readBatchMeta(db, batchId);
  // The worker loads its modules (tsx, the writer) while this thread reads the store.
  if (!opts.inline) prewarmWorker(EXPORT_WORKER, WORKER_LIMITS);
  // One pass: packed rows, as one JSON string per chunk, and the Ringkasan counts.
  const chunks: string[] = [];
  const scan = scanResultRows(db, batchId, (rows) => chunks.push(JSON.stringify(rows)));
  const job: ExportJob = {
    format, out: `${opts.out}.tmp-${process.pid}`, meta: scan.meta, width: scan.width, repaired: scan.repaired, counts: scan.counts, chunks,
  };
  let bytes: number;
  try {
    if (opts.inline) bytes = (await (await import('./worker.ts')).default(job)).bytes;
    else {
      const r = await runInWorker<ExportJob, { bytes: number }>(EXPORT_WORKER, job, { timeoutMs: 10 * 60_000, ...WORKER_LIMITS });
      bytes = r.bytes;
    }
    // Write then rename: a half-written file never sits under the name the user chose.
    renameSync(job.out, opts.out);
  } catch (err) {
    rmSync(job.out, { force: true });
    if (err instanceof ExportError) throw err;
    throw new ExportError(
      'EXPORT_FAILED',
      `Berkas hasil tidak dapat ditulis ke ${opts.out}: ${(err as Error).message}. Periksa folder tujuan dan ruang disk, lalu ulangi.`,
    );
  }
  db.transaction(() => {
    const now = new Date().toISOString();
    db.prepare(
      `UPDATE batches SET exported_at = ?, state = CASE WHEN state IN ('MATCHED', 'EXPORTED') THEN 'EXPORTED' ELSE state END
       WHERE id = ?`,
    ).run(now, batchId);
    appendAudit(db, {
      operator: opts.operator,
      action: 'EXPORT',
      batchId,
      detail: { format, file: basename(opts.out), rows: scan.rowCount, bytes, siakElements: scan.meta.siakElements },
    });
  })();
  return { out: opts.out, rows: scan.rowCount, bytes };
}
