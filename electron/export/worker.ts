// Worker entry (runInWorker): writes one result file off the main thread, so a 100,000-row
// export does not freeze the window. Receives plain data only: the store and its key stay
// in the main process.
import { writeResultCsv } from './csv.ts';
import type { BatchCounts, ResultTable } from './types.ts';
import { writeResultXlsx } from './xlsx-result.ts';

export interface ExportJob {
  format: 'xlsx' | 'csv';
  out: string;
  table: ResultTable;
  counts: BatchCounts;
}

export default async function exportJob(job: ExportJob): Promise<{ bytes: number }> {
  const bytes = job.format === 'csv' ? writeResultCsv(job.table, job.out) : writeResultXlsx(job.table, job.counts, job.out);
  return { bytes };
}
