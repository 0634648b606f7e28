// Shared by the store, auth, audit, retention, backup and crash tests: a temporary
// encrypted store, a context, and a batch with known personal data.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { createAppContext } from '../../../electron/api/create-context.ts';
import type { AppContext } from '../../../electron/api/context.ts';
import { openStoreDb } from '../../../electron/store/open.ts';

export function tempDir(prefix = 'padan-test-'): string {
  return mkdtempSync(join(tmpdir(), prefix));
}

export function openTemp(dir = tempDir(), key = 'test-key-0123456789'): { db: Database; dir: string; path: string; key: string } {
  const path = join(dir, 'padan.db');
  return { db: openStoreDb({ path, key }), dir, path, key };
}

export function makeCtx(db: Database, dir: string, events: [string, unknown][] = []): AppContext {
  return createAppContext({
    host: 'cli',
    dataDir: dir,
    db,
    keyProtection: 'env',
    openRegistry: async () => {
      throw new Error('no registry in this test');
    },
    onEvent: (e, p) => events.push([e, p]),
  });
}

export function signInAs(ctx: AppContext, operator: string, role: 'ADMIN' | 'OPERATOR' = 'ADMIN'): void {
  ctx.session = { operator, displayName: operator, role, signedInAt: new Date().toISOString(), lastActivityAt: Date.now() };
}

/** NIKs and names that never occur in a store by chance. */
export function sampleNik(i: number): string {
  return `737201${String(510180 + (i % 10)).padStart(6, '0')}${String(1000 + i).padStart(4, '0')}`;
}
export function sampleName(i: number): string {
  return `ANDI ZULKARNAEN ${["QWERTY", "XYLOFON", "JAMBRONG"][i % 3]} #${i}#`;
}

export interface SeedOptions {
  agencyCode?: string;
  rows: number;
  offset?: number;
  exportedAt?: string | null;
  corrections?: number;
}

/** A matched batch: rows, results with a registry snapshot, and corrections with values. */
export function seedBatch(db: Database, o: SeedOptions): number {
  const now = new Date().toISOString();
  const agency = (db.prepare('SELECT id FROM agencies WHERE code = ?').get(o.agencyCode ?? 'DINSOS') as { id: number }).id;
  return db.transaction(() => {
    const id = Number(
      db
        .prepare(
          `INSERT INTO batches (agency_id, letter_no, file_name, file_sha256, headers, column_map, state, row_count, created_at, created_by, exported_at)
           VALUES (?, '470/12/DINSOS', 'data.xlsx', 'abc', '["NIK","NAMA"]', '{"NIK":0,"NAMA":1}', ?, ?, ?, 'admin', ?)`,
        )
        .run(agency, o.exportedAt ? 'EXPORTED' : 'MATCHED', o.rows, now, o.exportedAt ?? null).lastInsertRowid,
    );
    const row = db.prepare(`INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik_input, nik, name) VALUES (?, ?, ?, ?, ?, ?, ?)`);
    const res = db.prepare(`INSERT INTO row_results (batch_id, seq, status, elements, registry, checked_at) VALUES (?, ?, ?, ?, ?, ?)`);
    for (let s = 0; s < o.rows; s++) {
      const i = (o.offset ?? 0) + s;
      const nik = sampleNik(i);
      const name = sampleName(i);
      row.run(id, s, s + 2, JSON.stringify([nik, name]), nik, nik, name);
      res.run(id, s, s % 5 === 0 ? 'INVALID' : 'AKTIF', '{"NAMA":"SESUAI"}', JSON.stringify({ nik, name }), now);
    }
    db.prepare(`INSERT INTO batch_niks (nik, batch_id, seq) SELECT nik, batch_id, seq FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL`).run(id);
    const corr = db.prepare(
      `INSERT INTO corrections (batch_id, seq, operator, at, kind, before, after, reason_code) VALUES (?, ?, 'op1', ?, 'NIK_MANUAL', ?, ?, 'SALAH_KETIK')`,
    );
    for (let c = 0; c < (o.corrections ?? 0); c++) {
      corr.run(id, c, now, JSON.stringify({ nik: sampleNik((o.offset ?? 0) + c) }), JSON.stringify({ nik: sampleNik(8000 + c) }));
    }
    return id;
  })();
}

/** Every text value of every table, for "no personal data left" checks. */
export function dumpAll(db: Database): string {
  const tables = db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table'`).all() as { name: string }[];
  return tables.map((t) => JSON.stringify(db.prepare(`SELECT * FROM "${t.name}"`).safeIntegers(true).raw(true).all(), (_k, v) => (typeof v === 'bigint' ? String(v) : v))).join('\n');
}
