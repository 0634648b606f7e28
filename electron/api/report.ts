import { isAbsolute, resolve, sep } from 'node:path';
import { exportBatch } from '../export/index.ts';
import { batchReportHtml, writeBatchReportPdf } from '../report/index.ts';
import { operatorOf, type AppContext } from './context.ts';
import { PadanError } from './errors.ts';
import type { DomainHandlers } from './types.ts';

/** The save dialog gives absolute paths; the test bridge may only write under the data folder. */
export function checkOutputPath(ctx: AppContext, path: string): string {
  if (!isAbsolute(path)) throw new PadanError('BAD_PATH', 'Lokasi berkas harus lengkap (path absolut). Pilih lokasi lewat dialog simpan.');
  const full = resolve(path);
  if (ctx.host === 'bridge' && !full.startsWith(resolve(ctx.dataDir) + sep)) {
    throw new PadanError('BAD_PATH', 'Di mode uji, berkas hanya boleh disimpan di folder data Padan.');
  }
  return full;
}

// Handlers of the 'report' domain (contract: shared/api/report.ts).
export const reportHandlers: DomainHandlers<'report'> = {
  exportBatch: async ({ batchId, path, format }, ctx) => {
    const r = await exportBatch(ctx.db, batchId, { out: checkOutputPath(ctx, path), operator: operatorOf(ctx), format });
    ctx.emit('batch/changed', { batchId });
    return r;
  },
  batchHtml: ({ batchId, includeInvalid }, ctx) => ({
    html: batchReportHtml(ctx.db, batchId, { includeInvalid, operator: operatorOf(ctx) }),
  }),
  batchPdf: ({ batchId, path, includeInvalid }, ctx) =>
    writeBatchReportPdf(ctx.db, batchId, {
      out: checkOutputPath(ctx, path), includeInvalid, operator: operatorOf(ctx), render: ctx.renderPdf,
    }),
};
