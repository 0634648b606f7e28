// Store: every migration applies on its own, all replay from empty, the list matches the
// folder, an edited migration and a wrong key are refused, the audit log cannot change.
import { readdirSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { migrate } from '../../../electron/store/migrate.ts';
import { MIGRATIONS } from '../../../electron/store/migrations/index.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { StoreError, toStoreError } from '../../../electron/store/errors.ts';
import { appendAudit } from '../../../electron/store/audit.ts';
import { openTemp, tempDir } from './helpers.ts';

const dir = join(import.meta.dirname, '../../../electron/store/migrations');

describe('migrations', () => {
  it('index.ts lists exactly the migration files of the folder, ids matching names', () => {
    const files = readdirSync(dir).filter((f) => /^\d{4}_.*\.ts$/.test(f)).map((f) => f.replace(/\.ts$/, '')).sort();
    expect(MIGRATIONS.map((m) => m.name).sort()).toEqual(files);
    for (const m of MIGRATIONS) expect(m.id).toBe(Number(m.name.slice(0, 4)));
    expect(new Set(MIGRATIONS.map((m) => m.id)).size).toBe(MIGRATIONS.length);
  });

  it('replays all migrations on an empty store, and a second run applies nothing', () => {
    const db = new Database(':memory:');
    expect(migrate(db, MIGRATIONS)).toEqual([...MIGRATIONS].map((m) => m.id).sort((a, b) => a - b));
    expect(migrate(db, MIGRATIONS)).toEqual([]);
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(db.pragma('foreign_key_check')).toEqual([]);
  });

  // One test per migration: everything before it, then it alone, applies cleanly.
  for (const m of [...MIGRATIONS].sort((a, b) => a.id - b.id)) {
    it(`applies ${m.name} on top of its predecessors`, () => {
      const db = new Database(':memory:');
      migrate(db, MIGRATIONS.filter((x) => x.id < m.id));
      expect(migrate(db, MIGRATIONS.filter((x) => x.id <= m.id))).toEqual([m.id]);
    });
  }

  it('0020: operators need a unique username (any case) and a known role', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    const ins = db.prepare(`INSERT INTO operators (username, display_name, role, password_hash, created_at) VALUES (?, 'x', ?, 'h', 'now')`);
    ins.run('admin', 'ADMIN');
    expect(() => ins.run('ADMIN', 'ADMIN')).toThrow(/UNIQUE/);
    expect(() => ins.run('other', 'ROOT')).toThrow(/CHECK/);
  });

  it('0030: moves the NIKs of existing batches into batch_niks and drops the row index', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS.filter((m) => m.id < 30));
    db.exec(`INSERT INTO batches (id, agency_id, file_name, file_sha256, headers, column_map, state, row_count, created_at, created_by)
             VALUES (1, 1, 'f', 's', '[]', '{}', 'MATCHED', 3, 'now', 'a')`);
    const row = db.prepare(`INSERT INTO batch_rows (batch_id, seq, row_no, cells, nik) VALUES (1, ?, ?, '[]', ?)`);
    row.run(0, 2, '7372010101800002');
    row.run(1, 3, null);
    row.run(2, 4, '7372010101800001');
    migrate(db, MIGRATIONS);
    expect(db.prepare('SELECT nik, batch_id, seq FROM batch_niks').all()).toEqual([
      { nik: '7372010101800001', batch_id: 1, seq: 2 },
      { nik: '7372010101800002', batch_id: 1, seq: 0 },
    ]);
    expect(db.prepare(`SELECT name FROM sqlite_master WHERE name = 'batch_rows_nik'`).get()).toBeUndefined();
  });

  it('0021: corrections can be deleted only once their batch is PURGED', () => {
    const db = new Database(':memory:');
    migrate(db, MIGRATIONS);
    db.exec(`INSERT INTO batches (id, agency_id, file_name, file_sha256, headers, column_map, state, row_count, created_at, created_by)
             VALUES (1, 1, 'f', 's', '[]', '{}', 'MATCHED', 0, 'now', 'a')`);
    db.exec(`INSERT INTO corrections (batch_id, seq, operator, at, kind, before, after, reason_code) VALUES (1, 0, 'a', 'now', 'K', '{}', '{}', 'R')`);
    expect(() => db.exec('DELETE FROM corrections')).toThrow(/append-only/);
    db.exec(`UPDATE batches SET state = 'PURGED'`);
    db.exec('DELETE FROM corrections');
    expect(db.prepare('SELECT count(*) AS n FROM corrections').get()).toEqual({ n: 0 });
  });
});

describe('encrypted store', () => {
  it('refuses a wrong key with STORE_WRONG_KEY', () => {
    const { db, path } = openTemp();
    db.close();
    try {
      openStoreDb({ path, key: 'wrong' });
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('STORE_WRONG_KEY');
    }
  });

  it('refuses an edited migration with STORE_MIGRATION_EDITED', () => {
    const { db, path, key } = openTemp(tempDir());
    db.close();
    const edited = MIGRATIONS.map((m) => (m.id === 1 ? { ...m, sql: m.sql + '\n-- edited' } : m));
    try {
      openStoreDb({ path, key, migrations: edited });
      expect.unreachable();
    } catch (err) {
      expect((err as StoreError).code).toBe('STORE_MIGRATION_EDITED');
    }
  });

  it('the audit log can be appended to but not updated or deleted', () => {
    const { db } = openTemp();
    appendAudit(db, { operator: 'a', action: 'TEST' });
    for (const sql of [`UPDATE audit_log SET operator = 'b'`, 'DELETE FROM audit_log']) {
      let caught: unknown;
      try {
        db.exec(sql);
      } catch (err) {
        caught = toStoreError(err);
      }
      expect((caught as StoreError).code).toBe('STORE_APPEND_ONLY');
    }
    expect(db.prepare('SELECT operator FROM audit_log').all()).toEqual([{ operator: 'a' }]);
  });
});
