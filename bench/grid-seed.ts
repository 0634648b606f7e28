// Seeds one matched batch with realistic defects straight into a data folder's encrypted store,
// before the bridge opens it (the bridge holds the store while it runs). Used by the grid
// benchmark and for looking at the review page; the e2e test goes through the API instead.
import { join } from 'node:path';
import { generateDemoRegistry } from '../electron/demo/index.ts';
import { loadPersons } from '../electron/demo/rows.ts';
import { createPrng } from '../electron/demo/prng.ts';
import { nameVariant } from '../electron/demo/names.ts';
import { matchBatch } from '../electron/match/run.ts';
import { openRegistry } from '../electron/registry/open.ts';
import { getSchemaMapping, demoRegistryPath } from '../electron/runtime/registry-config.ts';
import { STORE_FILE } from '../electron/runtime/index.ts';
import { openStoreDb } from '../electron/store/open.ts';

export interface SeedOptions {
  dataDir: string;
  key: string;
  rows: number;
  persons?: number;
  seed?: number;
}

const HEADERS = ['NO', 'NIK', 'NAMA LENGKAP', 'TGL LAHIR', 'JK', 'NO KK', 'ALAMAT'];
const COLUMN_MAP = { NIK: 1, NAMA: 2, TGL_LHR: 3, JENIS_KELAMIN: 4, NO_KK: 5, ALAMAT: 6 };

export async function seedReviewBatch(opts: SeedOptions): Promise<{ batchId: number; rows: number; matchMs: number }> {
  const prng = createPrng(opts.seed ?? 7);
  const regPath = demoRegistryPath(opts.dataDir);
  await generateDemoRegistry({ dir: join(opts.dataDir, 'demo'), persons: opts.persons ?? Math.max(opts.rows + 2000, 5000) });
  const persons = loadPersons(regPath).filter((p) => p.flagStatus === '0' || prng.next() < 0.3);
  const db = openStoreDb({ path: join(opts.dataDir, STORE_FILE), key: opts.key });
  try {
    const agency = db.prepare(`SELECT id FROM agencies ORDER BY id LIMIT 1`).get() as { id: number };
    db.prepare(`UPDATE agencies SET allowed_elements = '["NAMA","TGL_LHR"]' WHERE id = ?`).run(agency.id);
    const now = new Date().toISOString();
    const batchId = Number(
      db.prepare(
        `INSERT INTO batches (agency_id, letter_no, received_on, channel, purpose, file_name, file_sha256, headers, column_map, state, row_count, created_at, created_by)
         VALUES (?, '470/123/DINSOS', ?, 'EMAIL', 'Verifikasi penerima bantuan', ?, 'seed', ?, ?, 'IMPORTED', ?, ?, 'seed')`,
      ).run(agency.id, now.slice(0, 10), `DAFTAR_PENERIMA_${opts.rows}.xlsx`, JSON.stringify(HEADERS), JSON.stringify(COLUMN_MAP), opts.rows, now).lastInsertRowid,
    );
    const ins = db.prepare(
      `INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik, nik_reason, nik_suspect, name, birth_date, sex, kk, address, duplicate_of_row)
       VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
    );
    db.transaction(() => {
      let prevNik: string | null = null;
      for (let seq = 0; seq < opts.rows; seq++) {
        const p = persons[seq % persons.length]!;
        let nik: string | null = p.nik;
        let input = p.nik;
        let reason: string | null = null;
        let suspect = 0;
        let name = p.name;
        let birth = p.birthDate;
        let dup: number | null = null;
        const k = seq % 100;
        if (k < 4) {
          nik = p.nik.slice(0, 15) + '0'; // Excel kept 15 digits
          input = nik;
          suspect = 1;
        } else if (k < 7) {
          const i = p.nik[12] !== p.nik[13] ? 12 : 14;
          nik = p.nik.slice(0, i) + p.nik[i + 1] + p.nik[i] + p.nik.slice(i + 2);
          input = nik;
        } else if (k < 17) {
          name = nameVariant(prng, p.name).name;
        } else if (k === 17) {
          nik = null;
          input = '';
          reason = 'KOSONG';
        } else if (k === 18) {
          input = '7.37201E+15';
          nik = null;
          reason = 'RUSAK_EXCEL';
        } else if (k === 19) {
          name = p.name.split(' ').reverse().join(' ') + ' X';
        } else if (k === 20 && prevNik) {
          nik = prevNik;
          input = prevNik;
          dup = seq + 1;
        }
        if (k === 21 && birth) birth = `${birth.slice(0, 5)}${birth.slice(8, 10)}-${birth.slice(5, 7)}`;
        const sex = p.sex === '2' ? 'P' : 'L';
        const cells = [String(seq + 1), input, name, birth ?? '', sex, p.kk ?? '', p.address ?? ''];
        ins.run(batchId, seq, seq + 2, JSON.stringify(cells), input, nik, reason, suspect, name, /^\d{4}-\d{2}-\d{2}$/.test(birth ?? '') ? birth : null, p.sex, p.kk, p.address, dup);
        prevNik = nik;
      }
    })();
    const t0 = performance.now();
    const mapping = getSchemaMapping(db);
    const registry = await openRegistry({ kind: 'demo', path: regPath }, mapping);
    try {
      await matchBatch(db, registry, mapping, batchId, { operator: 'seed' });
    } finally {
      await registry.close();
    }
    return { batchId, rows: opts.rows, matchMs: Math.round(performance.now() - t0) };
  } finally {
    db.close();
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const [dataDir, rows] = process.argv.slice(2);
  const res = await seedReviewBatch({ dataDir: dataDir ?? '/tmp/padan-grid', key: process.env.PADAN_DB_KEY ?? 'grid-key', rows: Number(rows ?? 2000) });
  console.log(JSON.stringify(res));
}
