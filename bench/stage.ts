// One measured stage in its own process, so its peak RSS is its own:
//   node --import tsx --import ./bench/rss-probe.mjs bench/stage.ts STAGE JSON_ARGS
// Writes { ms, ...facts } to BENCH_OUT; bench/rss-probe.mjs adds the process's maxRSS at exit.
// Only the work itself is timed: process start, module loading, reading a baseline's prepared
// input (JSON) and copying a template store are outside the clock, for Padan and raw alike.
// Modules are loaded per stage, so a stage's peak RSS carries no other stage's libraries.
import * as fs from 'node:fs';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import type Database from 'better-sqlite3-multiple-ciphers';
import { OPERATOR, STORE_KEY } from './measure.ts';

type Engine = typeof import('../electron/engine.ts');
/** The engine as it ships (out/main/engine.js, its workers built .js) when the bench built it, else the sources. */
const engine = async (): Promise<Engine> =>
  (process.env.PADAN_BENCH_BUILT === '1'
    ? await import(pathToFileURL(join(import.meta.dirname, '..', 'out', 'main', 'engine.js')).href)
    : await import('../electron/engine.ts')) as Engine;
const store = async (path: string): Promise<Database.Database> => (await engine()).openStoreDb({ path, key: STORE_KEY });
const mapping = async () => (await engine()).DEFAULT_SCHEMA_MAPPING;


type Args = Record<string, string | number>;
/** ms absent: the parent's spawn-to-exit wall time counts (end to end). */
type Result = Record<string, unknown> & { ms?: number };

const str = (a: Args, k: string): string => String(a[k]);
const time = async <T>(f: () => T | Promise<T>): Promise<[number, T]> => {
  const t = performance.now();
  const v = await f();
  return [performance.now() - t, v];
};


const stages: Record<string, (a: Args) => Promise<Result>> = {
  /** Padan's import (sniff, read in a worker, detect header, clean, store encrypted) into a fresh store. */
  async 'import-padan'(a) {
    const { importFile, resolveAgency } = await engine();
    const db = await store(join(str(a, 'storeDir'), 'padan.db'));
    const agency = resolveAgency(db, undefined);
    const [ms, r] = await time(() => importFile(db, str(a, 'file'), { operator: OPERATOR, purpose: { agencyId: agency.id, programId: null }, allowDuplicate: true }));
    const rows = (db.prepare('SELECT COUNT(*) n FROM batch_rows WHERE batch_id = ?').get(r.batchId) as { n: number }).n;
    db.close();
    return { ms, batchId: r.batchId, rows };
  },
  /** The floor: the same parser with the options Padan uses, every cell's text, nothing else. */
  async 'import-raw'(a) {
    const XLSX = await import('@e965/xlsx');
    // The ESM build of SheetJS reads files only once it is handed fs.
    XLSX.set_fs(fs);
    const [ms, rows] = await time(() => {
      const wb = XLSX.readFile(str(a, 'file'), { dense: true, cellFormula: false, cellHTML: false, cellStyles: false, cellNF: false, cellDates: false });
      const ws = wb.Sheets[wb.SheetNames[0]!]!;
      return XLSX.utils.sheet_to_json<unknown[]>(ws, { header: 1, raw: false, defval: '' }).length;
    });
    return { ms, rows };
  },
  async 'match-padan'(a) {
    const { matchBatch, openRegistry } = await engine();
    const db = await store(str(a, 'store'));
    const m = await mapping();
    const [ms, r] = await time(async () => {
      const registry = await openRegistry({ kind: 'sqlite', path: str(a, 'registry') }, m);
      try {
        return await matchBatch(db, registry, m, Number(a.batchId), { operator: OPERATOR });
      } finally {
        await registry.close();
      }
    });
    db.close();
    return { ms, state: r.state, checked: r.checked, status: r.counts.status };
  },
  /** One temp table of the batch's NIK strings, one join, every row read. */
  async 'match-raw'(a) {
    const { default: Sqlite } = await import('better-sqlite3-multiple-ciphers');
    const niks = JSON.parse(readFileSync(str(a, 'niks'), 'utf8')) as string[];
    const [ms, found] = await time(() => {
      const db = new Sqlite(str(a, 'registry'), { readonly: true, fileMustExist: true });
      db.exec('CREATE TEMP TABLE k (nik TEXT PRIMARY KEY) WITHOUT ROWID');
      const ins = db.prepare('INSERT OR IGNORE INTO temp.k VALUES (?)');
      db.transaction(() => { for (const n of niks) ins.run(n); })();
      const rows = db.prepare(`SELECT CAST(b.NIK AS TEXT) nik, CAST(b.NO_KK AS TEXT) kk, b.NAMA_LGKP, b.TMPT_LHR, b.TGL_LHR, b.JENIS_KLMIN,
        b.NAMA_LGKP_IBU, b.FLAG_STATUS, b.NO_PROP, b.NO_KAB, b.NO_KEC, b.NO_KEL, k2.ALAMAT, k2.NO_RT, k2.NO_RW
        FROM temp.k t JOIN BIODATA_WNI b ON b.NIK = CAST(t.nik AS INTEGER) LEFT JOIN DATA_KELUARGA k2 ON k2.NO_KK = b.NO_KK`).all();
      db.close();
      return rows.length;
    });
    return { ms, keys: niks.length, found };
  },
  async 'export-padan'(a) {
    const { exportBatch } = await engine();
    const db = await store(str(a, 'store'));
    const [ms, r] = await time(() => exportBatch(db, Number(a.batchId), { out: str(a, 'out'), operator: OPERATOR, format: 'xlsx' }));
    db.close();
    return { ms, rows: r.rows, bytes: r.bytes };
  },
  /** The same values (header + rows as text), no styles, no summary sheet, same writer library,
   *  its default options (no compression: the fastest it writes; Padan also compresses). */
  async 'export-raw'(a) {
    const { default: XLSXStyle } = await import('sheetjs-style');
    const aoa = JSON.parse(readFileSync(str(a, 'values'), 'utf8')) as string[][];
    const [ms] = await time(() => {
      const wb = XLSXStyle.utils.book_new();
      XLSXStyle.utils.book_append_sheet(wb, XLSXStyle.utils.aoa_to_sheet(aoa), 'Hasil');
      XLSXStyle.writeFile(wb, str(a, 'out'), { bookType: 'xlsx', ...(a.compression ? { compression: true } : {}) });
    });
    return { ms, rows: aoa.length - 1 };
  },
  /** Untimed preparation: the batch's NIKs (match-raw) and result values (export-raw) from a matched store. */
  async dump(a) {
    const { buildResultRows } = await engine();
    const db = await store(str(a, 'store'));
    const batchId = Number(a.batchId);
    const niks = (db.prepare('SELECT nik FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL ORDER BY seq').all(batchId) as { nik: string }[]).map((r) => r.nik);
    writeFileSync(str(a, 'niks'), JSON.stringify(niks));
    const table = buildResultRows(db, batchId);
    writeFileSync(str(a, 'values'), JSON.stringify([table.columns, ...table.rows.map((r) => r.values)]));
    db.close();
    return { ms: 0, niks: niks.length, rows: table.rows.length, columns: table.columns.length };
  },
  /** What `padan match FILE --out --rows` does, by the same functions, for when the CLI itself
   *  cannot run; timed from spawn to exit by the parent like the CLI. */
  async 'e2e-padan'(a) {
    const { importFile, resolveAgency, matchBatch, openRegistry, writeRowsJsonl, exportBatch } = await engine();
    const dir = str(a, 'dir');
    const db = await store(join(dir, 'data', 'padan.db'));
    const agency = resolveAgency(db, undefined);
    const limits = a.maxFileBytes ? { maxFileBytes: Number(a.maxFileBytes) } : undefined;
    const { batchId } = await importFile(db, str(a, 'file'), { operator: OPERATOR, purpose: { agencyId: agency.id, programId: null }, allowDuplicate: true, limits });
    const m = await mapping();
    const registry = await openRegistry({ kind: 'sqlite', path: str(a, 'registry') }, m);
    await matchBatch(db, registry, m, batchId, { operator: OPERATOR });
    await registry.close();
    const tally = await writeRowsJsonl(db, batchId, join(dir, 'rows.jsonl'));
    await exportBatch(db, batchId, { out: join(dir, str(a, 'out')), operator: OPERATOR });
    db.close();
    return { rows: tally.total };
  },
  /** Process floor: what node + tsx + these modules cost before any work. */
  async noop() {
    return { ms: 0 };
  },
};

const [name, json] = process.argv.slice(2);
const stage = name ? stages[name] : undefined;
if (!stage) {
  process.stderr.write(`stage? one of: ${Object.keys(stages).join(', ')}\n`);
  process.exit(2);
}
const result = await stage(JSON.parse(json ?? '{}') as Args);
if (process.env.BENCH_OUT) writeFileSync(process.env.BENCH_OUT, JSON.stringify(result));
else process.stdout.write(JSON.stringify(result) + '\n');
