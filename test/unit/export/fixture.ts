// Batches inserted straight into a fresh store, as import + matching would leave them.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { openStoreDb } from '../../../electron/store/open.ts';

export function tempStore(): { db: Database; dir: string } {
  const dir = mkdtempSync(join(tmpdir(), 'padan-export-'));
  return { db: openStoreDb({ path: join(dir, 'store.db'), key: 'test' }), dir };
}

export interface SeedRow {
  cells: unknown[];
  nik: string | null;
  status?: string | null; // null: no result yet
  reason?: string | null;
  elements?: Record<string, string>;
  registry?: Record<string, unknown> | null;
  matchedNik?: string | null;
  elementChoice?: Record<string, string>;
}

export interface SeedBatch {
  agencyCode?: string;
  programCode?: string | null;
  headers?: string[];
  columnMap?: Record<string, number>;
  rows: SeedRow[];
  receivedOn?: string;
  createdAt?: string;
  matchedAt?: string | null;
  state?: string;
  letterNo?: string;
}

export const HEADERS = ['NO', 'NIK', 'NAMA', 'TGL LAHIR', 'NO HP'];
export const COLUMN_MAP = { NIK: 1, NAMA: 2, TGL_LHR: 3 };

export function seedBatch(db: Database, b: SeedBatch): number {
  const agency = db.prepare('SELECT id FROM agencies WHERE code = ?').get(b.agencyCode ?? 'DINSOS') as { id: number };
  const program = b.programCode === null ? null : (db.prepare('SELECT id FROM programs WHERE code = ?').get(b.programCode ?? 'BPNT') as { id: number } | undefined);
  const createdAt = b.createdAt ?? '2024-03-04T02:00:00.000Z';
  const id = Number(
    db
      .prepare(
        `INSERT INTO batches (agency_id, program_id, letter_no, received_on, channel, purpose, file_name, file_sha256,
           headers, column_map, state, row_count, created_at, created_by, matched_at)
         VALUES (?, ?, ?, ?, 'EMAIL', 'Verifikasi penerima bantuan', 'daftar.xlsx', 'abc', ?, ?, ?, ?, ?, 'admin', ?)`,
      )
      .run(
        agency.id, program?.id ?? null, b.letterNo ?? '400/123/DINSOS/2024', b.receivedOn ?? createdAt.slice(0, 10),
        JSON.stringify(b.headers ?? HEADERS), JSON.stringify(b.columnMap ?? COLUMN_MAP), b.state ?? 'MATCHED', b.rows.length,
        createdAt, b.matchedAt === undefined ? createdAt : b.matchedAt,
      ).lastInsertRowid,
  );
  const insRow = db.prepare('INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik) VALUES (?, ?, ?, ?, ?, ?)');
  const insRes = db.prepare(
    `INSERT INTO row_results (batch_id, seq, status, reason, elements, registry, matched_nik, element_choice, checked_at)
     VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`,
  );
  db.transaction(() => {
    b.rows.forEach((r, seq) => {
      insRow.run(id, seq, seq + 2, JSON.stringify(r.cells), r.nik, r.nik);
      if (r.status === null) return;
      insRes.run(
        id, seq, r.status ?? 'AKTIF', r.reason ?? null, JSON.stringify(r.elements ?? {}),
        r.registry ? JSON.stringify(r.registry) : null, r.matchedNik ?? null, JSON.stringify(r.elementChoice ?? {}), createdAt,
      );
    });
    db.prepare(`INSERT INTO batch_niks (nik, batch_id, seq) SELECT nik, batch_id, seq FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL`).run(id);
  })();
  return id;
}

export const person = (nik: string, name: string) => ({
  nik, kk: '7372010101100001', name, birthPlace: 'PAREPARE', birthDate: '1980-05-12', sex: '1', motherName: 'HJ. SITTI',
  address: 'JL. BAU MASSEPE', rt: '001', rw: '002', kelurahanName: 'LABUKKANG', kecamatanName: 'UJUNG',
});

/** A deterministic mix of statuses, reasons and element results. */
export function mixedRows(n: number, seed = 1): SeedRow[] {
  const rows: SeedRow[] = [];
  let x = seed;
  const rnd = () => ((x = (x * 1103515245 + 12345) % 2147483648) / 2147483648);
  for (let i = 0; i < n; i++) {
    const nik = `7372${String(10000000 + i).padStart(8, '0')}${String(1000 + (i % 9000)).slice(-4)}`;
    const p = rnd();
    const name = `WARGA ${i}`;
    const cells = [String(i + 1), nik, name, '12-05-1980', i % 7 === 0 ? '+6281234567' : '0812345678'];
    if (p < 0.7) {
      const e = rnd();
      rows.push({ cells, nik, status: 'AKTIF', registry: person(nik, name),
        elements: { NAMA: e < 0.1 ? 'MIRIP' : 'SESUAI', TGL_LHR: e > 0.9 ? 'TIDAK_SESUAI' : 'SESUAI' } });
    } else if (p < 0.78) rows.push({ cells, nik, status: 'MENINGGAL', registry: person(nik, name), elements: { NAMA: 'SESUAI', TGL_LHR: 'SESUAI' } });
    else if (p < 0.85) rows.push({ cells, nik, status: 'PINDAH', reason: p < 0.82 ? 'DOMISILI_LUAR_WILAYAH' : null, registry: person(nik, name), elements: { NAMA: 'SESUAI', TGL_LHR: 'SESUAI' } });
    else if (p < 0.97) rows.push({ cells, nik, status: 'INVALID', reason: p < 0.93 ? 'TIDAK_DITEMUKAN' : 'RUSAK_EXCEL' });
    else rows.push({ cells, nik, status: p < 0.985 ? 'BELUM_DIPERIKSA' : null });
  }
  return rows;
}
