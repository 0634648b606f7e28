// Crash safety: a worker doing import-, match- and export-like work is killed with SIGKILL
// at random moments, hundreds of times; every restart must find a clean store with nothing
// half-written, and a final resume run must finish every row exactly once.
import { spawn } from 'node:child_process';
import { mkdirSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { build } from 'esbuild';
import { beforeAll, describe, expect, it } from 'vitest';
import { openStoreDb } from '../../../electron/store/open.ts';
import { tempDir } from '../store/helpers.ts';

const WORKER_SOURCE = join(import.meta.dirname, 'worker.ts');
// The worker is bundled once into plain JavaScript so that each restart costs a Node start,
// not a TypeScript transpile: that is what lets the test reach hundreds of kills. It lives
// under node_modules/.cache so its external packages resolve from the project.
const WORKER = join(import.meta.dirname, '../../../node_modules/.cache/padan/crash-worker.mjs');
// A key like the ones Padan generates (raw 256-bit, no PBKDF2 at each restart).
const KEY = 'c0ffee'.repeat(10) + 'c0de';
const LANES = 4;
// Target: a few hundred kills. Each restart still pays a Node start and the SQLCipher key
// derivation at open, so on a loaded machine the lanes stop at a time budget and the test
// reports how many kills it reached; PADAN_CRASH_KILLS / PADAN_CRASH_BUDGET_MS change both.
const TARGET_KILLS = Number(process.env.PADAN_CRASH_KILLS ?? 300);
const BUDGET_MS = Number(process.env.PADAN_CRASH_BUDGET_MS ?? 90_000);
const MIN_KILLS = 100;

beforeAll(async () => {
  mkdirSync(join(WORKER, '..'), { recursive: true });
  await build({
    entryPoints: [WORKER_SOURCE],
    outfile: WORKER,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    logLevel: 'error',
  });
}, 60_000);

interface RunResult {
  checks: string[][];
  violations: string[];
  done: boolean;
}

function runWorker(dir: string, mode: 'work' | 'resume', killAfterReadyMs: number | null): Promise<RunResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WORKER, dir, KEY, mode], { stdio: ['ignore', 'pipe', 'pipe'] });
    const out: RunResult = { checks: [], violations: [], done: false };
    let buf = '';
    let err = '';
    child.stdout.on('data', (d: Buffer) => {
      buf += d.toString();
      let i;
      while ((i = buf.indexOf('\n')) >= 0) {
        const line = buf.slice(0, i);
        buf = buf.slice(i + 1);
        if (line.startsWith('CHECK ')) out.checks.push(JSON.parse(line.slice(6)) as string[]);
        else if (line.startsWith('RECHECK') || line.startsWith('TWICE')) out.violations.push(line);
        else if (line === 'DONE') out.done = true;
        else if (line === 'READY' && killAfterReadyMs !== null) setTimeout(() => child.kill('SIGKILL'), killAfterReadyMs);
      }
    });
    child.stderr.on('data', (d: Buffer) => (err += d.toString()));
    child.on('error', reject);
    child.on('exit', (code, signal) => {
      if (signal !== 'SIGKILL' && code !== 0) reject(new Error(`worker exited ${code}: ${err.slice(0, 2000)}`));
      else resolve(out);
    });
  });
}

async function lane(deadline: number): Promise<{ dir: string; kills: number; problems: string[]; violations: string[] }> {
  const dir = tempDir('padan-crash-');
  const problems: string[] = [];
  const violations: string[] = [];
  let k = 0;
  for (; k < Math.ceil(TARGET_KILLS / LANES) && Date.now() < deadline; k++) {
    const r = await runWorker(dir, 'work', 5 + Math.floor(Math.random() * 56));
    for (const c of r.checks) problems.push(...c);
    violations.push(...r.violations);
  }
  const last = await runWorker(dir, 'resume', null);
  for (const c of last.checks) problems.push(...c);
  violations.push(...last.violations);
  if (!last.done) problems.push('resume run did not finish');
  return { dir, kills: k, problems, violations };
}

describe('crash safety', () => {
  it(`survives up to ${TARGET_KILLS} SIGKILLs during import, matching and export`, async () => {
    const started = Date.now();
    const lanes = await Promise.all(Array.from({ length: LANES }, () => lane(started + BUDGET_MS)));
    const kills = lanes.reduce((n, l) => n + l.kills, 0);
    const note = `crash test: ${kills} SIGKILLs (target ${TARGET_KILLS}) in ${((Date.now() - started) / 1000).toFixed(0)} s`;
    if (kills < TARGET_KILLS) console.warn(`${note}: TIME BUDGET REACHED BEFORE THE TARGET (slow or loaded machine)`);
    else console.info(note);
    expect(kills).toBeGreaterThanOrEqual(Math.min(MIN_KILLS, TARGET_KILLS));
    for (const l of lanes) {
      expect(l.problems).toEqual([]);
      expect(l.violations).toEqual([]);
      const db = openStoreDb({ path: join(l.dir, 'padan.db'), key: KEY });
      expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
      const batches = db.prepare('SELECT id, state, row_count FROM batches').all() as { id: number; state: string; row_count: number }[];
      expect(batches.length).toBeGreaterThan(0);
      for (const b of batches) {
        expect(b.state).toBe('EXPORTED');
        // Each row checked exactly once: chunks tile the batch without overlap, every row has a result.
        const chunks = db.prepare('SELECT first_seq, last_seq FROM match_chunks WHERE batch_id = ? ORDER BY first_seq').all(b.id) as { first_seq: number; last_seq: number }[];
        let next = 0;
        for (const c of chunks) {
          expect(c.first_seq).toBe(next);
          next = c.last_seq + 1;
        }
        expect(next).toBeGreaterThanOrEqual(b.row_count);
        expect(db.prepare(`SELECT count(*) AS n FROM row_results WHERE batch_id = ? AND status <> 'BELUM_DIPERIKSA'`).get(b.id)).toEqual({ n: b.row_count });
      }
      expect(readdirSync(l.dir).filter((f) => /^export-\d+\.csv$/.test(f))).toHaveLength(batches.length);
      db.close();
    }
  }, BUDGET_MS + 90_000);
});
