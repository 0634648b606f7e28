// `npm run bench` (full: 10,000 / 55,000 / 100,000 rows, the 1,048,576-row scale run, grid)
// and `npm run bench -- --quick` (10,000 rows, 3 runs each). Every measured stage runs in its
// own child process; Padan and its raw floor alternate run by run (ABBA...) so that load from
// other work on a shared machine falls on both. Writes bench/results.json and the README table.
import { spawnSync } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { CACHE, LARGE_REGISTRY, SCALE_ROWS, SEED, SMALL_REGISTRY, registryFile, workbookFile } from './inputs.ts';
import { ChildFailed, ROOT, STORE_KEY, load, machine, round, runChild, summarize, type Run, type Summary } from './measure.ts';
import { GOALS, ratioRow, type SizeResult, type Results } from './results.ts';

const { values: opt } = parseArgs({
  options: { quick: { type: 'boolean', default: false }, sizes: { type: 'string' }, runs: { type: 'string' }, 'no-scale': { type: 'boolean', default: false }, 'no-readme': { type: 'boolean', default: false }, 'scale-only': { type: 'boolean', default: false } },
});
const quick = opt.quick!;
const scaleOnly = opt['scale-only']!;
const sizes = scaleOnly ? [] : opt.sizes ? opt.sizes.split(',').map(Number) : quick ? [10_000] : [10_000, 55_000, 100_000];
const runsFor = (rows: number): number => (opt.runs ? Number(opt.runs) : quick ? 3 : rows <= 10_000 ? 5 : 3);
const WORK = join(CACHE, 'work');
// A quick run never overwrites the full run's results (and README table) that are committed.
const RESULTS = join(import.meta.dirname, quick ? 'results-quick.json' : 'results.json');
const STAGE = join(import.meta.dirname, 'stage.ts');
const CLI = join(ROOT, 'bin', 'padan.mjs');
const t0 = performance.now();
const log = (s: string): void => console.log(`[${((performance.now() - t0) / 1000).toFixed(0).padStart(4)} s] ${s}`);

rmSync(WORK, { recursive: true, force: true });
mkdirSync(WORK, { recursive: true });

// Padan is measured as it ships: from the build (bin/padan.mjs runs out/main/cli.js, the
// stages load out/main/engine.js; their workers are built .js). Built here so it matches the
// sources; if the build fails, everything runs from source through tsx and the results say so.
const built = spawnSync('npx', ['electron-vite', 'build'], { cwd: ROOT, stdio: 'ignore' }).status === 0;
const CLI_MODE = built ? 'built' : 'source';
// Every stage child then loads the engine from the build too (bench/stage.ts).
process.env.PADAN_BENCH_BUILT = built ? '1' : '0';
log(built ? 'build ready: padan match runs from out/main (plain Node, built workers)' : 'build FAILED: padan match runs from source through tsx');
const stage = (name: string, args: Record<string, unknown>, nodeArgs?: string[]): Promise<Run> =>
  runChild(STAGE, [name, JSON.stringify(args)], { tmp: WORK, nodeArgs });
const fresh = (name: string): string => {
  const p = join(WORK, name);
  rmSync(p, { recursive: true, force: true });
  mkdirSync(p, { recursive: true });
  return p;
};
const copyStore = (from: string, to: string): string => {
  copyFileSync(from, to);
  for (const ext of ['-wal', '-shm']) if (existsSync(from + ext)) copyFileSync(from + ext, to + ext);
  return to;
};
const fmt = (s: Summary): string => `${(s.medianMs / 1000).toFixed(2)} s (median of ${s.runs}), peak ${s.peakRssMb.toFixed(0)} MB`;

/** Runs Padan's and the raw stage `runs` times, alternating which goes first. */
async function pair(runs: number, padan: (i: number) => Promise<Run>, raw: (i: number) => Promise<Run>): Promise<[Summary, Summary]> {
  const p: Run[] = [], r: Run[] = [];
  for (let i = 0; i < runs; i++) {
    if (i % 2 === 0) { p.push(await padan(i)); r.push(await raw(i)); }
    else { r.push(await raw(i)); p.push(await padan(i)); }
  }
  return [summarize(p), summarize(r)];
}

/** `padan match` as a user runs it. The scale run writes CSV: an .xlsx sheet holds at most 1,048,575 data rows. */
async function cliMatch(file: string, registry: string, dir: string, timeoutMs = 30 * 60_000, out = 'hasil.xlsx'): Promise<Run> {
  if (e2eMode.startsWith('in-process')) {
    mkdirSync(join(dir, 'data'), { recursive: true });
    return runChild(STAGE, ['e2e-padan', JSON.stringify({ file, registry, dir, out })], { tmp: WORK, timeoutMs });
  }
  try {
    return await cliOnly(file, registry, dir, timeoutMs, out);
  } catch (err) {
    // Only a broken call into the engine falls back; a refusal of the file (limits) is a result.
    if (!(err instanceof ChildFailed) || !/Cannot read properties|is not a function|importFile|import\/index|belum tersedia/.test(err.message)) throw err;
    // The CLI's own call into the import engine is broken in this tree: measure the same
    // functions in one child process instead, and say so in the results.
    e2eMode = `in-process functions (importFile, matchBatch, writeRowsJsonl, exportBatch) in one child process: the CLI failed with "${err.message.slice(0, 200)}"`;
    log(`  CLI failed; end to end measured ${e2eMode}`);
    return cliMatch(file, registry, dir, timeoutMs, out);
  }
}
let e2eMode = `padan match (CLI, ${CLI_MODE === 'built' ? 'from the build' : 'from source through tsx'}) as a child process`;

async function cliOnly(file: string, registry: string, dir: string, timeoutMs: number, out: string): Promise<Run> {
  const run = await runChild(CLI, ['match', file, '--registry', `sqlite:${registry}`, '--out', join(dir, out), '--rows', join(dir, 'rows.jsonl'),
    '--summary', join(dir, 'summary.json'), '--data-dir', join(dir, 'data')], { tmp: WORK, tsx: false, timeoutMs, env: { PADAN_DB_KEY: STORE_KEY, PADAN_OPERATOR: 'bench', PADAN_CLI: CLI_MODE } });
  // The CLI's own split (import, match, write) of the same run.
  const summary = JSON.parse(readFileSync(join(dir, 'summary.json'), 'utf8')) as { timingsMs?: unknown };
  run.facts = { timings: summary.timingsMs ?? null };
  return run;
}

async function measureSize(rows: number, registry: string, persons: number): Promise<SizeResult> {
  const file = await workbookFile(rows, registry, persons, log);
  const runs = runsFor(rows);
  const res: SizeResult = { rows, file: file.replace(ROOT + '/', ''), runs, registryPersons: persons, stages: {}, errors: {} };
  const dir = fresh(`s${rows}`);
  let imported = '', matched = '', batchId = 0;
  const niks = join(dir, 'niks.json'), values = join(dir, 'values.json');
  try {
    log(`${rows}: import`);
    const [padan, raw] = await pair(runs, async (i) => {
      const storeDir = fresh(`s${rows}/import-${i}`);
      const r = await stage('import-padan', { file, storeDir });
      if (!imported) { imported = copyStore(join(storeDir, 'padan.db'), join(dir, 'imported.db')); batchId = Number(r.facts.batchId); }
      rmSync(storeDir, { recursive: true, force: true });
      return r;
    }, () => stage('import-raw', { file }));
    res.stages.import = { padan, raw };
    log(`  padan ${fmt(padan)} | raw ${fmt(raw)}`);
  } catch (err) {
    res.errors.import = (err as Error).message;
    log(`  import not measured: ${res.errors.import}`);
    return res;
  }
  try {
    log(`${rows}: match`);
    const [padan, raw] = await pair(runs, async (i) => {
      const store = copyStore(imported, join(dir, `match-${i}.db`));
      const r = await stage('match-padan', { store, registry, batchId });
      if (!matched) {
        matched = copyStore(store, join(dir, 'matched.db'));
        await stage('dump', { store: matched, batchId, niks, values });
      }
      rmSync(store, { force: true });
      return r;
    }, async () => {
      // The first run of the pair makes the NIK list; on run 0 Padan goes first.
      return stage('match-raw', { registry, niks });
    });
    res.stages.match = { padan, raw };
    log(`  padan ${fmt(padan)} | raw ${fmt(raw)}`);
  } catch (err) {
    res.errors.match = (err as Error).message;
    log(`  match not measured: ${res.errors.match}`);
    return res;
  }
  try {
    log(`${rows}: export`);
    const [padan, raw] = await pair(runs, async (i) => {
      const store = copyStore(matched, join(dir, `export-${i}.db`));
      const out = join(dir, `hasil-${i}.xlsx`);
      const r = await stage('export-padan', { store, batchId, out });
      rmSync(store, { force: true });
      rmSync(out, { force: true });
      return r;
    }, async (i) => {
      const out = join(dir, `raw-${i}.xlsx`);
      const r = await stage('export-raw', { values, out });
      rmSync(out, { force: true });
      return r;
    });
    res.stages.export = { padan, raw };
    log(`  padan ${fmt(padan)} | raw ${fmt(raw)}`);
  } catch (err) {
    res.errors.export = (err as Error).message;
    log(`  export not measured: ${res.errors.export}`);
  }
  try {
    log(`${rows}: end to end (padan match, child process)`);
    const e2e: Run[] = [];
    for (let i = 0; i < runs; i++) {
      const d = fresh(`s${rows}/e2e-${i}`);
      e2e.push(await cliMatch(file, registry, d));
      rmSync(d, { recursive: true, force: true });
    }
    res.stages.e2e = { padan: summarize(e2e) };
    res.e2eMode = e2eMode;
    log(`  padan ${fmt(res.stages.e2e.padan)}`);
  } catch (err) {
    res.errors.e2e = (err as Error).message;
    log(`  end to end not measured: ${res.errors.e2e}`);
  }
  rmSync(dir, { recursive: true, force: true });
  return res;
}

// --scale-only: rerun the scale measurement into the existing results.json, keeping the rest.
// --no-scale keeps the last scale measurement (dated by its separateRun) instead of dropping it; read before any write.
const lastRun = !quick && opt['no-scale'] && existsSync(RESULTS) ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : null;
const lastScale = lastRun?.scale ? { ...lastRun.scale, separateRun: lastRun.scale.separateRun ?? { at: lastRun.generatedAt, seconds: 0, loadAverage: NaN } } : null;
const previous = scaleOnly ? (JSON.parse(readFileSync(RESULTS, 'utf8')) as Results) : null;
const results: Results = previous ?? {
  generatedAt: new Date().toISOString(), mode: quick ? 'quick' : 'full', machine: machine(), seed: SEED,
  registries: { small: SMALL_REGISTRY, large: LARGE_REGISTRY }, goals: GOALS,
  engine: CLI_MODE, loadAverage: { start: load(), end: 0 }, floor: null, sizes: [], ratios: [], scale: null, grid: null, totalSeconds: 0,
};
if (lastScale) results.scale = lastScale;
const small = await registryFile(SMALL_REGISTRY, log);
if (!scaleOnly) {
  const floor = summarize([await stage('noop', {}), await stage('noop', {}), await stage('noop', {})]);
  const cli: Run[] = [];
  for (let i = 0; i < 3; i++) cli.push(await runChild(CLI, ['--help'], { tmp: WORK, tsx: false }));
  results.floor = { stageProcessRssMb: floor.peakRssMb, cliStartupMs: summarize(cli).medianMs, cliStartupRssMb: summarize(cli).peakRssMb };
  log(`process floor: stage child ${floor.peakRssMb} MB; CLI start (padan --help) ${summarize(cli).medianMs} ms`);
}
// Issue 5's done-when: 100,000 rows against a 1,000,000-person registry; the smaller sizes
// against the city-sized demo registry (163,314), as the app's own demo.
for (const rows of sizes) {
  const persons = rows >= 100_000 ? LARGE_REGISTRY : SMALL_REGISTRY;
  const r = await measureSize(rows, persons === LARGE_REGISTRY ? await registryFile(LARGE_REGISTRY, log) : small, persons);
  results.sizes.push(r);
  results.ratios.push(ratioRow(r));
  writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
}
if (!quick && !opt['no-scale']) {
  try {
    const large = await registryFile(LARGE_REGISTRY, log);
    const file = await workbookFile(SCALE_ROWS, large, LARGE_REGISTRY, log);
    log(`scale: padan match on ${SCALE_ROWS} rows (CSV) against ${LARGE_REGISTRY} persons`);
    const d = fresh('scale');
    let run: Run, refused: string | undefined;
    try {
      run = await cliMatch(file, large, d, 12 * 60_000, 'hasil.csv');
    } catch (err) {
      if (!/FILE_TOO_LARGE|melebihi batas|terlalu besar/i.test((err as Error).message)) throw err;
      // Padan refuses the file by its size limit; measure the work anyway with the limit raised, and report the refusal.
      refused = (err as Error).message.slice(0, 300);
      log(`  refused by the import limit (${refused}); measuring with maxFileBytes raised to 512 MB`);
      rmSync(d, { recursive: true, force: true });
      mkdirSync(join(d, 'data'), { recursive: true });
      run = await runChild(STAGE, ['e2e-padan', JSON.stringify({ file, registry: large, dir: d, out: 'hasil.csv', maxFileBytes: 512 * 2 ** 20 })], { tmp: WORK, timeoutMs: 12 * 60_000 });
    }
    results.scale = { rows: SCALE_ROWS, format: 'csv', registryPersons: LARGE_REGISTRY, seconds: round(run.wallMs / 1000), peakRssMb: round(run.maxRssKb / 1024), timings: run.facts.timings ?? null, ...(refused ? { refusedByDefaultLimits: refused } : {}), e2eMode: refused ? 'in-process functions with maxFileBytes raised' : e2eMode };
    log(`  ${results.scale.seconds} s, peak ${results.scale.peakRssMb} MB`);
    rmSync(d, { recursive: true, force: true });
  } catch (err) {
    results.scale = { rows: SCALE_ROWS, error: (err as Error).message };
    log(`  scale not measured: ${(err as Error).message}`);
  }
}
if (!quick && !scaleOnly) {
  const { measureGrid } = await import('./grid-stage.ts');
  results.grid = await measureGrid(small, log);
}
if (!scaleOnly) results.loadAverage.end = load();
if (scaleOnly && results.scale) results.scale.separateRun = { at: new Date().toISOString(), seconds: round((performance.now() - t0) / 1000), loadAverage: load() };
else results.totalSeconds = round((performance.now() - t0) / 1000);
writeFileSync(RESULTS, JSON.stringify(results, null, 2) + '\n');
log(`${RESULTS.replace(ROOT + '/', '')} written (${results.totalSeconds} s)`);
if (quick) console.log('\n' + (await import('./readme-table.ts')).renderTable(results));
else if (!opt['no-readme']) {
  const { updateReadme } = await import('./readme-table.ts');
  updateReadme();
  log('README.md "Benchmarks" table updated');
}
// A stage that could not be measured is a failed bench run (the results say which and why).
if (results.sizes.some((s) => Object.keys(s.errors).length) || results.scale?.error) process.exitCode = 1;
