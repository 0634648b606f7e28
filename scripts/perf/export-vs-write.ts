// Padan's styled export of a 100,000-row matched batch against a raw sheetjs-style write of
// the same values (aoa_to_sheet + writeFile, no styles), interleaved, median of N.
//   node --import tsx scripts/perf/export-vs-write.ts [--rows 100000] [--runs 3] [--dir /tmp/padan-evw]
// The batch is seeded with SQL straight into an encrypted store (no import, no matching), in
// the shape matchBatch leaves: person JSON on found rows, candidate JSON on INVALID rows, so
// the scan decrypts as much as a real batch. Each measured run is its own child process, so
// its peak RSS (maxRSS, all threads) is its own; CPU time (process.cpuUsage, all threads) is
// reported beside wall time because the machine is shared. The key travels by environment.
import { execFileSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { openStoreDb } from '../../electron/store/open.ts';

const KEY_ENV = 'PADAN_PERF_KEY';
const [mode] = process.argv.slice(2);

function measure(work: () => Promise<unknown> | unknown): Promise<void> {
  return (async () => {
    const cpu0 = process.cpuUsage();
    const t0 = performance.now();
    await work();
    const wall = performance.now() - t0;
    const cpu = process.cpuUsage(cpu0);
    process.stdout.write(JSON.stringify({ wall, cpu: (cpu.user + cpu.system) / 1000, rss: process.resourceUsage().maxRSS / 1024 }) + '\n');
  })();
}

if (mode === 'padan') {
  const [store, out] = process.argv.slice(3);
  const { exportBatch } = await import('../../electron/export/index.ts');
  const db = openStoreDb({ path: store!, key: process.env[KEY_ENV]! });
  await measure(() => exportBatch(db, 1, { out: out!, operator: 'perf', format: 'xlsx' }));
  db.close();
} else if (mode === 'raw') {
  const [values, out] = process.argv.slice(3);
  const { default: XLSX } = await import('sheetjs-style');
  const aoa = JSON.parse(readFileSync(values!, 'utf8')) as string[][];
  await measure(() => {
    const wb = XLSX.utils.book_new();
    XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Hasil');
    XLSX.writeFile(wb, out!, { bookType: 'xlsx' });
  });
} else {
  const { values: args } = parseArgs({
    options: { rows: { type: 'string', default: '100000' }, runs: { type: 'string', default: '3' }, dir: { type: 'string', default: '/tmp/padan-evw' } },
  });
  const rows = Number(args.rows);
  const dir = args.dir!;
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  const store = join(dir, 'store.db');
  let t = performance.now();
  seed(store, key, rows);
  console.log(`seeded ${rows} rows in ${Math.round(performance.now() - t)} ms`);
  // The raw side's input: exactly the values Padan writes (header + every cell as text).
  t = performance.now();
  {
    const { buildResultRows } = await import('../../electron/export/result-rows.ts');
    const db = openStoreDb({ path: store, key });
    const table = buildResultRows(db, 1);
    writeFileSync(join(dir, 'values.json'), JSON.stringify([table.columns, ...table.rows.map((r) => r.values)]));
    db.close();
  }
  console.log(`values dumped in ${Math.round(performance.now() - t)} ms`);
  const child = (m: string, a: string[]) => JSON.parse(
    execFileSync(process.execPath, ['--import', 'tsx', 'scripts/perf/export-vs-write.ts', m, ...a], {
      env: { ...process.env, [KEY_ENV]: key }, encoding: 'utf8', maxBuffer: 1 << 20,
    }).trim().split('\n').pop()!,
  ) as { wall: number; cpu: number; rss: number };
  const res: Record<'padan' | 'raw', { wall: number; cpu: number; rss: number }[]> = { padan: [], raw: [] };
  for (let i = 0; i < Number(args.runs); i++) {
    // A B, B A, ...: load from other work falls on both sides.
    for (const m of i % 2 ? (['raw', 'padan'] as const) : (['padan', 'raw'] as const)) {
      const r = m === 'padan' ? child('padan', [store, join(dir, 'padan.xlsx')]) : child('raw', [join(dir, 'values.json'), join(dir, 'raw.xlsx')]);
      res[m].push(r);
      console.log(m, `wall ${Math.round(r.wall)} ms, cpu ${Math.round(r.cpu)} ms, peak RSS ${Math.round(r.rss)} MB`);
    }
  }
  const med = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  const sum = (m: 'padan' | 'raw') => ({ wall: med(res[m].map((r) => r.wall)), cpu: med(res[m].map((r) => r.cpu)), rss: Math.max(...res[m].map((r) => r.rss)) });
  const p = sum('padan');
  const r = sum('raw');
  console.log(`median wall: padan ${Math.round(p.wall)} ms / raw ${Math.round(r.wall)} ms = ${(p.wall / r.wall).toFixed(2)}x`);
  console.log(`median cpu:  padan ${Math.round(p.cpu)} ms / raw ${Math.round(r.cpu)} ms = ${(p.cpu / r.cpu).toFixed(2)}x`);
  console.log(`peak RSS:    padan ${Math.round(p.rss)} MB / raw ${Math.round(r.rss)} MB`);
  if (existsSync(dir)) rmSync(dir, { recursive: true, force: true });
}

/** A matched batch as matchBatch leaves it, inserted with SQL in one transaction. */
function seed(path: string, key: string, n: number): void {
  const db = openStoreDb({ path, key });
  const agency = (db.prepare('SELECT id FROM agencies ORDER BY id LIMIT 1').get() as { id: number }).id;
  const headers = ['NO', 'NIK', 'NAMA', 'TEMPAT LAHIR', 'TANGGAL LAHIR', 'JENIS KELAMIN', 'NO KK', 'NAMA IBU', 'ALAMAT', 'NO HP'];
  const columnMap = { NIK: 1, NAMA: 2, TMPT_LHR: 3, TGL_LHR: 4, JENIS_KELAMIN: 5, NO_KK: 6, NAMA_IBU: 7, ALAMAT: 8 };
  const now = new Date().toISOString();
  db.prepare(
    `INSERT INTO batches (id, agency_id, letter_no, received_on, channel, purpose, file_name, file_sha256, headers, column_map,
       state, row_count, created_at, created_by, matched_at)
     VALUES (1, ?, '400/1/PERF', ?, 'EMAIL', 'perf', 'perf.xlsx', 'x', ?, ?, 'MATCHED', ?, ?, 'perf', ?)`,
  ).run(agency, now.slice(0, 10), JSON.stringify(headers), JSON.stringify(columnMap), n, now, now);
  const insRow = db.prepare('INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik, name) VALUES (1, ?, ?, ?, ?, ?, ?)');
  const insRes = db.prepare(
    `INSERT INTO row_results (batch_id, seq, status, reason, elements, registry, candidates, checked_at) VALUES (1, ?, ?, ?, ?, ?, ?, ?)`,
  );
  let x = 7;
  const rnd = () => (x = (x * 1103515245 + 12345) % 2147483648) / 2147483648;
  const pick = (e: number) => (e < 0.85 ? 'SESUAI' : e < 0.93 ? 'MIRIP' : e < 0.98 ? 'TIDAK_SESUAI' : 'KOSONG');
  db.transaction(() => {
    for (let i = 0; i < n; i++) {
      const nik = `7372${String(10000000 + i).padStart(8, '0')}${String(1000 + (i % 9000)).slice(-4)}`;
      const kk = `7372${String(20000000 + (i >> 2)).padStart(8, '0')}0001`;
      const name = `WARGA NOMOR ${i} BIN AHMAD`;
      const cells = [String(i + 1), nik, name, 'PAREPARE', '12-05-1980', i % 2 ? 'P' : 'L', kk, 'HJ. SITTI AMINAH', `JL. BAU MASSEPE NO. ${i % 300}`, i % 7 ? '081234567890' : '+6281234567'];
      insRow.run(i, i + 2, JSON.stringify(cells), nik, nik, name);
      const p = rnd();
      const person = { nik, kk, name, birthPlace: 'PAREPARE', birthDate: '1980-05-12', sex: i % 2 ? '2' : '1', motherName: 'HJ. SITTI AMINAH',
        address: `JL. BAU MASSEPE NO. ${i % 300}`, rt: '001', rw: '002', kelurahanName: 'LABUKKANG', kecamatanName: 'UJUNG', flag: '0' };
      const els = () => JSON.stringify({ NAMA: pick(rnd()), TMPT_LHR: pick(rnd()), TGL_LHR: pick(rnd()), JENIS_KELAMIN: pick(rnd()), NO_KK: pick(rnd()), NAMA_IBU: pick(rnd()), ALAMAT: pick(rnd()) });
      if (p < 0.68) insRes.run(i, 'AKTIF', null, els(), JSON.stringify(person), '[]', now);
      else if (p < 0.72) insRes.run(i, 'MENINGGAL', null, els(), JSON.stringify(person), '[]', now);
      else if (p < 0.75) insRes.run(i, 'PINDAH', 'DOMISILI_LUAR_WILAYAH', els(), JSON.stringify(person), '[]', now);
      else if (p < 0.995) {
        const cands = Array.from({ length: 1 + (i % 4) }, (_, k) => ({ nik: nik.slice(0, 15) + k, score: 0.9 - k / 10, source: 'TYPO', name, birthDate: '1980-05-12', kelurahanName: 'LABUKKANG' }));
        insRes.run(i, 'INVALID', p < 0.9 ? 'TIDAK_DITEMUKAN' : 'RUSAK_EXCEL', '{}', null, JSON.stringify(cands), now);
      } else insRes.run(i, 'BELUM_DIPERIKSA', null, '{}', null, '[]', now);
    }
  })();
  db.pragma('wal_checkpoint(TRUNCATE)');
  db.close();
}
