// Berita acara of one batch: gathered from the store, built by shared/report, printed to PDF.
import { statSync } from 'node:fs';
import { basename } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { z } from 'zod';
import type { Reason } from '../../shared/domain.ts';
import { buildBatchReportHtml, type BatchReportData } from '../../shared/report/batch-report.ts';
import { DEFAULT_OFFICE, type OfficeInfo } from '../../shared/report/print.ts';
import { cellText, parseCells } from '../export/cells.ts';
import { readBatchMeta } from '../export/batch-meta.ts';
import { countBatch } from '../stats/counts.ts';
import { appendAudit, auditHead } from '../store/audit.ts';
import { getSetting } from '../store/settings.ts';
import { renderBatchReportPdf } from './pdf.ts';

export { renderBatchReportPdf, ReportError, chromiumPath } from './pdf.ts';
export { buildBatchReportHtml } from '../../shared/report/batch-report.ts';

const officeSchema = z.object({
  government: z.string(), office: z.string(), address: z.string(), city: z.string(), headTitle: z.string(),
  headName: z.string().nullable(), headNip: z.string().nullable(),
}).partial();

export function officeInfo(db: Database): OfficeInfo {
  return { ...DEFAULT_OFFICE, ...getSetting(db, 'office', officeSchema, {}) } as OfficeInfo;
}

export function batchReportData(db: Database, batchId: number, opts: { includeInvalid?: boolean; operator: string }): BatchReportData {
  const batch = readBatchMeta(db, batchId);
  const counts = countBatch(db, batchId);
  const corrections = db
    .prepare('SELECT operator, kind, count(*) AS count FROM corrections WHERE batch_id = ? GROUP BY operator, kind ORDER BY operator, kind')
    .all(batchId) as { operator: string; kind: string; count: number }[];
  let operatorName: string | null = null;
  try {
    const r = db.prepare('SELECT display_name FROM operators WHERE username = ?').get(opts.operator) as { display_name?: string } | undefined;
    operatorName = r?.display_name ?? null;
  } catch {
    // No operators table (older store): sign with the login name.
  }
  const data: BatchReportData = {
    batch, counts, corrections, generatedAt: new Date().toISOString(), operator: opts.operator, operatorName, office: officeInfo(db),
    // The anchor is the entry just BEFORE this report's own REPORT entry: that entry is
    // appended after rendering (the PDF may fail), so its hash is not known yet. The
    // REPORT entry records anchorId, since other entries may land while the PDF renders.
    auditAnchor: auditHead(db),
  };
  if (opts.includeInvalid) {
    const map = JSON.parse((db.prepare('SELECT column_map FROM batches WHERE id = ?').get(batchId) as { column_map: string }).column_map) as Record<string, number>;
    data.invalidRows = (db
      .prepare(
        `SELECT br.row_no, br.nik_input, br.cells, br.name, rr.reason FROM row_results rr
         JOIN batch_rows br USING (batch_id, seq) WHERE rr.batch_id = ? AND rr.status = 'INVALID' ORDER BY br.seq`,
      )
      .all(batchId) as { row_no: number; nik_input: string | null; cells: string; name: string | null; reason: Reason | null }[]).map((r) => {
      const cells = parseCells(r.cells);
      return {
        rowNo: r.row_no,
        nikInput: r.nik_input ?? (typeof map.NIK === 'number' ? cellText(cells[map.NIK]) : ''),
        name: typeof map.NAMA === 'number' ? cellText(cells[map.NAMA]) : (r.name ?? ''),
        reason: r.reason,
      };
    });
  }
  return data;
}

/** The report as HTML (preview); audited, since it can list rows with personal data. */
export function batchReportHtml(db: Database, batchId: number, opts: { includeInvalid?: boolean; operator: string }): string {
  const data = batchReportData(db, batchId, opts);
  const html = buildBatchReportHtml(data);
  appendAudit(db, {
    operator: opts.operator, action: 'REPORT', batchId,
    detail: { format: 'html', includeInvalid: !!opts.includeInvalid, anchorId: data.auditAnchor?.id ?? null },
  });
  return html;
}

export async function writeBatchReportPdf(
  db: Database,
  batchId: number,
  opts: {
    out: string;
    includeInvalid?: boolean;
    operator: string;
    /** The app's printToPDF (AppContext.renderPdf); headless Chromium when absent. */
    render?: (html: string, outPath: string) => Promise<void>;
  },
): Promise<{ out: string; bytes: number; anchor: { id: number; hash: string } | null }> {
  const data = batchReportData(db, batchId, opts);
  const html = buildBatchReportHtml(data);
  let bytes: number;
  if (opts.render) {
    await opts.render(html, opts.out);
    bytes = statSync(opts.out).size;
  } else bytes = (await renderBatchReportPdf(html, opts.out, `Berita acara pemadanan batch ${batchId}`)).bytes;
  appendAudit(db, {
    operator: opts.operator, action: 'REPORT', batchId,
    detail: { format: 'pdf', file: basename(opts.out), includeInvalid: !!opts.includeInvalid, anchorId: data.auditAnchor?.id ?? null },
  });
  return { out: opts.out, bytes, anchor: data.auditAnchor ?? null };
}
