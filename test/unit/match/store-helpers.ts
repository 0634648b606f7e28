// A fresh encrypted store with one agency, and batches/rows inserted directly (as the importer would).
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openStoreDb } from '../../../electron/store/open.ts';

export function freshStore(): Database {
  const dir = mkdtempSync(join(tmpdir(), 'padan-match-'));
  const db = openStoreDb({ path: join(dir, 'store.db'), key: 'test-key' });
  // Own ids and names: migrations may seed agencies and programs of their own.
  db.prepare(`INSERT INTO agencies (id, name, code, created_at) VALUES (901, 'Uji Dinas A', 'UJI_A', '2025-01-01'), (902, 'Uji Dinas B', 'UJI_B', '2025-01-01')`).run();
  db.prepare(`INSERT INTO programs (id, name, code, agency_id, created_at) VALUES (901, 'Uji Program A', 'UJI_PA', 901, '2025-01-01'), (902, 'Uji Program B', 'UJI_PB', 902, '2025-01-01')`).run();
  return db;
}

export interface TestRow {
  nik?: string | null;
  nikInput?: string | null;
  nikReason?: string | null;
  nikSuspect?: boolean;
  name?: string | null;
  birthPlace?: string | null;
  birthDate?: string | null;
  sex?: string | null;
  kk?: string | null;
  motherName?: string | null;
  address?: string | null;
  rt?: string | null;
  rw?: string | null;
  kelurahan?: string | null;
  kecamatan?: string | null;
  duplicateOfRow?: number | null;
}

let nextBatch = 1;

export function insertBatch(
  db: Database,
  rows: TestRow[],
  opts: { agencyId?: number; programId?: number | null; columns?: string[]; createdAt?: string } = {},
): number {
  const id = nextBatch++ + Math.floor(Math.random() * 1e6);
  const columns = opts.columns ?? ['NIK', 'NAMA', 'TGL_LHR', 'JENIS_KELAMIN'];
  const map = Object.fromEntries(columns.map((c, i) => [c, i]));
  db.prepare(
    `INSERT INTO batches (id, agency_id, program_id, file_name, file_sha256, headers, column_map, state, row_count, created_at, created_by)
     VALUES (?, ?, ?, 'f.xlsx', 'x', '[]', ?, 'IMPORTED', ?, ?, 'tester')`,
  ).run(id, opts.agencyId ?? 901, opts.programId === undefined ? 901 : opts.programId, JSON.stringify(map), rows.length, opts.createdAt ?? '2025-03-01T00:00:00Z');
  const ins = db.prepare(
    `INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik, nik_reason, nik_suspect, name, birth_place, birth_date,
       sex, kk, mother_name, address, rt, rw, kelurahan, kecamatan, duplicate_of_row)
     VALUES (?, ?, ?, '[]', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  const res = db.prepare(`INSERT INTO row_results (batch_id, seq, status) VALUES (?, ?, 'BELUM_DIPERIKSA')`);
  db.transaction(() => {
    rows.forEach((r, seq) => {
      const nik = r.nik === undefined ? null : r.nik;
      ins.run(
        id, seq, seq + 2, r.nikInput ?? nik, nik, r.nikReason ?? (nik ? null : 'KOSONG'), r.nikSuspect ? 1 : 0,
        r.name ?? null, r.birthPlace ?? null, r.birthDate ?? null, r.sex ?? null, r.kk ?? null, r.motherName ?? null,
        r.address ?? null, r.rt ?? null, r.rw ?? null, r.kelurahan ?? null, r.kecamatan ?? null, r.duplicateOfRow ?? null,
      );
      res.run(id, seq);
    });
    // What the import writes beside the rows (migration 0030).
    db.prepare(`INSERT INTO batch_niks (nik, batch_id, seq) SELECT nik, batch_id, seq FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL`).run(id);
  })();
  return id;
}

export interface ResultRow {
  seq: number;
  status: string;
  reason: string | null;
  elements: string;
  candidates: string;
  cross_batches: string;
  registry: string | null;
}

export function results(db: Database, batchId: number): ResultRow[] {
  return db.prepare('SELECT * FROM row_results WHERE batch_id = ? ORDER BY seq').all(batchId) as ResultRow[];
}
