// The grid measurement (opening a 100,000-row batch in the renderer in Chromium and applying
// a facet filter) belongs to the review-grid engineer in bench/grid.ts; this only calls it
// when it exists and records why not otherwise.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import type { GridResult } from './results.ts';

export async function measureGrid(registryPath: string, log: (s: string) => void): Promise<GridResult> {
  const file = join(import.meta.dirname, 'grid.ts');
  if (!existsSync(file)) {
    log('grid: not measured (bench/grid.ts does not exist yet)');
    return { measured: false, reason: 'bench/grid.ts (runGridBench, owned by the review-grid work) does not exist in this tree yet' };
  }
  if (!existsSync('/usr/bin/chromium')) return { measured: false, reason: '/usr/bin/chromium is not installed' };
  try {
    const mod = (await import(file)) as { runGridBench?: (opts: Record<string, unknown>) => Promise<Record<string, unknown>> };
    if (typeof mod.runGridBench !== 'function') return { measured: false, reason: 'bench/grid.ts has no runGridBench export' };
    log('grid: runGridBench (100,000 rows, facet filter, Chromium)');
    const r = await mod.runGridBench({ rows: 100_000, registryPath });
    log(`  ${JSON.stringify(r)}`);
    return { measured: true, ...r };
  } catch (err) {
    log(`  grid not measured: ${(err as Error).message}`);
    return { measured: false, reason: `runGridBench failed: ${(err as Error).message}` };
  }
}
