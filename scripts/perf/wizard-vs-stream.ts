// The import wizard's API calls on a 100,000-row agency workbook, against the streamed
// importFile of the same bytes (the CLI's path) as the baseline, measured in the same run:
//   node --import tsx scripts/perf/wizard-vs-stream.ts [--runs 2] [--rows 100000] [--compare DIR]
// Wizard: batch/stageFile -> batch/preview -> batch/preview with one column set to "abaikan"
// (the wizard sends its whole mapping back) -> batch/save, through the real dispatcher, the
// way the bridge and ipc.ts call it. Per step: wall time, the main thread's longest stall
// (the largest gap between ticks of a 5 ms setInterval; perf_hooks.monitorEventLoopDelay
// misses a stall that starts in the same turn as the step, so it is not used), and the
// process's RSS (sampled by the same ticks; process-wide, worker threads included) and the
// main thread's V8 heap after the step (what the main thread keeps between steps).
// Each path runs in its own child process, so its peak RSS (resourceUsage().maxRSS, read at
// exit) is its own; wizard and stream alternate run by run. --compare DIR also runs the
// wizard of another checkout (e.g. `git archive` of an older commit with node_modules linked
// in), interleaved in the same runs: a before/after under the same load.
// Inputs are generated once into /tmp/padan-perf (registry of 163,314 people, workbook).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const DIR = '/tmp/padan-perf';
const arg = (name: string, def: string | null): string | null => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? process.argv[i + 1]! : def;
};
const ROWS = Number(arg('rows', '100000'));
const RUNS = Number(arg('runs', '2'));
// The generator writes its .xlsx uncompressed (37 MB at 100,000 rows), over the wizard's 30 MB
// limit; Excel compresses, so the wizard gets the same workbook deflated.
const generated = join(DIR, `agency-${ROWS}-s1.xlsx`);
const book = join(DIR, `agency-${ROWS}-s1-deflated.xlsx`);
const here = resolve(fileURLToPath(new URL('../..', import.meta.url)));

interface Step { step: string; wallMs: number; stallMs: number; peakRssMb: number; heapAfterMb: number }
interface Report { label: string; steps: Step[]; maxRssMb: number }

// ---- child: one path, one run -------------------------------------------------------------

/** Ticks every 5 ms; the largest gap between ticks is the longest time the main thread was busy. */
function probe(): { stop(): { stallMs: number; peakRssMb: number } } {
  let last = performance.now();
  let maxGap = 0;
  let peak = process.memoryUsage.rss();
  const t = setInterval(() => {
    const now = performance.now();
    maxGap = Math.max(maxGap, now - last);
    last = now;
    peak = Math.max(peak, process.memoryUsage.rss());
  }, 5);
  return {
    stop() {
      clearInterval(t);
      const now = performance.now();
      maxGap = Math.max(maxGap, now - last);
      peak = Math.max(peak, process.memoryUsage.rss());
      return { stallMs: maxGap, peakRssMb: peak / 1048576 };
    },
  };
}

async function measure(step: string, steps: Step[], fn: () => Promise<unknown>): Promise<unknown> {
  const p = probe();
  const t0 = performance.now();
  const v = await fn();
  const wallMs = performance.now() - t0;
  // Let the probe see the end of the step's last synchronous stretch.
  await new Promise((r) => setTimeout(r, 20));
  const s = p.stop();
  global.gc?.();
  steps.push({ step, wallMs, ...s, heapAfterMb: process.memoryUsage().heapUsed / 1048576 });
  return v;
}

async function child(mode: 'wizard' | 'stream', root: string): Promise<void> {
  const imp = (p: string) => import(join(root, p));
  const { openStoreDb } = await imp('electron/store/open.ts');
  const dir = mkdtempSync(join(tmpdir(), 'padan-wizperf-'));
  const db = openStoreDb({ path: join(dir, 'padan.db'), key: 'perf-key-not-secret' });
  const bytes = readFileSync(book);
  const fileName = `agency-${ROWS}.xlsx`;
  const steps: Step[] = [];
  const engine = await imp('electron/import/index.ts');
  // The app readies its reader when the wizard opens; give both paths that head start, untimed.
  engine.prewarmReader();
  await new Promise((r) => setTimeout(r, 1500));
  try {
    if (mode === 'stream') {
      await measure('importFile (streamed)', steps, async () => {
        const r = await engine.importFile(db, { fileName, bytes }, { operator: 'perf', purpose: { agencyId: 1 }, allowDuplicate: true });
        if (r.summary.rows !== ROWS) throw new Error(`imported ${r.summary.rows} rows, expected ${ROWS}`);
      });
    } else {
      const { createAppContext } = await imp('electron/api/create-context.ts');
      const { createDispatch, handlers } = await imp('electron/api/index.ts');
      const ctx = createAppContext({ host: 'bridge', dataDir: dir, db, keyProtection: 'env', openRegistry: () => Promise.reject(new Error('no registry')) });
      ctx.session = { operator: 'perf', displayName: 'Perf', role: 'ADMIN', signedInAt: '', lastActivityAt: Date.now() };
      const dispatch = createDispatch(handlers, ctx, () => {});
      const call = async <T,>(channel: string, a: unknown): Promise<T> => {
        const r = await dispatch(channel, a);
        if (!r.ok) throw new Error(`${channel}: ${r.error.code} ${r.error.message}`);
        return r.value as T;
      };
      // The renderer encodes the file before the call; not the main thread's work.
      const dataBase64 = bytes.toString('base64');
      type Preview = { headerRow: number; validation: { rows: number }; columns: { index: number; field: string | null }[] };
      const staged = (await measure('stageFile', steps, () => call('batch/stageFile', { fileName, dataBase64 }))) as { stagedId: string; sheets: { name: string }[] };
      const sheet = staged.sheets[0]!.name;
      const first = (await measure('preview', steps, () => call('batch/preview', { stagedId: staged.stagedId, sheet, agencyId: 1 }))) as Preview;
      if (first.validation.rows !== ROWS) throw new Error(`preview counted ${first.validation.rows} rows`);
      // One column set to "abaikan": the wizard sends its whole mapping back.
      const mapped = first.columns.filter((c) => c.field);
      const drop = mapped.find((c) => c.field !== 'NIK' && c.field !== 'NAMA')!;
      const map = Object.fromEntries(mapped.filter((c) => c !== drop).map((c) => [c.field, c.index]));
      await measure('preview (mapping change)', steps, () => call('batch/preview', { stagedId: staged.stagedId, sheet, headerRow: first.headerRow, map, agencyId: 1 }));
      const saved = (await measure('save', steps, () =>
        call('batch/save', {
          stagedId: staged.stagedId, sheet, headerRow: first.headerRow, map, agencyId: 1,
          letterNo: '470/1/PERF', receivedOn: '2026-12-01', channel: 'EMAIL', purpose: 'Pengukuran', allowDuplicate: true,
        }),
      )) as { validation: { rows: number } };
      if (saved.validation.rows !== ROWS) throw new Error(`saved ${saved.validation.rows} rows`);
    }
  } finally {
    db.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const maxRssMb = process.resourceUsage().maxRSS / 1024;
  process.stdout.write(`@@${JSON.stringify({ steps, maxRssMb })}\n`);
  process.exit(0);
}

// ---- parent: inputs, runs, table ----------------------------------------------------------

function runChild(mode: 'wizard' | 'stream', root: string, label: string): Report {
  const r = spawnSync(process.execPath, ['--expose-gc', ...process.execArgv, fileURLToPath(import.meta.url), '--child', mode, '--root', root, '--rows', String(ROWS)], {
    encoding: 'utf8', maxBuffer: 64 * 1024 * 1024,
  });
  const line = r.stdout.split('\n').find((l) => l.startsWith('@@'));
  if (r.status !== 0 || !line) throw new Error(`${label} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  return { label, ...(JSON.parse(line.slice(2)) as Omit<Report, 'label'>) };
}

async function parent(): Promise<void> {
  const compare = arg('compare', null);
  if (!existsSync(generated)) {
    const { generateBenchWorkbook, generateDemoRegistry } = await import('../../electron/demo/index.ts');
    const registryPath = join(DIR, 'registry-demo.sqlite');
    if (!existsSync(registryPath)) await generateDemoRegistry({ dir: DIR, seed: 1 });
    await generateBenchWorkbook({ path: generated, rows: ROWS, registryPath, seed: 1 });
  }
  if (!existsSync(book)) {
    const XLSX = await import('@e965/xlsx');
    const wb = XLSX.read(readFileSync(generated), { type: 'buffer', dense: true });
    writeFileSync(book, XLSX.write(wb, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer);
  }
  const all: Report[][] = [];
  for (let i = 0; i < RUNS; i++) {
    const order: [('wizard' | 'stream'), string, string][] = [['wizard', here, 'wizard'], ['stream', here, 'importFile']];
    if (compare) order.push(['wizard', resolve(compare), 'wizard (compare)']);
    if (i % 2 === 1) order.reverse();
    const run = order.map(([m, root, label]) => runChild(m, root, label));
    all.push(run);
    console.log(`run ${i + 1}:`);
    for (const rep of run) print(rep);
  }
  // Medians per label and step.
  console.log(`\nmedian of ${RUNS} run(s), ${ROWS.toLocaleString('en')} rows (${(readFileSync(book).length / 1048576).toFixed(1)} MB .xlsx):`);
  const labels = all[0]!.map((r) => r.label);
  const med = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) / 2)]!;
  const meds: Report[] = labels.map((label) => {
    const reps = all.map((run) => run.find((r) => r.label === label)!);
    const steps = reps[0]!.steps.map((s, k) => ({
      step: s.step,
      wallMs: med(reps.map((r) => r.steps[k]!.wallMs)),
      stallMs: med(reps.map((r) => r.steps[k]!.stallMs)),
      peakRssMb: Math.max(...reps.map((r) => r.steps[k]!.peakRssMb)),
      heapAfterMb: med(reps.map((r) => r.steps[k]!.heapAfterMb)),
    }));
    return { label, steps, maxRssMb: Math.max(...reps.map((r) => r.maxRssMb)) };
  });
  for (const rep of meds) print(rep);
  const wiz = meds.find((r) => r.label === 'wizard')!;
  const base = meds.find((r) => r.label === 'importFile')!;
  const wall = (r: Report): number => r.steps.reduce((a, s) => a + s.wallMs, 0);
  const stall = (r: Report): number => Math.max(...r.steps.map((s) => s.stallMs));
  console.log(
    `wizard/importFile: wall of all steps ${(wall(wiz) / wall(base)).toFixed(2)}x, longest main-thread stall ${Math.round(stall(wiz))} ms vs ${Math.round(stall(base))} ms, ` +
      `peak RSS ${Math.round(wiz.maxRssMb)} MB vs ${Math.round(base.maxRssMb)} MB`,
  );
  const cmp = meds.find((r) => r.label === 'wizard (compare)');
  if (cmp) console.log(`compare (${compare}): wall ${Math.round(wall(cmp))} ms, longest stall ${Math.round(stall(cmp))} ms, peak RSS ${Math.round(cmp.maxRssMb)} MB`);
}

function print(rep: Report): void {
  console.log(`  ${rep.label} (peak RSS ${Math.round(rep.maxRssMb)} MB)`);
  for (const s of rep.steps) {
    console.log(
      `    ${s.step.padEnd(26)} ${String(Math.round(s.wallMs)).padStart(6)} ms wall | longest stall ${String(Math.round(s.stallMs)).padStart(5)} ms ` +
        `| RSS peak ${Math.round(s.peakRssMb)} MB | main heap after ${Math.round(s.heapAfterMb)} MB`,
    );
  }
}

const mode = arg('child', null);
if (mode === 'wizard' || mode === 'stream') await child(mode, arg('root', here)!);
else await parent();
