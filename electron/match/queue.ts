// Batches waiting for the registry. The queue probes the registry with exponential backoff
// (5 s doubling to 5 min) and resumes the batches when it answers, while the rest of the app
// keeps working; the batch list shows its state.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import type { Registry } from '../registry/types.ts';
import { isConnectionError, matchBatch, type MatchResult } from './run.ts';

export interface QueueClock {
  now(): number;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const realClock: QueueClock = {
  now: () => Date.now(),
  setTimeout: (fn, ms) => setTimeout(fn, ms),
  clearTimeout: (h) => clearTimeout(h as ReturnType<typeof setTimeout>),
};

export interface MatchQueueOptions {
  db: Database;
  /** Opens (or returns) a registry connection; a dropped connection is reopened per probe. */
  registry: () => Promise<Registry>;
  mapping: () => SchemaMapping;
  operator: string;
  clock?: QueueClock;
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Called after every change of state (for the batch list). */
  onChange?: (state: MatchQueueState) => void;
  onMatched?: (batchId: number, result: MatchResult) => void;
  /**
   * Runs one batch. The app passes MatchService's start path, so a batch resumed from the
   * queue is listed as running, reports progress and can be cancelled like any other run.
   * Without it the queue calls matchBatch itself (with `mapping` and `operator`).
   */
  runBatch?: (batchId: number, registry: Registry) => Promise<QueueRunOutcome>;
}

/** How a batch's run ended: FAILED is an error retrying will not cure (the batch leaves the queue). */
export interface QueueRunOutcome {
  state: MatchResult['state'] | 'FAILED';
  error?: string;
  result?: MatchResult;
}

/** A finished matchBatch call as the queue sees it. */
export function outcomeOf(result: MatchResult): QueueRunOutcome {
  return { state: result.state, result, ...(result.error ? { error: result.error } : {}) };
}

export interface MatchQueueState {
  batches: number[];
  /** Probes that failed since the registry last answered. */
  attempts: number;
  /** Epoch ms of the next probe, null when idle. */
  nextProbeAt: number | null;
  running: boolean;
  lastError: string | null;
}

/** A NIK that cannot exist (province 00): the probe asks the registry something cheap. */
const PROBE_NIK = '0000000000000000';

export class MatchQueue {
  private readonly waiting: number[] = [];
  private attempts = 0;
  private timer: unknown = null;
  private nextProbeAt: number | null = null;
  private running = false;
  private lastError: string | null = null;
  private readonly clock: QueueClock;
  private readonly base: number;
  private readonly max: number;

  constructor(private readonly opts: MatchQueueOptions) {
    this.clock = opts.clock ?? realClock;
    this.base = opts.baseDelayMs ?? 5_000;
    this.max = opts.maxDelayMs ?? 300_000;
  }

  /** Picks up batches left QUEUED by an earlier session. */
  restore(): void {
    const rows = this.opts.db.prepare(`SELECT id FROM batches WHERE state = 'QUEUED' ORDER BY id`).all() as { id: number }[];
    for (const r of rows) this.enqueue(r.id);
  }

  enqueue(batchId: number): void {
    if (!this.waiting.includes(batchId)) this.waiting.push(batchId);
    if (!this.running && this.timer === null) this.schedule();
    this.changed();
  }

  remove(batchId: number): void {
    this.drop(batchId);
    if (this.waiting.length === 0) this.cancelTimer();
    this.changed();
  }

  state(): MatchQueueState {
    return {
      batches: [...this.waiting],
      attempts: this.attempts,
      nextProbeAt: this.nextProbeAt,
      running: this.running,
      lastError: this.lastError,
    };
  }

  /** Delay before the next probe: base doubling per failed probe, capped. */
  delay(): number {
    return Math.min(this.max, this.base * 2 ** Math.min(this.attempts, 30));
  }

  stop(): void {
    this.cancelTimer();
    this.changed();
  }

  private cancelTimer(): void {
    if (this.timer !== null) this.clock.clearTimeout(this.timer);
    this.timer = null;
    this.nextProbeAt = null;
  }

  private schedule(): void {
    this.cancelTimer();
    if (this.waiting.length === 0) return;
    const ms = this.delay();
    this.nextProbeAt = this.clock.now() + ms;
    this.timer = this.clock.setTimeout(() => {
      this.timer = null;
      this.nextProbeAt = null;
      void this.probe();
    }, ms);
  }

  /** Probes now (also "Coba sekarang" in the batch list). Resolves when the round is over. */
  async probe(): Promise<void> {
    if (this.running || this.waiting.length === 0) return;
    this.cancelTimer();
    this.running = true;
    this.changed();
    try {
      const registry = await this.opts.registry();
      await registry.lookup([PROBE_NIK]);
      this.attempts = 0;
      this.lastError = null;
      while (this.waiting.length > 0) {
        const batchId = this.waiting[0]!;
        // By id, never by position: the runner (MatchService.start) takes the batch out of the
        // list while it runs, and a cancel meanwhile may take out another one.
        let outcome: QueueRunOutcome;
        try {
          outcome = await this.runBatch(batchId, registry);
        } catch (err) {
          // Not a connection problem (e.g. a schema error): retrying will not help, drop the batch.
          if (!isConnectionError(err)) this.drop(batchId);
          throw err;
        }
        if (outcome.state === 'QUEUED') {
          // Dropped again mid-run: the batch keeps its place and the round ends.
          if (!this.waiting.includes(batchId)) this.waiting.unshift(batchId);
          throw Object.assign(new Error(outcome.error ?? 'SIAK terputus lagi.'), { code: 'REGISTRY_DROPPED' });
        }
        this.drop(batchId);
        if (outcome.state === 'MATCHED' && outcome.result) this.opts.onMatched?.(batchId, outcome.result);
        this.changed();
      }
    } catch (err) {
      this.attempts++;
      this.lastError = (err as Error).message;
    } finally {
      this.running = false;
      this.schedule();
      this.changed();
    }
  }

  private runBatch(batchId: number, registry: Registry): Promise<QueueRunOutcome> {
    if (this.opts.runBatch) return this.opts.runBatch(batchId, registry);
    return matchBatch(this.opts.db, registry, this.opts.mapping(), batchId, { operator: this.opts.operator })
      .then(outcomeOf);
  }

  private drop(batchId: number): void {
    const i = this.waiting.indexOf(batchId);
    if (i >= 0) this.waiting.splice(i, 1);
  }

  private changed(): void {
    this.opts.onChange?.(this.state());
  }
}
