// Grid benchmark (not a test): opens a 100,000-row batch in the review page in Chromium through
// the bridge and measures time to first rows rendered and to apply a facet filter, next to a
// raw baseline (the same rows/list fetched and JSON-parsed in the page without the grid).
// `node --import tsx bench/grid.ts [rows]` prints JSON; the bench runner imports runGridBench.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium } from 'playwright-core';
import { seedReviewBatch } from './grid-seed.ts';

export interface GridBenchOptions {
  rows?: number;
  chromiumPath?: string;
  /** Keep the data folder (for looking at it afterwards). */
  keep?: boolean;
}

export interface GridBenchResult {
  rows: number;
  seedMs: number;
  matchMs: number;
  baseline: { fetchParseMs: number; bytes: number };
  /** firstRowsMs: navigation to first rows painted; listFetchMs/modelMs: its rows/list call and columnar-to-rows step. */
  grid: { firstRowsMs: number; facetFilterMs: number; shownAfterFilter: number; listFetchMs: number; modelMs: number };
}

const KEY = 'grid-bench-key';

async function startBridge(dataDir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, ['--import', 'tsx', 'scripts/bridge.ts', '--data-dir', dataDir], {
    env: { ...process.env, PADAN_DB_KEY: KEY }, stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PADAN_BRIDGE_URL=(\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.once('exit', (c) => reject(new Error(`bridge exited with ${c}`)));
  });
  return { url, stop: async () => { child.kill('SIGTERM'); await new Promise((r) => child.once('exit', r)); } };
}

async function signIn(url: string): Promise<void> {
  const post = (c: string, a: unknown) => fetch(`${url}/api/${c}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(a) }).then((r) => r.json());
  await post('auth/setupAdmin', { username: 'bench', displayName: 'Bench', password: 'bench-password' });
  const r = (await post('auth/signIn', { username: 'bench', password: 'bench-password' })) as { ok: boolean };
  if (!r.ok) throw new Error('sign-in failed');
}

export async function runGridBench(opts: GridBenchOptions = {}): Promise<GridBenchResult> {
  const rows = opts.rows ?? 100_000;
  const dataDir = mkdtempSync(join(tmpdir(), 'padan-gridbench-'));
  const t0 = performance.now();
  const seeded = await seedReviewBatch({ dataDir, key: KEY, rows, persons: rows + 5000 });
  const seedMs = Math.round(performance.now() - t0);
  const bridge = await startBridge(dataDir);
  const browser = await chromium.launch({
    executablePath: opts.chromiumPath ?? process.env.PADAN_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--no-first-run'],
  });
  try {
    await signIn(bridge.url);
    const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
    page.on('pageerror', (e) => process.stderr.write(`page error: ${e.message}\n`));
    page.on('console', (m) => m.type() === 'error' && process.stderr.write(`console: ${m.text().slice(0, 300)}\n`));
    await page.goto(`${bridge.url}/#/beranda`);
    const baseline = await page.evaluate(async (batchId) => {
      const s = performance.now();
      const res = await fetch('/api/rows/list', { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ batchId }) });
      const text = await res.text();
      const parsed = JSON.parse(text) as { value: { count: number } };
      return { fetchParseMs: Math.round(performance.now() - s), bytes: text.length, count: parsed.value.count };
    }, seeded.batchId);
    const start = Date.now();
    await page.goto(`${bridge.url}/#/koreksi/${seeded.batchId}`);
    await page.waitForSelector('[data-testid="review-grid"] .ag-row .kx-status', { timeout: 120_000 }).catch(async (err: unknown) => {
      await page.screenshot({ path: 'test-results/screens/bench-failure.png' });
      throw err;
    });
    const firstRowsMs = Date.now() - start;
    const timings = page.getByTestId('timings');
    const listFetchMs = Number(await timings.getAttribute('data-fetch'));
    const modelMs = Number(await timings.getAttribute('data-model'));
    const shown = () => page.locator('[data-stat="shown"] .v').innerText();
    const before = await shown();
    const f0 = Date.now();
    await page.click('[data-facet="status"] [data-value="INVALID"]');
    await page.waitForFunction(`document.querySelector('[data-stat="shown"] .v')?.textContent !== ${JSON.stringify(before)}`);
    const facetFilterMs = Date.now() - f0;
    const after = Number((await shown()).replace(/\D/g, ''));
    return {
      rows: baseline.count, seedMs, matchMs: seeded.matchMs,
      baseline: { fetchParseMs: baseline.fetchParseMs, bytes: baseline.bytes },
      grid: { firstRowsMs, facetFilterMs, shownAfterFilter: after, listFetchMs, modelMs },
    };
  } finally {
    await browser.close();
    await bridge.stop();
    if (!opts.keep) rmSync(dataDir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const res = await runGridBench({ rows: Number(process.argv[2] ?? 100_000) });
  process.stdout.write(JSON.stringify(res, null, 2) + '\n');
}
