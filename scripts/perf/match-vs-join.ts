// Padan's matchBatch of a 100,000-row batch against one raw SQL join of the same NIKs, in the
// same process and run, interleaved, median of N. The goal is matchBatch <= 2x the raw join.
//   node --import tsx scripts/perf/match-vs-join.ts [--candidates bulk|none] [--runs 3] [--rows 100000] [--dir /tmp/padan-mvj]
// Inputs are generated once into --dir (a ".done" marker is written last, so a half-written
// file is never reused). Each matchBatch run gets a fresh copy of an imported template store,
// so no run resumes another's chunks. CPU time (process.cpuUsage) is reported beside wall time
// because the machine is shared: CPU time is the steadier of the two under load.
import Database from 'better-sqlite3-multiple-ciphers';
import { copyFileSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { generateBenchWorkbook, generateDemoRegistry } from '../../electron/demo/index.ts';
import { importFile } from '../../electron/import/index.ts';
import { resolveAgency } from '../../electron/match/cli-agency.ts';
import { matchBatch } from '../../electron/match/run.ts';
import { openRegistry } from '../../electron/registry/open.ts';
import { openStoreDb } from '../../electron/store/open.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../shared/registry-mapping.ts';

const { values: args } = parseArgs({
  options: {
    candidates: { type: 'string', default: 'bulk' },
    runs: { type: 'string', default: '3' },
    rows: { type: 'string', default: '100000' },
    persons: { type: 'string', default: '163314' },
    dir: { type: 'string', default: '/tmp/padan-mvj' },
  },
});
const KEY = 'perf-key-not-secret-0123456789abcdef';
const SEED = 1;
const rows = Number(args.rows);
const persons = Number(args.persons);
const runs = Number(args.runs);
const candidates = args.candidates === 'none' ? 'none' : 'bulk';
const dir = args.dir!;
mkdirSync(dir, { recursive: true });

async function cached(path: string, make: () => Promise<unknown>): Promise<string> {
  if (existsSync(path) && existsSync(`${path}.done`)) return path;
  rmSync(path, { force: true });
  console.log(`generating ${path} ...`);
  await make();
  writeFileSync(`${path}.done`, new Date().toISOString());
  return path;
}

const registryPath = await cached(join(dir, `registry-${persons}-s${SEED}.sqlite`), () =>
  generateDemoRegistry({ dir, persons, seed: SEED, fileName: `registry-${persons}-s${SEED}.sqlite` }));
const workbook = await cached(join(dir, `agency-${rows}-r${persons}-s${SEED}.xlsx`), (): Promise<unknown> =>
  generateBenchWorkbook({ path: join(dir, `agency-${rows}-r${persons}-s${SEED}.xlsx`), rows, registryPath, seed: SEED, format: 'xlsx' }));

// The imported template store: closed (WAL checkpointed) before it is copied.
const template = join(dir, `store-${rows}-r${persons}-s${SEED}.db`);
let batchId = 1;
await cached(template, async () => {
  const db = openStoreDb({ path: template, key: KEY });
  const agency = resolveAgency(db, undefined);
  batchId = (await importFile(db, workbook, { operator: 'perf', purpose: { agencyId: agency.id, programId: null }, allowDuplicate: true })).batchId;
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
});
const probe = openStoreDb({ path: template, key: KEY });
batchId = (probe.prepare('SELECT MAX(id) AS id FROM batches').get() as { id: number }).id;
const niks = (probe.prepare('SELECT nik FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL ORDER BY seq').all(batchId) as { nik: string }[]).map((r) => r.nik);
probe.close();

interface Sample { wall: number; cpu: number; facts: string }

async function timed(f: () => Promise<string> | string): Promise<Sample> {
  const c = process.cpuUsage();
  const t = performance.now();
  const facts = await f();
  const wall = performance.now() - t;
  const u = process.cpuUsage(c);
  return { wall, cpu: (u.user + u.system) / 1000, facts };
}

async function padan(run: number): Promise<Sample> {
  const path = join(dir, `run-${process.pid}-${run}.db`);
  for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  copyFileSync(template, path);
  const db = openStoreDb({ path, key: KEY });
  try {
    return await timed(async () => {
      const registry = await openRegistry({ kind: 'sqlite', path: registryPath }, DEFAULT_SCHEMA_MAPPING);
      try {
        const r = await matchBatch(db, registry, DEFAULT_SCHEMA_MAPPING, batchId, { operator: 'perf', candidates });
        return `${r.state} ${r.checked} ${JSON.stringify(r.counts.status)}`;
      } finally {
        await registry.close();
      }
    });
  } finally {
    db.close();
    for (const s of ['', '-wal', '-shm']) rmSync(path + s, { force: true });
  }
}

/** The floor, as bench/stage.ts match-raw: a temp table of the NIK strings, one join, every row read. */
function raw(): Promise<Sample> {
  return timed(() => {
    const db = new Database(registryPath, { readonly: true, fileMustExist: true });
    db.exec('CREATE TEMP TABLE k (nik TEXT PRIMARY KEY) WITHOUT ROWID');
    const ins = db.prepare('INSERT OR IGNORE INTO temp.k VALUES (?)');
    db.transaction(() => { for (const n of niks) ins.run(n); })();
    const found = db.prepare(`SELECT CAST(b.NIK AS TEXT) nik, CAST(b.NO_KK AS TEXT) kk, b.NAMA_LGKP, b.TMPT_LHR, b.TGL_LHR, b.JENIS_KLMIN,
      b.NAMA_LGKP_IBU, b.FLAG_STATUS, b.NO_PROP, b.NO_KAB, b.NO_KEC, b.NO_KEL, k2.ALAMAT, k2.NO_RT, k2.NO_RW
      FROM temp.k t JOIN BIODATA_WNI b ON b.NIK = CAST(t.nik AS INTEGER) LEFT JOIN DATA_KELUARGA k2 ON k2.NO_KK = b.NO_KK`).all().length;
    db.close();
    return `${found} found of ${niks.length}`;
  });
}

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const P: Sample[] = [];
const R: Sample[] = [];
console.log(`registry ${persons}, batch ${batchId} (${rows} rows, ${niks.length} NIKs), candidates=${candidates}`);
for (let i = 0; i < runs; i++) {
  const r = await raw();
  const p = await padan(i);
  R.push(r);
  P.push(p);
  console.log(`run ${i + 1}: raw ${r.wall.toFixed(0)} ms (cpu ${r.cpu.toFixed(0)}) | padan ${p.wall.toFixed(0)} ms (cpu ${p.cpu.toFixed(0)})  ${p.facts}`);
}
const [pw, rw, pc, rc] = [median(P.map((s) => s.wall)), median(R.map((s) => s.wall)), median(P.map((s) => s.cpu)), median(R.map((s) => s.cpu))];
console.log(`median raw join: ${rw.toFixed(0)} ms wall, ${rc.toFixed(0)} ms cpu (${R[0]!.facts})`);
console.log(`median matchBatch: ${pw.toFixed(0)} ms wall, ${pc.toFixed(0)} ms cpu`);
console.log(`ratio wall ${(pw / rw).toFixed(2)}x, cpu ${(pc / rc).toFixed(2)}x (goal <= 2)`);
