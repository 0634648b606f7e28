// Matching in the background, one run per batch, so the window stays usable while a
// 55,000-row batch is checked. Progress goes out as 'match/progress' events (rate, time
// left); a registry that does not answer puts the batch in the MatchQueue, which probes
// with backoff and resumes it; 'registry/state' tells the top bar. A batch left MATCHING
// by a crash is picked up again when the service starts (matchBatch resumes per chunk).
import type { MatchProgress } from '../../shared/api/events.ts';
import type { AppContext } from '../api/context.ts';
import { MatchQueue, outcomeOf, type MatchQueueOptions, type MatchQueueState, type QueueRunOutcome } from '../match/queue.ts';
import type { Registry } from '../registry/types.ts';
import { isConnectionError, matchBatch } from '../match/run.ts';
import { getSchemaMapping } from './registry-config.ts';

export interface RunProgress {
  done: number;
  total: number;
  rate: number;
  etaSeconds: number | null;
}

export interface RegistryState {
  online: boolean | null;
  queued: number;
  nextProbeAt: string | null;
  lastError: string | null;
  label: string | null;
}

/** The queue's backoff (5 s doubling to 5 min unless set; shorter only in the test bridge). */
export type MatchQueueDelays = Pick<MatchQueueOptions, 'baseDelayMs' | 'maxDelayMs'>;

/** Operator recorded in the audit log for runs the queue resumes. */
const QUEUE_OPERATOR = 'antrean-sistem';

export class MatchService {
  private readonly runs = new Map<number, { controller: AbortController; progress: RunProgress; outcome: Promise<QueueRunOutcome> }>();
  private readonly queue: MatchQueue;
  private online: boolean | null = null;
  private label: string | null = null;

  constructor(private readonly ctx: AppContext, queueDelays: MatchQueueDelays = {}) {
    this.queue = new MatchQueue({
      ...queueDelays,
      db: ctx.db,
      registry: () => ctx.registry(),
      mapping: () => getSchemaMapping(ctx.db),
      operator: QUEUE_OPERATOR,
      onChange: (s) => this.queueChanged(s),
      // The same path as a run the user starts: listed, cancellable, progress events.
      runBatch: (batchId, registry) => this.launch(batchId, QUEUE_OPERATOR, registry),
    });
  }

  /** Batches a crash left MATCHING run again; QUEUED ones go back into the queue. */
  resumeInterrupted(): void {
    this.queue.restore();
    const left = this.ctx.db.prepare(`SELECT id FROM batches WHERE state = 'MATCHING' ORDER BY id`).all() as { id: number }[];
    for (const { id } of left) this.start(id, 'sistem');
  }

  isRunning(batchId: number): boolean {
    return this.runs.has(batchId);
  }

  progress(batchId: number): RunProgress | null {
    return this.runs.get(batchId)?.progress ?? null;
  }

  queueInfo(batchId: number): { position: number; nextProbeAt: string | null; attempts: number } | null {
    const s = this.queue.state();
    const i = s.batches.indexOf(batchId);
    if (i < 0) return null;
    return { position: i + 1, nextProbeAt: s.nextProbeAt ? new Date(s.nextProbeAt).toISOString() : null, attempts: s.attempts };
  }

  registryState(): RegistryState {
    const s = this.queue.state();
    return {
      online: this.online,
      queued: s.batches.length,
      nextProbeAt: s.nextProbeAt ? new Date(s.nextProbeAt).toISOString() : null,
      lastError: s.lastError,
      label: this.label,
    };
  }

  /** Records what a connection test or diagnostics learnt about the registry. */
  noteRegistry(online: boolean, label: string | null): void {
    this.online = online;
    if (label) this.label = label;
    this.emitRegistry();
  }

  /** Starts (or resumes) matching; returns at once, the run continues in the background. */
  start(batchId: number, operator: string): void {
    void this.launch(batchId, operator);
  }

  /** Every run starts here, the user's and the queue's; resolves with how it ended. */
  private launch(batchId: number, operator: string, registry?: Registry): Promise<QueueRunOutcome> {
    const running = this.runs.get(batchId);
    if (running) return running.outcome;
    this.queue.remove(batchId);
    const controller = new AbortController();
    // A resumed run starts where the last one stopped: its bar must not drop to 0% until a chunk is done.
    const { total, done } = this.storedProgress(batchId) ?? { total: 0, done: 0 };
    const entry = { controller, progress: { done, total, rate: 0, etaSeconds: null }, outcome: Promise.resolve<QueueRunOutcome>({ state: 'CANCELLED' }) };
    this.runs.set(batchId, entry);
    this.ctx.tasks.set(`match:${batchId}`, controller);
    this.ctx.db.prepare(`UPDATE batches SET state = 'MATCHING', last_error = NULL WHERE id = ? AND state <> 'PURGED'`).run(batchId);
    this.emitProgress(batchId, 'MATCHING');
    entry.outcome = this.run(batchId, operator, controller, registry);
    return entry.outcome;
  }

  /** Stops a run between chunks, or takes a waiting batch out of the queue. */
  cancel(batchId: number): void {
    const run = this.runs.get(batchId);
    if (run) {
      run.controller.abort();
      return;
    }
    if (this.queueInfo(batchId)) {
      this.queue.remove(batchId);
      this.ctx.db.prepare(`UPDATE batches SET state = 'IMPORTED', last_error = ? WHERE id = ? AND state = 'QUEUED'`)
        .run('Dikeluarkan dari antrean oleh pengguna. Jalankan lagi untuk melanjutkan.', batchId);
      this.emitProgress(batchId, 'CANCELLED');
    }
  }

  /** Probe the registry now ("Coba sekarang"). */
  async probeNow(): Promise<void> {
    await this.queue.probe();
  }

  stop(): void {
    this.queue.stop();
    for (const r of this.runs.values()) r.controller.abort();
  }

  private async run(batchId: number, operator: string, controller: AbortController, opened?: Registry): Promise<QueueRunOutcome> {
    let outcome: QueueRunOutcome;
    try {
      const registry = opened ?? (await this.ctx.registry());
      this.label = registry.label;
      const result = await matchBatch(this.ctx.db, registry, getSchemaMapping(this.ctx.db), batchId, {
        operator,
        signal: controller.signal,
        onProgress: (p) => {
          const run = this.runs.get(batchId);
          if (run) run.progress = { done: p.done, total: p.total, rate: p.rate, etaSeconds: p.etaSeconds };
          this.emitProgress(batchId, 'MATCHING');
          // A chunk came back: the top bar says so now, not only when the whole batch is done.
          if (this.online !== true) {
            this.online = true;
            this.emitRegistry();
          }
        },
      });
      this.finish(batchId);
      outcome = outcomeOf(result);
      if (result.state === 'QUEUED') {
        this.online = false;
        this.queue.enqueue(batchId);
        this.emitProgress(batchId, 'QUEUED', result.error);
      } else {
        this.online = true;
        this.emitProgress(batchId, result.state, result.error);
      }
    } catch (err) {
      this.finish(batchId);
      const message = (err as Error).message;
      if (isConnectionError(err)) {
        // The registry did not even open: nothing was checked, the batch waits for it.
        this.online = false;
        this.ctx.db.prepare(`UPDATE batches SET state = 'QUEUED', last_error = ? WHERE id = ?`)
          .run(`${message} Batch masuk antrean dan dilanjutkan otomatis saat SIAK menjawab lagi.`, batchId);
        this.queue.enqueue(batchId);
        this.emitProgress(batchId, 'QUEUED', message);
        outcome = { state: 'QUEUED', error: message };
      } else {
        this.ctx.db.prepare(`UPDATE batches SET state = 'IMPORTED', last_error = ? WHERE id = ? AND state IN ('MATCHING', 'QUEUED')`)
          .run(`Pemadanan gagal: ${message}`, batchId);
        this.emitProgress(batchId, 'FAILED', message);
        outcome = { state: 'FAILED', error: message };
      }
    }
    this.emitRegistry();
    return outcome;
  }

  private finish(batchId: number): void {
    this.runs.delete(batchId);
    this.ctx.tasks.delete(`match:${batchId}`);
  }

  private emitProgress(batchId: number, state: MatchProgress['state'], message?: string): void {
    const p = this.runs.get(batchId)?.progress;
    const counts = this.storedProgress(batchId);
    this.ctx.emit('match/progress', {
      batchId,
      done: p?.done ?? counts?.done ?? 0,
      total: p?.total ?? counts?.total ?? 0,
      rate: p?.rate ?? 0,
      etaSeconds: p?.etaSeconds ?? null,
      state,
      ...(message ? { message } : {}),
    });
    this.ctx.emit('batch/changed', { batchId });
  }

  /** Rows of the batch and how many have a result in the store. */
  private storedProgress(batchId: number): { total: number; done: number } | undefined {
    return this.ctx.db
      .prepare(`SELECT row_count AS total, (SELECT COUNT(*) FROM row_results WHERE batch_id = ? AND status <> 'BELUM_DIPERIKSA') AS done FROM batches WHERE id = ?`)
      .get(batchId, batchId) as { total: number; done: number } | undefined;
  }

  private queueChanged(s: MatchQueueState): void {
    if (s.running === false && s.lastError) this.online = false;
    this.emitRegistry();
  }

  private emitRegistry(): void {
    const s = this.registryState();
    // Not asked yet and nothing waiting: saying "unreachable" would be a guess.
    if (s.online === null && s.queued === 0) return;
    this.ctx.emit('registry/state', { online: s.online ?? false, queued: s.queued, nextProbeAt: s.nextProbeAt });
  }
}

const services = new WeakMap<AppContext, MatchService>();

/** The context's match service, created (and interrupted work resumed) on first use. */
export function matchService(ctx: AppContext, queueDelays?: MatchQueueDelays): MatchService {
  let s = services.get(ctx);
  if (!s) {
    s = new MatchService(ctx, queueDelays);
    services.set(ctx, s);
    s.resumeInterrupted();
  }
  return s;
}
