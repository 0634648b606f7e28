import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { MatchQueue, type QueueClock } from '../../../electron/match/queue.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { FakeRegistry, person } from './fake-registry.ts';
import type { RegistryPerson } from '../../../electron/registry/types.ts';
import type { AppContext } from '../../../electron/api/context.ts';
import { MatchService } from '../../../electron/runtime/match-service.ts';
import type { MatchProgress } from '../../../shared/api/events.ts';
import { freshStore, insertBatch, results } from './store-helpers.ts';

/** A manual clock: timers fire only when the test advances time. */
class TestClock implements QueueClock {
  t = 0;
  timers: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 1;
  now(): number { return this.t; }
  setTimeout(fn: () => void, ms: number): unknown {
    const id = this.nextId++;
    this.timers.push({ at: this.t + ms, fn, id });
    return id;
  }
  clearTimeout(h: unknown): void { this.timers = this.timers.filter((x) => x.id !== h); }
  /** Fires the next timer; returns its delay from now. */
  fireNext(): number {
    this.timers.sort((a, b) => a.at - b.at);
    const next = this.timers.shift()!;
    const delay = next.at - this.t;
    this.t = next.at;
    next.fn();
    return delay;
  }
}

const settle = () => new Promise((r) => setTimeout(r, 50));

describe('MatchQueue', () => {
  it('probes with backoff 5 s doubling to 5 min and resumes the batch when the registry answers', async () => {
    const db = freshStore();
    const niks = Array.from({ length: 1500 }, (_, i) => `737201120580${String(i + 1).padStart(4, '0')}`);
    const reg = new FakeRegistry(niks.map((nik) => person({ nik })));
    const id = insertBatch(db, niks.map((nik) => ({ nik })));
    reg.failOnLookupCall = 2;
    expect((await matchBatch(db, reg, M, id, { operator: 't' })).state).toBe('QUEUED');

    const clock = new TestClock();
    const matched: number[] = [];
    const queue = new MatchQueue({
      db, registry: async () => reg, mapping: () => M, operator: 't', clock,
      onMatched: (b) => matched.push(b),
    });
    queue.restore();
    expect(queue.state().batches).toEqual([id]);
    const delays: number[] = [];
    for (let i = 0; i < 8; i++) {
      delays.push(clock.fireNext());
      await settle();
    }
    expect(delays).toEqual([5_000, 10_000, 20_000, 40_000, 80_000, 160_000, 300_000, 300_000]);
    expect(queue.state().attempts).toBe(8);
    expect(queue.state().lastError).toMatch(/terputus/);

    reg.failing = false;
    reg.failOnLookupCall = null;
    clock.fireNext();
    await settle();
    expect(matched).toEqual([id]);
    expect(queue.state()).toMatchObject({ batches: [], attempts: 0, nextProbeAt: null, running: false });
    expect(results(db, id).every((r) => r.status === 'AKTIF')).toBe(true);
    expect(db.prepare('SELECT state FROM batches WHERE id = ?').pluck().get(id)).toBe('MATCHED');
  });
});

/** Lookups of batch rows wait at a gate the test opens; the queue's probe passes straight through. */
class GatedRegistry extends FakeRegistry {
  private open!: () => void;
  gate: Promise<void> = new Promise((r) => { this.open = r; });
  release(): void { this.open(); }
  override async lookup(niks: readonly string[]): Promise<Map<string, RegistryPerson>> {
    if (!niks.includes('0000000000000000')) await this.gate;
    return super.lookup(niks);
  }
}

const niksFrom = (start: number, n: number) => Array.from({ length: n }, (_, i) => `737201120580${String(start + i).padStart(4, '0')}`);

/** Two batches left QUEUED (1500 rows, two chunks each) and a MatchService on a context whose events are kept. */
function queuedPair() {
  const db = freshStore();
  const a = niksFrom(1, 1500);
  const b = niksFrom(2001, 1500);
  const reg = new GatedRegistry([...a, ...b].map((nik) => person({ nik })));
  // The queue takes batches in id order; insertBatch's ids are random.
  const [first, second] = [insertBatch(db, a.map((nik) => ({ nik }))), insertBatch(db, b.map((nik) => ({ nik })))].sort((x, y) => x - y) as [number, number];
  db.prepare(`UPDATE batches SET state = 'QUEUED' WHERE id IN (?, ?)`).run(first, second);
  const events: { name: string; payload: MatchProgress }[] = [];
  const tasks = new Map<string, AbortController>();
  const ctx = {
    host: 'bridge', dataDir: '', db, keyProtection: 'env', session: null, tasks,
    emit: (name: string, payload: unknown) => events.push({ name, payload: payload as MatchProgress }),
    registry: async () => reg, resetRegistry: async () => {}, chooseSavePath: async () => null,
  } as unknown as AppContext;
  const service = new MatchService(ctx);
  service.resumeInterrupted();
  const state = (id: number) => db.prepare('SELECT state FROM batches WHERE id = ?').pluck().get(id);
  const checked = (id: number) => results(db, id).filter((r) => r.status !== 'BELUM_DIPERIKSA').length;
  return { db, reg, first, second, service, events, tasks, state, checked };
}

async function until(cond: () => boolean): Promise<void> {
  for (let i = 0; i < 200 && !cond(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(cond()).toBe(true);
}

describe('MatchService with batches resumed from the queue', () => {
  it('lists a queue-resumed run as running, reports its progress and lets it be cancelled', async () => {
    const { reg, first, second, service, events, tasks, state, checked } = queuedPair();
    expect(service.queueInfo(first)).toMatchObject({ position: 1 });
    const round = service.probeNow();
    await until(() => service.isRunning(first));
    expect(tasks.has(`match:${first}`)).toBe(true);
    expect(service.queueInfo(second)).toMatchObject({ position: 1 });

    service.cancel(first);
    reg.release();
    await round;
    service.stop();
    // The cancelled run stopped between chunks; the other batch was not lost with it.
    expect(state(first)).toBe('IMPORTED');
    expect(checked(first)).toBeLessThan(1500);
    expect(state(second)).toBe('MATCHED');
    expect(checked(second)).toBe(1500);
    expect(service.isRunning(first) || service.isRunning(second)).toBe(false);
    const progress = events.filter((e) => e.name === 'match/progress').map((e) => e.payload);
    expect(progress.some((p) => p.batchId === second && p.state === 'MATCHING' && p.done === 1000 && p.total === 1500)).toBe(true);
    expect(progress.filter((p) => p.batchId === first).at(-1)?.state).toBe('CANCELLED');
    expect(progress.filter((p) => p.batchId === second).at(-1)?.state).toBe('MATCHED');
  });

  it('cancelling the second queued batch keeps the first, running or waiting', async () => {
    const { reg, first, second, service, state, checked } = queuedPair();
    service.cancel(second);
    expect(service.registryState().queued).toBe(1);
    expect(service.queueInfo(first)).toMatchObject({ position: 1 });
    expect(service.queueInfo(second)).toBeNull();
    expect(state(second)).toBe('IMPORTED');

    reg.release();
    await service.probeNow();
    service.stop();
    expect(state(first)).toBe('MATCHED');
    expect(checked(first)).toBe(1500);
    expect(state(second)).toBe('IMPORTED');
    expect(checked(second)).toBe(0);
  });

  it('a registry that drops again puts the batch back in the queue, unfinished chunks unchecked', async () => {
    const { reg, first, second, service, state } = queuedPair();
    reg.release();
    reg.failOnLookupCall = 3; // probe, chunk 0 of the first batch, then the drop
    await service.probeNow();
    service.stop();
    expect(state(first)).toBe('QUEUED');
    expect(state(second)).toBe('QUEUED');
    expect(service.registryState()).toMatchObject({ online: false, queued: 2 });
    expect(service.queueInfo(first)).not.toBeNull();
  });
});
