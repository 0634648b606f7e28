// Worker side of a streamed import (importFile): after the read, the worker also plans the
// import (header, mapping, data rows) and builds every row, cleaned and checked, into
// batch_rows parameters, handing them over in chunks while the main thread inserts the
// previous chunk into the open transaction. The second core builds; the first only stores.
// Protocol on `port`, each message followed by a bump of signal[0] (Atomics.notify), so the
// main thread can wait for the next chunk synchronously without turning its event loop
// (no other handler may run inside the import's transaction):
//   head -> rows* -> end        or, if building fails, head -> rows* -> error
import type { MessagePort } from 'node:worker_threads';
import { NikIndexBuilder } from './nik-index.ts';
import type { PrepareOptions } from './prepare.ts';
import { planImport, type ImportPlan } from './prepare.ts';
import type { ReadInput, ReadResult } from './read-worker.ts';
import { addToSummary, createRowBuilder, emptySummary, ROW_COLS, ROWS_PER_INSERT, rowParams, type ImportRow, type ValidationSummary } from './rows.ts';

/** Rows per message: big enough that messaging costs little, small enough to start storing early. */
const CHUNK_GROUPS = 64;

export type StreamOptions = Pick<PrepareOptions, 'sheet' | 'headerRow' | 'map' | 'savedMap' | 'referenceYear' | 'previewRows' | 'review' | 'exact'>;

export interface StreamInput extends ReadInput {
  stream: { port: MessagePort; signal: SharedArrayBuffer; options: StreamOptions };
}

export type StreamHead = Omit<ImportPlan, 'sheetRows' | 'indexes' | 'untyped'> & { total: number };

export type StreamMessage =
  | { type: 'head'; head: StreamHead }
  /** Each group: rowParams of up to ROWS_PER_INSERT rows, batch_id left 0. */
  | { type: 'rows'; groups: unknown[][] }
  /** niks: NikIndexBuilder.sorted(), sorted here so the main thread does not have to. */
  | { type: 'end'; summary: ValidationSummary; preview: ImportRow[]; niks: unknown[] }
  | { type: 'error'; error: { name: string; message: string; code: string | null; data: Record<string, unknown> | null } };

export function streamImport(read: ReadResult, input: StreamInput): { rows: number } {
  const { port, options } = input.stream;
  const signal = new Int32Array(input.stream.signal);
  const post = (m: StreamMessage): void => {
    port.postMessage(m);
    Atomics.add(signal, 0, 1);
    Atomics.notify(signal, 0);
  };
  // Planning errors (no header, no NIK column, ...) end the job like a failed read.
  const plan = planImport('path' in input.file ? input.file.path : null, read, options);
  const { sheetRows, indexes, untyped, ...head } = plan;
  post({ type: 'head', head: { ...head, total: indexes.length } });
  try {
    const merges = read.sheets.find((s) => s.name === plan.sheet)?.merges ?? [];
    const build = createRowBuilder(plan.mapping, options.referenceYear, untyped, { rows: sheetRows, merges, firstDataRow: indexes[0] ?? 0 });
    const summary = emptySummary();
    const niks = new NikIndexBuilder();
    const preview: ImportRow[] = [];
    const previewRows = options.previewRows ?? 20;
    let groups: unknown[][] = [];
    let group: unknown[] = [];
    for (let seq = 0; seq < indexes.length; seq++) {
      const i = indexes[seq]!;
      const row = build(sheetRows[i]!, i, seq);
      addToSummary(summary, row);
      niks.add(row.nik, seq);
      if (preview.length < previewRows) preview.push(row);
      rowParams(row, group);
      if (group.length === ROWS_PER_INSERT * ROW_COLS) {
        groups.push(group);
        group = [];
        if (groups.length === CHUNK_GROUPS) {
          post({ type: 'rows', groups });
          groups = [];
        }
      }
    }
    if (group.length > 0) groups.push(group);
    if (groups.length > 0) post({ type: 'rows', groups });
    post({ type: 'end', summary, preview, niks: niks.sorted() });
    return { rows: indexes.length };
  } catch (err) {
    // The main thread is waiting inside its transaction: tell it here, not only in the job's answer.
    const e = err instanceof Error ? (err as Error & { code?: unknown; data?: unknown }) : new Error(String(err));
    const code = 'code' in e && typeof e.code === 'string' ? e.code : null;
    const data = 'data' in e && e.data && typeof e.data === 'object' ? (e.data as Record<string, unknown>) : null;
    post({ type: 'error', error: { name: e.name, message: e.message, code, data } });
    throw err;
  }
}
