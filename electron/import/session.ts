// The import wizard's session with one file: stageFile, preview (again after every mapping
// change) and save all work on the same file, so it is read once in a reader worker that
// keeps the parsed sheets in ITS heap and answers here (session-job.ts). This thread gets
// only what the wizard shows; the save streams the rows into one transaction as importFile
// does (stream.ts). Nothing the size of the sheet is built or held on the main thread, so a
// 100,000-row file never stalls the window for the parse, the row building or the counts.
// One session at a time (the wizard works on one file); a new file, the save, the file
// leaving the staging area, or IDLE_MS without a call ends it, and its worker with its memory.
// The reader's limits hold: its heap limit for the session's life, the wall-clock limit for
// the first read and for each call.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { MessageChannel, type MessagePort } from 'node:worker_threads';
import type { FileInfo } from './prepare.ts';
import { checkFile, DEFAULT_LIMITS, readerLimits, readLimits, toImportError, WORKER_ENTRY, type ImportLimits } from './read.ts';
import type { BatchPurpose, SavedBatch, SaveOptions } from './save-batch.ts';
import type { SessionInput, SessionPreview, SessionPreviewOptions, SessionReply, SessionRequest } from './session-job.ts';
import { bytesSha256, toWire, type ImportSource } from './source.ts';
import type { StreamHead, StreamOptions } from './stream-job.ts';
import { storeStream, type StreamedPreview } from './stream.ts';
import { startInWorker, WorkerFailure, WorkerJobError, type WorkerJob } from './worker-host.ts';

export type { SessionPreview, SessionPreviewOptions } from './session-job.ts';

/** An idle session lets go of its worker (and the parsed file) after this long; the next call reads again. */
const IDLE_MS = 10 * 60_000;
/** The worker's own wall-clock limit, only to end a session nothing ended. */
const SESSION_MS = 13 * 60 * 60_000;

interface Pending {
  resolve(v: unknown): void;
  reject(e: unknown): void;
}

interface Session {
  key: string;
  sha256: string | null;
  fileName: string | null;
  limits: ImportLimits;
  job: WorkerJob<unknown>;
  port: MessagePort;
  ready: Promise<FileInfo>;
  pending: Map<number, Pending>;
  nextId: number;
  busy: number;
  idle: ReturnType<typeof setTimeout> | null;
  ended: boolean;
}

let current: Session | null = null;

class SessionEnded extends Error {}

function start(source: ImportSource, l: ImportLimits, key: string): Session {
  const { port1, port2 } = new MessageChannel();
  const { wire: file, transfer } = toWire(source);
  const input: SessionInput = { file, limits: readLimits(l), session: { port: port2 } };
  const job = startInWorker<SessionInput, unknown>(WORKER_ENTRY, input, { ...readerLimits(l), timeoutMs: SESSION_MS }, [port2, ...transfer]);
  let ready!: Pending;
  const s: Session = {
    key, limits: l, job, port: port1,
    sha256: typeof source === 'string' ? null : bytesSha256(source.bytes),
    fileName: typeof source === 'string' ? null : source.fileName,
    ready: new Promise<FileInfo>((resolve, reject) => (ready = { resolve: resolve as (v: unknown) => void, reject })),
    pending: new Map(), nextId: 1, busy: 0, idle: null, ended: false,
  };
  s.ready.catch(() => undefined);
  port1.on('message', (m: SessionReply) => {
    if (m.type === 'ready') return ready.resolve(m.info);
    const p = s.pending.get(m.id);
    if (!p) return;
    s.pending.delete(m.id);
    if (m.ok) p.resolve(m.value);
    else p.reject(toImportError(new WorkerJobError(m.error.name, m.error.message, m.error.code, m.error.data), l));
  });
  // The worker's end (a failed read, the heap limit, a crash, a timeout, or end()) fails whatever still waits.
  const fail = (err: unknown): void => {
    const e = err instanceof SessionEnded ? err : toImportError(err, l);
    ready.reject(e);
    for (const p of s.pending.values()) p.reject(e);
    s.pending.clear();
    end(s, null);
  };
  job.result.then(() => fail(new WorkerFailure('CRASHED', 'Sesi pembaca berakhir.')), fail);
  idle(s);
  return s;
}

/** Terminates the session's worker (its parsed file goes with it); `reason` for whoever still waits. */
function end(s: Session, reason: Error | null): void {
  if (current === s) current = null;
  if (s.ended) return;
  s.ended = true;
  if (s.idle) clearTimeout(s.idle);
  s.port.close();
  s.job.cancel(reason ?? new SessionEnded('Sesi impor ditutup.'));
}

/** Between calls the session keeps nothing alive (a CLI or a test run may end) and counts down to its end. */
function idle(s: Session): void {
  s.job.keepAlive(false);
  s.port.unref();
  s.idle = setTimeout(() => end(s, null), IDLE_MS);
  s.idle.unref();
}

/** Runs one call against the session under the reader's wall-clock limit. */
async function track<T>(s: Session, work: Promise<T>): Promise<T> {
  if (s.idle) clearTimeout(s.idle);
  s.idle = null;
  if (s.busy++ === 0) {
    s.job.keepAlive(true);
    s.port.ref();
  }
  const timer = setTimeout(() => end(s, new WorkerFailure('TIMEOUT', 'session call')), s.limits.timeoutMs);
  try {
    return await work;
  } finally {
    clearTimeout(timer);
    if (--s.busy === 0 && !s.ended) idle(s);
  }
}

type RequestBody = SessionRequest extends infer R ? (R extends SessionRequest ? Omit<R, 'id'> : never) : never;

function request<T>(s: Session, req: RequestBody, transfer: MessagePort[] = []): Promise<T> {
  if (s.ended) return Promise.reject(new SessionEnded('Sesi impor ditutup.'));
  const id = s.nextId++;
  const reply = new Promise<T>((resolve, reject) => s.pending.set(id, { resolve: resolve as (v: unknown) => void, reject }));
  s.port.postMessage({ ...req, id }, transfer);
  return track(s, reply);
}

/** The session for this file: the current one, or a new read (which ends the previous file's). */
async function sessionFor(source: ImportSource, limits: Partial<ImportLimits> = {}): Promise<Session> {
  const l: ImportLimits = { ...DEFAULT_LIMITS, ...limits };
  const key = await checkFile(source, l);
  if (current && current.key === key && !current.ended) return current;
  if (current) end(current, null);
  current = start(source, l, key);
  const s = current;
  await track(s, s.ready);
  return s;
}

/** One retry when the session ended between being found and being asked (idle end, another file). */
async function withSession<T>(source: ImportSource, limits: Partial<ImportLimits> | undefined, fn: (s: Session) => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    const s = await sessionFor(source, limits);
    try {
      return await fn(s);
    } catch (err) {
      if (err instanceof SessionEnded && attempt === 0) continue;
      throw err;
    }
  }
}

/** The file's sheets (listSheets for the wizard); starts the session. */
export function sessionFileInfo(source: ImportSource, limits?: Partial<ImportLimits>): Promise<FileInfo> {
  return withSession(source, limits, (s) => s.ready);
}

/** The wizard's preview, computed in the session's worker. */
export function sessionPreview(source: ImportSource, options: SessionPreviewOptions, limits?: Partial<ImportLimits>): Promise<SessionPreview> {
  return withSession(source, limits, (s) => request<SessionPreview>(s, { type: 'preview', options }));
}

/**
 * Stores the file as a batch with the wizard's confirmed options: the session's worker plans
 * and builds the rows, this thread stores them in one transaction (storeStream). `beforeStore`
 * sees the plan first and may refuse it (a duplicate file, no NIK column).
 */
export function sessionSave(
  db: Db,
  source: ImportSource,
  options: StreamOptions,
  purpose: BatchPurpose,
  operator: string,
  saveOptions: SaveOptions,
  beforeStore: (head: StreamHead) => void,
  limits?: Partial<ImportLimits>,
): Promise<SavedBatch & { preview: StreamedPreview }> {
  return withSession(source, limits, async (s) => {
    const { port1, port2 } = new MessageChannel();
    const shared = new SharedArrayBuffer(4);
    const signal = new Int32Array(shared);
    const deadline = Date.now() + s.limits.timeoutMs;
    const result = request<{ rows: number }>(s, { type: 'save', options, port: port2, signal: shared }, [port2]);
    result.catch(() => undefined);
    let refused = false;
    const check = (head: StreamHead): void => {
      try {
        beforeStore(head);
      } catch (err) {
        refused = true;
        throw err;
      }
    };
    try {
      return await storeStream(db, { port: port1, signal, worker: s.job.worker, result }, s.limits, deadline, purpose, operator, saveOptions, check);
    } catch (err) {
      // Refused by the caller: the worker finishes building into a closed port and stays for the
      // next call. Anything else (a failed stream, a timeout): start over with a fresh read.
      if (!refused) end(s, err instanceof Error ? err : new Error(String(err)));
      throw err;
    } finally {
      port1.close();
      Atomics.notify(signal, 0);
    }
  });
}

/** Ends the session of this file (bytes: same name and content), or any session without one. */
export function closeImportSession(source?: { fileName: string; bytes: Uint8Array }): void {
  if (!current) return;
  if (source && (current.fileName !== source.fileName || current.sha256 !== bytesSha256(source.bytes))) return;
  end(current, null);
}

/** Whether a session (a parsed file, NIKs included, in its worker) is open. */
export function holdsImportSession(): boolean {
  return current !== null;
}
