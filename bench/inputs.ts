// Bench inputs, generated once with the demo generator into bench/cache/ (gitignored) and
// reused while the seed and size match: the file name carries both, and a ".done" marker
// written last means a half-written file from an interrupted run is never reused.
import { existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { generateBenchWorkbook, generateDemoRegistry } from '../electron/demo/index.ts';

export const CACHE = join(import.meta.dirname, 'cache');
export const SEED = 1;

export const SMALL_REGISTRY = 163_314;
export const LARGE_REGISTRY = 1_000_000;
/** Excel's maximum sheet (1,048,576 rows) less its header row; the generator writes CSV above 200,000 rows. */
export const SCALE_ROWS = 1_048_575;

const done = (path: string): string => `${path}.done`;

async function cached(path: string, make: () => Promise<void>, log: (s: string) => void): Promise<string> {
  if (existsSync(path) && existsSync(done(path))) return path;
  rmSync(path, { force: true });
  rmSync(done(path), { force: true });
  const t = performance.now();
  log(`menyiapkan ${path.replace(CACHE + '/', 'cache/')} ...`);
  await make();
  writeFileSync(done(path), new Date().toISOString() + '\n');
  log(`  selesai dalam ${((performance.now() - t) / 1000).toFixed(1)} s`);
  return path;
}

export async function registryFile(persons: number, log: (s: string) => void): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const fileName = `registry-${persons}-s${SEED}.sqlite`;
  return cached(join(CACHE, fileName), async () => {
    await generateDemoRegistry({ dir: CACHE, persons, seed: SEED, fileName });
  }, log);
}

/** An agency workbook of `rows` rows about persons of `registryPath` (xlsx up to 200,000 rows, CSV above). */
export async function workbookFile(rows: number, registryPath: string, registryPersons: number, log: (s: string) => void): Promise<string> {
  mkdirSync(CACHE, { recursive: true });
  const ext = rows > 200_000 ? 'csv' : 'xlsx';
  const path = join(CACHE, `agency-${rows}-r${registryPersons}-s${SEED}.${ext}`);
  return cached(path, async () => {
    await generateBenchWorkbook({ path, rows, registryPath, seed: SEED, format: ext });
  }, log);
}
