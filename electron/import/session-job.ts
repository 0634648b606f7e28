// Worker side of an import session (session.ts): the import wizard's file is read once and
// its parsed sheets stay HERE, in the reader worker's heap under its limits, for as long as
// the wizard works on it. The main thread asks over `port` and gets back only what the wizard
// shows (the plan, the first rows, the counts, the rows above the header), or, for the save,
// the rows streamed into its open transaction exactly as importFile's (stream-job.ts).
//   worker -> main: ready, then one reply per request
//   main -> worker: preview | save
// The session ends when the main thread terminates the worker (session.ts).
import type { MessagePort } from 'node:worker_threads';
import { cellText } from '../../shared/columns.ts';
import { fileInfo, planImport, type FileInfo, type ImportPreview, type PrepareOptions } from './prepare.ts';
import type { ReadInput, ReadResult } from './read-worker.ts';
import { addToSummary, createRowBuilder, emptySummary, type ImportRow } from './rows.ts';
import { streamImport, type StreamOptions } from './stream-job.ts';

export interface SessionInput extends ReadInput {
  session: { port: MessagePort };
}

export type SessionPreviewOptions = Pick<PrepareOptions, 'sheet' | 'headerRow' | 'map' | 'savedMap' | 'referenceYear' | 'previewRows' | 'review' | 'exact'> & {
  /** Filled rows at most this far above the header are returned as `above`. */
  aboveRows: number;
};

/** The wizard's preview: everything prepareImport gives but the full row list. */
export type SessionPreview = Omit<ImportPreview, 'rows'> & { above: { rowNo: number; cells: string[] }[] };

export type WireError = { name: string; message: string; code: string | null; data: Record<string, unknown> | null };

export type SessionRequest =
  | { id: number; type: 'preview'; options: SessionPreviewOptions }
  | { id: number; type: 'save'; options: StreamOptions; port: MessagePort; signal: SharedArrayBuffer };

export type SessionReply =
  | { type: 'ready'; info: FileInfo }
  | { type: 'reply'; id: number; ok: true; value: unknown }
  | { type: 'reply'; id: number; ok: false; error: WireError };

export function wireError(err: unknown): WireError {
  const e = err instanceof Error ? (err as Error & { code?: unknown; data?: unknown }) : new Error(String(err));
  const code = 'code' in e && typeof e.code === 'string' ? e.code : null;
  const data = 'data' in e && e.data && typeof e.data === 'object' ? (e.data as Record<string, unknown>) : null;
  return { name: e.name, message: e.message, code, data };
}

/** Plans and builds every data row (counts only; the first rows kept), as prepareImport would. */
export function sessionPreview(read: ReadResult, path: string | null, options: SessionPreviewOptions): SessionPreview {
  const { aboveRows, ...opts } = options;
  const plan = planImport(path, read, opts);
  const { sheetRows, indexes, untyped, ...head } = plan;
  const merges = read.sheets.find((s) => s.name === plan.sheet)?.merges ?? [];
  const build = createRowBuilder(plan.mapping, opts.referenceYear, untyped, { rows: sheetRows, merges, firstDataRow: indexes[0] ?? 0 });
  const summary = emptySummary();
  const preview: ImportRow[] = [];
  const previewRows = opts.previewRows ?? 20;
  for (let seq = 0; seq < indexes.length; seq++) {
    const i = indexes[seq]!;
    const row = build(sheetRows[i]!, i, seq);
    addToSummary(summary, row);
    if (preview.length < previewRows) preview.push(row);
  }
  const above: SessionPreview['above'] = [];
  for (let i = Math.max(0, plan.headerRow - 1 - aboveRows); i < plan.headerRow - 1; i++) {
    const cells = (sheetRows[i] ?? []).map(cellText);
    if (cells.some((c) => c !== '')) above.push({ rowNo: i + 1, cells });
  }
  return { ...head, preview, summary, above };
}

/** Answers the main thread's requests, one at a time in order, until it terminates the worker. */
export function runSession(read: ReadResult, input: SessionInput): Promise<never> {
  const { port } = input.session;
  const path = 'path' in input.file ? input.file.path : null;
  const reply = (m: SessionReply): void => port.postMessage(m);
  reply({ type: 'ready', info: fileInfo(path, read) });
  return new Promise<never>(() => {
    port.on('message', (req: SessionRequest) => {
      try {
        const value = req.type === 'preview'
          ? sessionPreview(read, path, req.options)
          : streamImport(read, { file: input.file, limits: input.limits, stream: { port: req.port, signal: req.signal, options: req.options } });
        reply({ type: 'reply', id: req.id, ok: true, value });
      } catch (err) {
        reply({ type: 'reply', id: req.id, ok: false, error: wireError(err) });
      } finally {
        if (req.type === 'save') req.port.close();
      }
    });
  });
}
