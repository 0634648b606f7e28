// Main-thread side of the candidate search in a worker (candidate-worker.ts). On a 100,000-row
// batch the search takes about 2 s of CPU (250,000 NIK variants, family cards, names with birth
// dates); in a worker it overlaps the main thread's lookups, verdicts and writes of the next
// chunk instead of adding to them. Only for registries a worker can open again by itself
// (a SQLite file: the demo and SIAK-schema registries); Oracle and test registries search on
// the main thread as before.
import { MessageChannel } from 'node:worker_threads';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { prewarmWorker, startInWorker, type WorkerJob } from '../import/worker-host.ts';
import type { RegistrySpec } from '../registry/open.ts';
import type { Registry } from '../registry/types.ts';
import type { CandidateJob, CandidateReply, CandidateWorkerInput } from './candidate-worker.ts';
import { findCandidates } from './candidates.ts';
import type { MatchRow, RowVerdict } from './rows.ts';

const ENTRY = new URL(import.meta.url.endsWith('.ts') ? './candidate-worker.ts' : './candidate-worker.js', import.meta.url);
/** A worker is worth its start-up (~0.3 s) only for a batch of a few chunks or more. */
export const MIN_CHUNKS_FOR_WORKER = 3;

/** Candidates of a chunk's INVALID rows as row_results.candidates JSON, by seq. */
export type ChunkCandidates = Map<number, string>;

export interface CandidateSearch {
  find(rows: readonly MatchRow[], verdicts: ReadonlyMap<number, RowVerdict>, signal?: AbortSignal): Promise<ChunkCandidates>;
  close(): Promise<void>;
}

/** The registry's spec when a worker may open it again read-only, else null. */
export function reopenableSpec(registry: Registry): RegistrySpec | null {
  const spec = registry.spec;
  return spec && (spec.kind === 'sqlite' || spec.kind === 'demo') ? spec : null;
}

/** In this thread: what matchBatch always did. */
export function inThreadSearch(registry: Registry, mapping: SchemaMapping): CandidateSearch {
  return {
    async find(rows, verdicts, signal) {
      const found = await findCandidates(registry, mapping, rows, verdicts, { signal });
      return new Map([...found].map(([seq, list]) => [seq, JSON.stringify(list)]));
    },
    async close() {},
  };
}

/**
 * The worker's own start (a thread, its modules, its registry connection) takes a few tenths
 * of a second; until it says it is ready, chunks are searched on this thread, so nothing waits.
 */
const WORKER_LIMITS = { maxOldGenerationSizeMb: 1024 };

/** Starts the candidate worker's thread and modules ahead of time (`padan match` does at its start). */
export function prewarmCandidateWorker(): void {
  prewarmWorker(ENTRY, WORKER_LIMITS);
}

export function workerSearch(spec: RegistrySpec, registry: Registry, mapping: SchemaMapping): CandidateSearch & { whenReady: Promise<void>; state(): 'STARTING' | 'READY' | 'LOST' } {
  const here = inThreadSearch(registry, mapping);
  let ready = false;
  let markReady!: () => void;
  const whenReady = new Promise<void>((resolve) => (markReady = resolve));
  const { port1, port2 } = new MessageChannel();
  const job: WorkerJob<{ jobs: number }> = startInWorker<CandidateWorkerInput, { jobs: number }>(
    ENTRY,
    { spec, mapping, port: port2 },
    // A batch of a million rows searches for minutes; the wall clock is the batch's business.
    { timeoutMs: 24 * 60 * 60 * 1000, ...WORKER_LIMITS },
    [port2],
  );
  type Waiting = { resolve: (c: ChunkCandidates | Promise<ChunkCandidates>) => void; reject: (e: Error) => void; here: () => Promise<ChunkCandidates> };
  const waiting = new Map<number, Waiting>();
  let nextId = 0;
  let closed = false;
  let lost = false;
  // The job ends only when we close the port. A worker lost before that (it could not start,
  // ran out of memory) costs speed, not results: its chunks are searched here instead.
  const workerLost = (err: unknown): void => {
    if (closed || lost) return;
    lost = true;
    process.stderr.write(`Padan: pencarian kandidat di thread terpisah berhenti (${err instanceof Error ? err.message : String(err)}); dilanjutkan di thread utama.\n`);
    for (const w of waiting.values()) w.resolve(w.here());
    waiting.clear();
  };
  job.result.then(() => workerLost(new Error('selesai sebelum waktunya')), workerLost);
  port1.on('message', (reply: CandidateReply) => {
    if ('ready' in reply) {
      ready = true;
      return markReady();
    }
    const w = waiting.get(reply.id);
    if (!w) return;
    waiting.delete(reply.id);
    if (reply.ok) w.resolve(new Map(reply.candidates));
    else if (!reply.ok) w.reject(Object.assign(new Error(reply.error.message), { name: reply.error.name, code: reply.error.code, retryable: reply.error.retryable }));
  });
  return {
    whenReady,
    state: () => (lost ? 'LOST' : ready ? 'READY' : 'STARTING'),
    find(rows, verdicts, signal) {
      if (!ready || lost || closed) return here.find(rows, verdicts, signal);
      const invalid = rows.filter((r) => verdicts.get(r.seq)?.status === 'INVALID');
      if (invalid.length === 0) return Promise.resolve(new Map());
      const id = nextId++;
      const message: CandidateJob = { id, rows: invalid, verdicts: invalid.map((r) => [r.seq, verdicts.get(r.seq)!.status, verdicts.get(r.seq)!.reason]) };
      return new Promise<ChunkCandidates>((resolve, reject) => {
        waiting.set(id, { resolve, reject, here: () => here.find(rows, verdicts, signal) });
        port1.postMessage(message);
        signal?.addEventListener('abort', () => {
          if (waiting.delete(id)) reject(signal.reason instanceof Error ? signal.reason : new Error('dibatalkan'));
        }, { once: true });
      });
    },
    async close() {
      closed = true;
      port1.close();
      for (const w of waiting.values()) w.reject(new Error('Pencari kandidat sudah ditutup.'));
      waiting.clear();
      // A clean close lets the worker close its registry; a worker stuck in a search is stopped.
      const stop = setTimeout(() => job.cancel(new Error('ditutup')), 5_000);
      try {
        await job.result.catch(() => undefined);
      } finally {
        clearTimeout(stop);
      }
    },
  };
}
