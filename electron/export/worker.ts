// Worker entry (runInWorker): writes one result file off the main thread, so a 100,000-row
// export does not freeze the window. Receives plain data only: the store and its key stay
// in the main process. Rows arrive packed, as a few JSON strings (one per chunk of the store
// pass): a string crosses the thread boundary as one copy, where 100,000 row objects cost a
// structured clone of every array and then their garbage on both sides.
import { writeResultCsv } from './csv.ts';
import { tableShape, unpackRow, type ScanMeta } from './result-rows.ts';
import type { BatchCounts, PackedRow, ResultRow, TableShape } from './types.ts';
import { writeResultXlsx } from './xlsx-result.ts';

export interface ExportJob {
  format: 'xlsx' | 'csv';
  out: string;
  meta: ScanMeta;
  width: number;
  repaired: boolean;
  counts: BatchCounts;
  /** JSON arrays of PackedRow, in row order. */
  chunks: string[];
}

/** Rows one chunk at a time; each chunk string is dropped once parsed, the row object reused. */
function* packedRows(chunks: string[], shape: TableShape): Generator<ResultRow> {
  let row: ResultRow | undefined;
  for (let i = 0; i < chunks.length; i++) {
    const packed = JSON.parse(chunks[i]!) as PackedRow[];
    chunks[i] = '';
    for (const p of packed) yield (row = unpackRow(p, shape, row));
  }
}

export default async function exportJob(job: ExportJob): Promise<{ bytes: number }> {
  const shape = tableShape(job.meta, job.width, job.repaired);
  const rows = packedRows(job.chunks, shape);
  const bytes = job.format === 'csv' ? writeResultCsv(shape, rows, job.out) : writeResultXlsx(shape, rows, job.counts, job.out);
  return { bytes };
}
