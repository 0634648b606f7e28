import { z } from 'zod';
import { call } from './define.ts';

// Calls of the 'report' domain: the result file for an agency and the berita acara.
const batchId = z.number().int().positive();
/** Absolute path chosen in the save dialog (or, in the test bridge, under the data folder). */
const path = z.string().min(1).max(1024);

export interface ExportBatchResult {
  out: string;
  rows: number;
  bytes: number;
}

export const reportCalls = {
  exportBatch: call<ExportBatchResult>()(
    z.object({ batchId, path, format: z.enum(['xlsx', 'csv']).optional() }).strict(),
    'SIGNED_IN',
  ),
  batchHtml: call<{ html: string }>()(z.object({ batchId, includeInvalid: z.boolean().default(false) }).strict(), 'SIGNED_IN'),
  batchPdf: call<{ out: string; bytes: number }>()(
    z.object({ batchId, path, includeInvalid: z.boolean().default(false) }).strict(),
    'SIGNED_IN',
  ),
};
