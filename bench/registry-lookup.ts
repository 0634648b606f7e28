// Looks up 100,000 NIKs (90% present, 10% absent) against the default demo registry
// (163,314 persons) through the SQLite adapter, and the same keys with one raw temp-table
// join in better-sqlite3, in the same run. Prints the medians and the ratio.
//   node --import tsx bench/registry-lookup.ts [REGISTRY_PATH]
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { generateDemoRegistry } from '../electron/demo/index.ts';
import { openRegistry } from '../electron/registry/open.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../shared/registry-mapping.ts';

const path = process.argv[2] ?? `${process.env.PADAN_DATA_DIR ?? './padan-data'}/demo/registry-demo.sqlite`;
if (!existsSync(path)) await generateDemoRegistry({ dir: dirname(path) });

const raw = new Database(path, { readonly: true });
raw.defaultSafeIntegers(true);
const all = (raw.prepare('SELECT CAST(NIK AS TEXT) AS n FROM BIODATA_WNI').all() as { n: string }[]).map((r) => r.n);
const keys: string[] = [];
for (let i = 0; keys.length < 90_000; i += 1) keys.push(all[(i * 7919) % all.length]!);
for (let i = 0; keys.length < 100_000; i++) keys.push(String(7372010101000000n + BigInt(i * 13)));

const registry = await openRegistry({ kind: 'demo', path }, DEFAULT_SCHEMA_MAPPING);
raw.exec('CREATE TEMP TABLE bench_keys (nik INTEGER PRIMARY KEY)');
const insert = raw.prepare('INSERT OR IGNORE INTO temp.bench_keys VALUES (?)');
const join = raw.prepare(`SELECT CAST(b.NIK AS TEXT) nik, CAST(b.NO_KK AS TEXT) kk, b.NAMA_LGKP, b.TMPT_LHR, b.TGL_LHR, b.JENIS_KLMIN,
  b.NAMA_LGKP_IBU, b.FLAG_STATUS, b.NO_PROP, b.NO_KAB, b.NO_KEC, b.NO_KEL, k.ALAMAT, k.NO_RT, k.NO_RW
  FROM temp.bench_keys t JOIN BIODATA_WNI b ON b.NIK = t.nik LEFT JOIN DATA_KELUARGA k ON k.NO_KK = b.NO_KK`);

const median = (xs: number[]): number => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const adapterTimes: number[] = [], rawTimes: number[] = [];
let found = 0, rawFound = 0;
for (let run = 0; run < 5; run++) {
  let t = performance.now();
  found = (await registry.lookup(keys)).size;
  adapterTimes.push(performance.now() - t);
  t = performance.now();
  raw.exec('DELETE FROM temp.bench_keys');
  raw.transaction(() => { for (const k of keys) insert.run(BigInt(k)); })();
  rawFound = join.all().length;
  rawTimes.push(performance.now() - t);
}
await registry.close();
raw.close();
const a = median(adapterTimes), r = median(rawTimes);
console.log(`adapter lookup (100.000 NIK, potongan 1000): ${a.toFixed(0)} ms, ditemukan ${found}`);
console.log(`raw temp-table join:                        ${r.toFixed(0)} ms, ditemukan ${rawFound}`);
console.log(`rasio adapter/raw: ${(a / r).toFixed(2)} (median dari 5 putaran)`);
