// Main-thread side of a streamed import (importFile; the wizard's save via session.ts): the worker reads,
// plans and builds rows while this thread stores them. The batch is still ONE transaction:
// it opens when the worker's plan arrives and commits after the last chunk, and while it is
// open this thread waits for chunks synchronously (Atomics.wait + receiveMessageOnPort), so no
// other handler on the same connection can run inside it (as with saveBatch). The worker's
// limits stay: its heap limit, and the wall-clock limit, which now also bounds the waits for
// chunks; a worker that dies mid-stream is seen at once (its event loop reports stopped).
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { MessageChannel, receiveMessageOnPort, type MessagePort, type Worker } from 'node:worker_threads';
import { importErrors } from './errors.ts';
import type { ImportPreview } from './prepare.ts';
import { checkFile, DEFAULT_LIMITS, readerLimits, readLimits, toImportError, WORKER_ENTRY, type ImportLimits } from './read.ts';
import { storeBatch, type BatchPurpose, type SavedBatch, type SaveOptions } from './save-batch.ts';
import { toWire, type ImportSource } from './source.ts';
import type { StreamHead, StreamInput, StreamMessage, StreamOptions } from './stream-job.ts';
import { startInWorker, WorkerFailure, WorkerJobError } from './worker-host.ts';

export type StreamImportOptions = StreamOptions & SaveOptions & { limits?: Partial<ImportLimits> };
export type StreamedPreview = Omit<ImportPreview, 'rows'>;

/** How long one synchronous wait lasts before the worker's liveness and the deadline are checked. */
const WAIT_SLICE_MS = 50;

/**
 * A finished worker (done, crashed, killed for memory) reports a negative idle time at once
 * (Node's Worker::LoopIdleTime), while its 'exit' event would need this thread's event loop.
 * Should that ever change, the deadline still ends the wait.
 */
function stopped(worker: Worker): boolean {
  return worker.performance.eventLoopUtilization().idle < 0;
}

export async function streamImportFile(
  db: Db,
  source: ImportSource,
  purpose: BatchPurpose,
  operator: string,
  opts: StreamImportOptions,
): Promise<SavedBatch & { preview: StreamedPreview }> {
  const l: ImportLimits = { ...DEFAULT_LIMITS, ...opts.limits };
  await checkFile(source, l);
  const { port1, port2 } = new MessageChannel();
  const shared = new SharedArrayBuffer(4);
  const signal = new Int32Array(shared);
  const options: StreamOptions = {
    sheet: opts.sheet, headerRow: opts.headerRow, map: opts.map, savedMap: opts.savedMap,
    referenceYear: opts.referenceYear, previewRows: opts.previewRows,
  };
  const { wire: file, transfer } = toWire(source);
  const input: StreamInput = { file, limits: readLimits(l), stream: { port: port2, signal: shared, options } };
  const deadline = Date.now() + l.timeoutMs;
  const job = startInWorker<StreamInput, { rows: number }>(WORKER_ENTRY, input, readerLimits(l), [port2, ...transfer]);
  // Its failures reach us through the head wait or the chunk waits; never unhandled.
  job.result.catch(() => undefined);
  try {
    return await storeStream(db, { port: port1, signal, worker: job.worker, result: job.result }, l, deadline, purpose, operator, opts);
  } catch (err) {
    job.cancel(err instanceof Error ? err : new Error(String(err)));
    throw err;
  } finally {
    port1.close();
    // Releases a head wait still pending after a failure.
    Atomics.notify(signal, 0);
  }
}

/** One streamed import as the main thread sees it (stream-job.ts's protocol). */
export interface StreamChannel {
  port: MessagePort;
  signal: Int32Array;
  /** The thread building the rows (its liveness is checked while waiting synchronously). */
  worker: Worker;
  /** Settles when the worker's part ends; a rejection is its failure. */
  result: Promise<unknown>;
}

/**
 * Waits for the worker's plan, lets `beforeStore` refuse it (the wizard's checks), then stores
 * the rows as they come in ONE transaction. The caller owns the port and the worker.
 */
export async function storeStream(
  db: Db,
  ch: StreamChannel,
  l: ImportLimits,
  deadline: number,
  purpose: BatchPurpose,
  operator: string,
  opts: SaveOptions,
  beforeStore?: (head: StreamHead) => void,
): Promise<SavedBatch & { preview: StreamedPreview }> {
  const head = await waitForHead(ch.port, ch.signal, ch.result, l);
  beforeStore?.(head);
  let end: Extract<StreamMessage, { type: 'end' }> | null = null;
  const next = (): StreamMessage => receiveSync(ch.port, ch.signal, ch.worker, deadline, l);
  const batchId = storeBatch(db, { ...head, fileName: head.file.fileName, sha256: head.file.sha256 }, purpose, operator, opts, (put) => {
    for (;;) {
      const m = next();
      if (m.type === 'rows') for (const g of m.groups) put(g);
      else if (m.type === 'end') {
        end = m;
        return m.niks;
      }
      else if (m.type === 'error') throw toImportError(new WorkerJobError(m.error.name, m.error.message, m.error.code, m.error.data), l);
      else throw importErrors.corrupt('urutan pesan pembaca tidak dikenal');
    }
  });
  const { summary, preview } = end as unknown as Extract<StreamMessage, { type: 'end' }>;
  const { total: _t, ...rest } = head;
  void _t;
  return { batchId, summary, preview: { ...rest, preview, summary } };
}

/** Waits (asynchronously: nothing is open yet) for the worker's plan, or for its failure. */
async function waitForHead(port: MessagePort, signal: Int32Array, result: Promise<unknown>, l: ImportLimits): Promise<StreamHead> {
  const waitAsync = (Atomics as unknown as { waitAsync(a: Int32Array, i: number, v: number, t: number): { async: boolean; value: Promise<string> | string } }).waitAsync;
  const w = waitAsync(signal, 0, 0, l.timeoutMs);
  const signalled = w.async ? (w.value as Promise<string>) : Promise.resolve(w.value as string);
  const failed = result.then(
    () => Promise.reject(new WorkerFailure('CRASHED', 'Pembaca selesai tanpa rencana impor.')),
    (err: unknown) => Promise.reject(err),
  );
  let failure: unknown = null;
  try {
    await Promise.race([signalled, failed]);
  } catch (err) {
    failure = err;
  }
  // A quick job may have finished before the wake-up was seen: the plan is queued all the same.
  const m = receiveMessageOnPort(port)?.message as StreamMessage | undefined;
  if (m?.type === 'head') return m.head;
  if (failure === null) {
    // Woken without a plan (timed out): the job's answer says how it ended.
    try {
      await failed;
    } catch (err) {
      failure = err;
    }
  }
  throw toImportError(failure ?? new WorkerFailure('TIMEOUT', 'no plan'), l);
}

/** The next message, waiting synchronously; a dead worker or the deadline ends the import. */
function receiveSync(port: MessagePort, signal: Int32Array, worker: Worker, deadline: number, l: ImportLimits): StreamMessage {
  for (;;) {
    const seen = Atomics.load(signal, 0);
    const m = receiveMessageOnPort(port);
    if (m) return m.message as StreamMessage;
    if (Date.now() > deadline) throw toImportError(new WorkerFailure('TIMEOUT', 'deadline'), l);
    if (stopped(worker)) {
      // Messages posted before it stopped are already queued.
      const last = receiveMessageOnPort(port);
      if (last) return last.message as StreamMessage;
      throw toImportError(new WorkerFailure('CRASHED', 'Pembaca berhenti di tengah impor.'), l);
    }
    sleepUntilSignal(signal, seen);
  }
}

let canWait = true;

/** Atomics.wait; where a host forbids blocking this thread, a short spin on the counter instead. */
function sleepUntilSignal(signal: Int32Array, seen: number): void {
  if (canWait) {
    try {
      Atomics.wait(signal, 0, seen, WAIT_SLICE_MS);
      return;
    } catch {
      canWait = false;
    }
  }
  const until = Date.now() + 1;
  while (Atomics.load(signal, 0) === seen && Date.now() < until);
}

