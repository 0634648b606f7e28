// The candidate search in a worker thread (candidate-pool.ts) must find exactly what the
// search on the main thread finds, and matchBatch with it must store exactly the same results.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { generateBenchWorkbook, generateDemoRegistry } from '../../../electron/demo/index.ts';
import { importFile } from '../../../electron/import/index.ts';
import { inThreadSearch, prewarmCandidateWorker, workerSearch } from '../../../electron/match/candidate-pool.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { mappedElements, readRows, type MatchRow, type RowVerdict } from '../../../electron/match/rows.ts';
import { rowVerdict } from '../../../electron/match/status.ts';
import { openRegistry, type RegistrySpec } from '../../../electron/registry/open.ts';
import type { Registry } from '../../../electron/registry/types.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import type { Database } from 'better-sqlite3-multiple-ciphers';

let dir: string;
let spec: RegistrySpec;
let registry: Registry;
let db: Database;
let file: string;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'padan-candw-'));
  const demo = await generateDemoRegistry({ dir, persons: 20_000, seed: 11 });
  spec = { kind: 'demo', path: demo.path };
  registry = await openRegistry(spec, M);
  file = (await generateBenchWorkbook({ path: join(dir, 'agency.csv'), rows: 4_500, registryPath: demo.path, seed: 11, format: 'csv' })).path;
  db = openStoreDb({ path: join(dir, 'padan.db'), key: 'candw' });
}, 120_000);

afterAll(async () => {
  db?.close();
  await registry?.close();
  rmSync(dir, { recursive: true, force: true });
});

const imported = async (): Promise<number> => (await importFile(db, file, { operator: 'uji', purpose: { agencyId: 1 }, allowDuplicate: true })).batchId;
const stored = (batchId: number) =>
  db.prepare('SELECT seq, status, reason, elements, registry, candidates FROM row_results WHERE batch_id = ? ORDER BY seq').all(batchId);

/** The first rows of a fresh import with their verdicts, as matchBatch hands them to the search. */
async function judged(lastSeq: number): Promise<{ rows: MatchRow[]; verdicts: Map<number, RowVerdict> }> {
  const batchId = await imported();
  const rows = readRows(db, batchId, 0, lastSeq);
  const persons = await registry.lookup(rows.flatMap((r) => (r.nik ? [r.nik] : [])));
  const mapped = mappedElements((db.prepare('SELECT column_map FROM batches WHERE id = ?').get(batchId) as { column_map: string }).column_map);
  return { rows, verdicts: new Map(rows.map((r) => [r.seq, rowVerdict(r, r.nik ? persons.get(r.nik) : undefined, M, mapped)])) };
}

describe('candidate search in a worker', () => {
  it('finds the same candidates, in the same order, as the search on the main thread', async () => {
    const { rows, verdicts } = await judged(1_499);
    const worker = workerSearch(spec, registry, M);
    try {
      await worker.whenReady;
      const there = await worker.find(rows, verdicts);
      const here = await inThreadSearch(registry, M).find(rows, verdicts);
      expect(there.size).toBeGreaterThan(50);
      expect([...there]).toEqual([...here]);
    } finally {
      await worker.close();
    }
  }, 60_000);

  it('searches on the main thread when the worker cannot start, with the same results', async () => {
    const { rows, verdicts } = await judged(999);
    // The worker's registry file does not exist: it fails while opening it.
    const broken = workerSearch({ kind: 'sqlite', path: join(dir, 'tidak-ada.sqlite') }, registry, M);
    try {
      for (let i = 0; i < 100 && broken.state() !== 'LOST'; i++) await new Promise((r) => setTimeout(r, 50));
      expect(broken.state()).toBe('LOST');
      const found = await broken.find(rows, verdicts);
      expect(found.size).toBeGreaterThan(10);
      expect([...found]).toEqual([...(await inThreadSearch(registry, M).find(rows, verdicts))]);
    } finally {
      await broken.close();
    }
  }, 60_000);

  it('matchBatch stores the same results with the worker as without it', async () => {
    const withWorker = await imported();
    const without = await imported();
    expect((await matchBatch(db, registry, M, withWorker, { operator: 'uji' })).state).toBe('MATCHED');
    expect((await matchBatch(db, registry, M, without, { operator: 'uji', candidateWorker: false })).state).toBe('MATCHED');
    const a = stored(withWorker);
    const b = stored(without);
    expect(a).toHaveLength(4_500);
    expect(a).toEqual(b);
    expect(a.filter((r) => (r as { candidates: string }).candidates !== '[]').length).toBeGreaterThan(100);
  }, 120_000);

  it('a run cancelled mid-way with the worker searching resumes to the same results as a run in one go', async () => {
    const reference = await imported();
    const interrupted = await imported();
    await matchBatch(db, registry, M, reference, { operator: 'uji', candidateWorker: false });
    // A warm worker (as `padan match` has) is searching by the time the cancel comes.
    prewarmCandidateWorker();
    await new Promise((r) => setTimeout(r, 1_500));
    const ac = new AbortController();
    const first = await matchBatch(db, registry, M, interrupted, {
      operator: 'uji', signal: ac.signal, onProgress: (p) => p.done >= 2_000 && ac.abort(new Error('uji batal')),
    });
    expect(first.state).toBe('CANCELLED');
    const half = stored(interrupted) as { status: string }[];
    const checked = half.filter((r) => r.status !== 'BELUM_DIPERIKSA').length;
    // Whole chunks only: what was stored before the cancel, and nothing of the chunk in flight.
    expect(checked % 1_000).toBe(0);
    expect(checked).toBeGreaterThanOrEqual(2_000);
    expect(checked).toBeLessThan(4_500);
    expect((await matchBatch(db, registry, M, interrupted, { operator: 'uji' })).state).toBe('MATCHED');
    expect(stored(interrupted)).toEqual(stored(reference));
  }, 120_000);
});

