// The build as it ships: `npx padan` runs out/main/cli.js when it is newer than the sources,
// and every worker it starts (reader, candidate search, writer) is then a built .js file
// found beside it. The unit tests run the sources through tsx; this runs the build (npm test
// builds before Playwright), so a worker path that only resolves from source shows up here.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';

const root = join(import.meta.dirname, '..', '..');
const padan = (args: string[], env: Record<string, string>) =>
  spawnSync(process.execPath, [join(root, 'bin', 'padan.mjs'), ...args], {
    cwd: root, encoding: 'utf8', timeout: 240_000,
    env: { ...process.env, PADAN_DB_KEY: 'built-cli-test-key', PADAN_OPERATOR: 'uji', ...env },
  });

test('padan match runs from the build: reader, candidate and writer workers included', async () => {
  test.setTimeout(300_000);
  const dir = mkdtempSync(join(tmpdir(), 'padan-built-'));
  try {
    // The demo data comes from the sources (any mode will do); the match must use the build.
    const demo = padan(['demo', '--dir', dir, '--persons', '20000', '--seed', '5'], { PADAN_CLI: 'source' });
    expect(demo.status, demo.stderr).toBe(0);
    const sample = readdirSync(dir).find((f) => /dtks.*\.xlsx$/.test(f));
    const registry = readdirSync(dir).find((f) => f.endsWith('.sqlite'));
    expect(sample && registry).toBeTruthy();
    const out = join(dir, 'hasil.xlsx');
    const r = padan(
      ['match', join(dir, sample!), '--registry', `sqlite:${join(dir, registry!)}`, '--out', out, '--rows', join(dir, 'rows.jsonl'),
        '--summary', join(dir, 'summary.json'), '--data-dir', join(dir, 'data')],
      { PADAN_CLI: 'built' },
    );
    expect(r.status, r.stderr).toBe(0);
    // A candidate worker that could not start would say so and fall back to the main thread.
    expect(r.stderr).not.toMatch(/thread terpisah berhenti/);
    const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { rows: number; rowsWithCandidates: number };
    const lines = readFileSync(join(dir, 'rows.jsonl'), 'utf8').trim().split('\n');
    expect(lines.length).toBe(summary.rows);
    expect(summary.rows).toBeGreaterThan(3_000);
    expect(summary.rowsWithCandidates).toBeGreaterThan(0);
    expect(existsSync(out) && readFileSync(out).subarray(0, 2).toString()).toBe('PK');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
