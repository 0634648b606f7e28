import { createHash } from 'node:crypto';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { StoreError } from './errors.ts';
import type { Migration } from './migrations/index.ts';

export function migrationHash(m: Migration): string {
  return createHash('sha256').update(m.sql).digest('hex');
}

/**
 * Applies pending migrations, each in its own transaction, and refuses to open a store
 * whose applied migrations were edited afterwards (their stored hash differs).
 */
export function migrate(db: Database, migrations: readonly Migration[]): number[] {
  db.exec(`CREATE TABLE IF NOT EXISTS schema_migrations (
    id INTEGER PRIMARY KEY, name TEXT NOT NULL, sha256 TEXT NOT NULL, applied_at TEXT NOT NULL)`);
  const applied = new Map(
    (db.prepare('SELECT id, name, sha256 FROM schema_migrations').all() as { id: number; name: string; sha256: string }[]).map(
      (r) => [r.id, r],
    ),
  );
  const known = new Set(migrations.map((m) => m.id));
  for (const id of applied.keys()) {
    if (!known.has(id)) {
      throw new StoreError(
        'STORE_NEWER_SCHEMA',
        `Basis data lokal dibuat oleh versi Padan yang lebih baru (migrasi ${id}). Perbarui aplikasi Padan.`,
      );
    }
  }
  const done: number[] = [];
  for (const m of [...migrations].sort((a, b) => a.id - b.id)) {
    const hash = migrationHash(m);
    const prior = applied.get(m.id);
    if (prior) {
      if (prior.sha256 !== hash) {
        throw new StoreError(
          'STORE_MIGRATION_EDITED',
          `Migrasi ${m.name} telah diubah setelah diterapkan; basis data tidak dibuka agar tidak rusak. ` +
            'Kembalikan berkas migrasi itu dan tambahkan perubahan sebagai migrasi baru.',
        );
      }
      continue;
    }
    db.transaction(() => {
      db.exec(m.sql);
      db.prepare('INSERT INTO schema_migrations (id, name, sha256, applied_at) VALUES (?, ?, ?, ?)').run(
        m.id,
        m.name,
        hash,
        new Date().toISOString(),
      );
    })();
    done.push(m.id);
  }
  return done;
}
