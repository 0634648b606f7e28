// Import of a 100,000-row agency workbook against a raw SheetJS read of the same file, in
// one process, interleaved (raw, import, raw, import, ...) so machine load hits both alike.
//   node --import tsx scripts/perf/import-vs-read.ts [--runs 3] [--rows 100000] [--compare DIR]
// --compare DIR also times the importFile of another checkout (e.g. an older commit unpacked
// with `git archive`), interleaved in the same runs: a before/after under the same load.
// Inputs are generated once into /tmp/padan-perf (registry of 163,314 people, workbook).
// CPU is process.cpuUsage(): getrusage(RUSAGE_SELF) counts every thread, the worker included;
// on Linux the main thread's own share is read from /proc/self/task/<pid>/stat as well, since
// the import's point is to move work off that thread (wall ~ the longer thread, not the sum).
import * as fs from 'node:fs';
import { existsSync, readFileSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { generateBenchWorkbook, generateDemoRegistry } from '../../electron/demo/index.ts';
import * as current from '../../electron/import/index.ts';
import { openStoreDb } from '../../electron/store/open.ts';

XLSX.set_fs(fs);
const DIR = '/tmp/padan-perf';
const arg = (name: string, def: number): number => {
  const i = process.argv.indexOf(`--${name}`);
  return i >= 0 ? Number(process.argv[i + 1]) : def;
};
const RUNS = arg('runs', 3);
const compareDir = process.argv.includes('--compare') ? process.argv[process.argv.indexOf('--compare') + 1]! : null;
type Engine = Pick<typeof current, 'clearReadCache' | 'importFile' | 'prewarmReader'>;
const other: Engine | null = compareDir ? ((await import(join(compareDir, 'electron/import/index.ts'))) as Engine) : null;
const ROWS = arg('rows', 100_000);

const registryPath = join(DIR, 'registry-demo.sqlite');
if (!existsSync(registryPath)) await generateDemoRegistry({ dir: DIR, seed: 1 });
const book = join(DIR, `agency-${ROWS}-s1.xlsx`);
if (!existsSync(book)) await generateBenchWorkbook({ path: book, rows: ROWS, registryPath, seed: 1 });

interface Sample { wall: number; cpu: number; mainCpu: number }

/** CPU ms of the main thread (utime + stime, clock ticks of 10 ms), or NaN off Linux. */
function mainThreadCpu(): number {
  try {
    const stat = readFileSync(`/proc/self/task/${process.pid}/stat`, 'utf8');
    // Fields after "(comm) ": state is [0], utime [11], stime [12].
    const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(f[11]) + Number(f[12])) * 10;
  } catch {
    return NaN;
  }
}
const sleep = (ms: number): Promise<void> => new Promise((r) => setTimeout(r, ms));

async function timed(fn: () => Promise<unknown> | unknown): Promise<Sample> {
  const c0 = process.cpuUsage();
  const m0 = mainThreadCpu();
  const t0 = performance.now();
  await fn();
  const wall = performance.now() - t0;
  const c = process.cpuUsage(c0);
  return { wall, cpu: (c.user + c.system) / 1000, mainCpu: mainThreadCpu() - m0 };
}

function rawRead(): number {
  const wb = XLSX.readFile(book, { dense: true });
  const ws = wb.Sheets[wb.SheetNames[0]!]!;
  return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1 }).length;
}

let n = 0;
async function padanImport(engine: Engine): Promise<Sample> {
  const { clearReadCache, importFile, prewarmReader } = engine;
  const path = join(DIR, `store-${process.pid}-${++n}.sqlite`);
  const db = openStoreDb({ path, key: 'perf-key-not-secret' });
  // The app readies its reader when the wizard opens; give it that head start, untimed.
  clearReadCache();
  prewarmReader();
  await sleep(1500);
  try {
    return await timed(async () => {
      const r = await importFile(db, book, { operator: 'perf', purpose: { agencyId: 1 }, allowDuplicate: true });
      if (r.summary.rows !== ROWS) throw new Error(`imported ${r.summary.rows} rows, expected ${ROWS}`);
    });
  } finally {
    db.close();
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  }
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const raw: Sample[] = [];
const imp: Sample[] = [];
const cmp: Sample[] = [];
for (let i = 0; i < RUNS; i++) {
  global.gc?.();
  raw.push(await timed(rawRead));
  global.gc?.();
  imp.push(await padanImport(current));
  if (other) {
    global.gc?.();
    cmp.push(await padanImport(other));
  }
  const f = (s: Sample): string => `${Math.round(s.wall)} ms wall, ${Math.round(s.cpu)} ms cpu (main thread ${Math.round(s.mainCpu)})`;
  console.log(`run ${i + 1}: raw ${f(raw[i]!)} | import ${f(imp[i]!)}${other ? ` | compare ${f(cmp[i]!)}` : ''}`);
}
const rw = median(raw.map((s) => s.wall)), iw = median(imp.map((s) => s.wall));
const rc = median(raw.map((s) => s.cpu)), ic = median(imp.map((s) => s.cpu));
const rm = median(raw.map((s) => s.mainCpu)), im = median(imp.map((s) => s.mainCpu));
console.log(`median raw ${Math.round(rw)} ms (cpu ${Math.round(rc)}), import ${Math.round(iw)} ms (cpu ${Math.round(ic)}, main thread ${Math.round(im)})`);
console.log(`ratio wall ${(iw / rw).toFixed(2)}x, cpu all threads ${(ic / rc).toFixed(2)}x, cpu main thread ${(im / rm).toFixed(2)}x (goal: wall <= 1.50x)`);
if (other) {
  const cw = median(cmp.map((s) => s.wall)), cc = median(cmp.map((s) => s.cpu)), cm = median(cmp.map((s) => s.mainCpu));
  console.log(`compare (${compareDir}): median ${Math.round(cw)} ms (cpu ${Math.round(cc)}, main thread ${Math.round(cm)}); ratio wall ${(cw / rw).toFixed(2)}x, cpu ${(cc / rc).toFixed(2)}x, main thread ${(cm / rm).toFixed(2)}x`);
}
