// Runs one CPU-heavy, untrusted-input job (reading an agency's file, writing an export) in a
// worker thread with its own heap limit and a wall-clock timeout, so a hostile or huge file
// can neither freeze nor crash the main process. Generic: the export engine reuses it.
import { Worker, type Transferable } from 'node:worker_threads';

export interface WorkerLimits {
  /** Wall-clock limit; the worker is terminated when it passes. */
  timeoutMs: number;
  maxOldGenerationSizeMb?: number;
  maxYoungGenerationSizeMb?: number;
  codeRangeSizeMb?: number;
  stackSizeMb?: number;
}

/** Failure of the worker itself (not an error the job threw). */
export class WorkerFailure extends Error {
  override readonly name = 'WorkerFailure';
  constructor(
    readonly kind: 'TIMEOUT' | 'OUT_OF_MEMORY' | 'CRASHED',
    message: string,
  ) {
    super(message);
  }
}

/** An error thrown inside the job, carried across the thread boundary. */
export class WorkerJobError extends Error {
  constructor(
    readonly originalName: string,
    message: string,
    readonly code: string | null,
    readonly data: Record<string, unknown> | null,
  ) {
    super(message);
    this.name = 'WorkerJobError';
  }
}

const BOOTSTRAP = new URL('./worker-bootstrap.mjs', import.meta.url);

/**
 * Runs `entryUrl`'s default export with `input` in a fresh worker. Under tsx/vitest the entry
 * is a .ts URL and the bootstrap registers tsx; in a build, pass the built .js URL (and ship
 * worker-bootstrap.mjs next to this module's output).
 */
function resourceLimits(limits: WorkerLimits) {
  return {
    maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb ?? 1536,
    maxYoungGenerationSizeMb: limits.maxYoungGenerationSizeMb ?? 64,
    codeRangeSizeMb: limits.codeRangeSizeMb ?? 64,
    stackSizeMb: limits.stackSizeMb ?? 4,
  };
}

function spawn(entry: string, limits: WorkerLimits, data: { input?: unknown; prewarm?: boolean }, transfer: Transferable[] = []): Worker {
  return new Worker(BOOTSTRAP, {
    workerData: { entry, ...data },
    transferList: transfer,
    resourceLimits: resourceLimits(limits),
    // The job must not see the app's environment (keys, paths) it does not need.
    env: {},
    stdout: false,
    stderr: false,
  });
}

// Starting a worker and loading its modules (SheetJS is large) costs a few hundred ms. A
// prewarmed worker has done that and waits, idle and unref'd, for its one job; it is still
// single-use, so no state passes from one file to the next.
const idle = new Map<string, Worker>();
const idleKey = (entry: string, limits: WorkerLimits): string => JSON.stringify([entry, resourceLimits(limits)]);

/** Starts a worker for `entryUrl` ahead of time; the next runInWorker with the same limits uses it. */
export function prewarmWorker(entryUrl: URL | string, limits: Omit<WorkerLimits, 'timeoutMs'>): void {
  const entry = String(entryUrl);
  const key = idleKey(entry, { timeoutMs: 0, ...limits });
  if (idle.has(key)) return;
  try {
    const w = spawn(entry, { timeoutMs: 0, ...limits }, { prewarm: true });
    w.unref();
    const drop = (): void => {
      if (idle.get(key) === w) idle.delete(key);
    };
    w.once('exit', drop);
    w.once('error', drop);
    idle.set(key, w);
  } catch {
    // Prewarming is an optimisation only.
  }
}

function takeIdle(entry: string, limits: WorkerLimits): Worker | null {
  const key = idleKey(entry, limits);
  const w = idle.get(key);
  if (!w) return null;
  idle.delete(key);
  w.removeAllListeners('exit');
  w.removeAllListeners('error');
  w.ref();
  return w;
}

/**
 * Runs `entryUrl`'s default export with `input` in a fresh worker. Under tsx/vitest the entry
 * is a .ts URL and the bootstrap registers tsx; in a build, pass the built .js URL (and ship
 * worker-bootstrap.mjs next to this module's output).
 */
export function runInWorker<I, O>(entryUrl: URL | string, input: I, limits: WorkerLimits): Promise<O> {
  return startInWorker<I, O>(entryUrl, input, limits).result;
}

/** A running job: its answer, the thread (for a synchronous liveness check) and a way to stop it. */
export interface WorkerJob<O> {
  result: Promise<O>;
  worker: Worker;
  /** Terminates the worker; `result` rejects with `reason` unless it has settled already. */
  cancel(reason: Error): void;
  /**
   * Whether the job keeps the process alive (default yes): a long-lived job that waits for
   * requests (an import session) lets go between them, so an idle one never holds a CLI or a
   * test run open. Its wall-clock limit keeps running either way.
   */
  keepAlive(on: boolean): void;
}

/** runInWorker that also returns the worker; `transfer` moves MessagePorts into the job's input. */
export function startInWorker<I, O>(entryUrl: URL | string, input: I, limits: WorkerLimits, transfer: Transferable[] = []): WorkerJob<O> {
  const entry = String(entryUrl);
  let worker!: Worker;
  let cancel!: (reason: Error) => void;
  let timer!: ReturnType<typeof setTimeout>;
  const result = new Promise<O>((resolve, reject) => {
    let settled = false;
    const warm = takeIdle(entry, limits);
    worker = warm ?? spawn(entry, limits, { input }, transfer);
    if (warm) warm.postMessage(input, transfer);
    const finish = (fn: () => void): void => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      fn();
      void worker.terminate();
    };
    cancel = (reason) => finish(() => reject(reason));
    timer = setTimeout(() => {
      finish(() => reject(new WorkerFailure('TIMEOUT', `Worker melebihi batas waktu ${limits.timeoutMs} ms.`)));
    }, limits.timeoutMs);
    worker.once('message', (msg: { ok: boolean; value?: O; error?: { name: string; message: string; code: string | null; data: Record<string, unknown> | null } }) => {
      finish(() => {
        if (msg.ok) resolve(msg.value as O);
        else {
          const e = msg.error!;
          reject(new WorkerJobError(e.name, e.message, e.code, e.data));
        }
      });
    });
    worker.once('error', (err: Error & { code?: string }) => {
      finish(() => {
        if (err.code === 'ERR_WORKER_OUT_OF_MEMORY') reject(new WorkerFailure('OUT_OF_MEMORY', err.message));
        else if (/heap out of memory|Allocation failed|Invalid string length|Array buffer allocation failed/i.test(err.message)) {
          reject(new WorkerFailure('OUT_OF_MEMORY', err.message));
        } else reject(new WorkerJobError(err.name, err.message, err.code ?? null, null));
      });
    });
    worker.once('exit', (code) => {
      finish(() => reject(new WorkerFailure('CRASHED', `Worker berhenti tanpa jawaban (kode ${code}).`)));
    });
  });
  const keepAlive = (on: boolean): void => {
    if (on) {
      worker.ref();
      timer.ref();
    } else {
      worker.unref();
      timer.unref();
    }
  };
  return { result, worker, cancel, keepAlive };
}
