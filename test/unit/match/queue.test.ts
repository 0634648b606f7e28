import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { MatchQueue, type QueueClock } from '../../../electron/match/queue.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { FakeRegistry, person } from './fake-registry.ts';
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
