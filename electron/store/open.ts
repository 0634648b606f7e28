import Database from 'better-sqlite3-multiple-ciphers';
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { StoreError, toStoreError } from './errors.ts';
import { migrate } from './migrate.ts';
import { MIGRATIONS, type Migration } from './migrations/index.ts';

export interface OpenStoreOptions {
  path: string;
  key: string;
  migrations?: readonly Migration[];
}

/**
 * The keys Padan makes itself (app: safeStorage, CLI: key file) are 32 random bytes in hex:
 * they go to SQLCipher as a raw key, skipping the PBKDF2 stretching (~0.4 s per open) that
 * only a human passphrase needs. Anything else (a PADAN_DB_KEY passphrase) is stretched.
 */
export function keyMaterial(key: string): string {
  return /^[0-9a-f]{64}$/i.test(key) ? `x'${key}'` : key;
}

/**
 * Opens the encrypted local store (SQLCipher scheme), checks the key before anything else,
 * switches to WAL and applies migrations. A wrong key is a StoreError, never a crash.
 */
export function openStoreDb(opts: OpenStoreOptions): Db {
  if (!opts.key) throw new StoreError('STORE_WRONG_KEY', 'Kunci enkripsi basis data lokal kosong.');
  mkdirSync(dirname(opts.path), { recursive: true });
  let db: Db;
  try {
    db = new Database(opts.path);
  } catch (err) {
    throw toStoreError(err);
  }
  try {
    db.pragma(`cipher='sqlcipher'`);
    db.pragma(`legacy=4`);
    db.key(Buffer.from(keyMaterial(opts.key), 'utf8'));
    // The first read decrypts page 1: a wrong key fails here with SQLITE_NOTADB.
    db.prepare('SELECT count(*) FROM sqlite_master').get();
    db.pragma('journal_mode = WAL');
    db.pragma('synchronous = NORMAL');
    db.pragma('foreign_keys = ON');
    db.pragma('secure_delete = ON');
    db.pragma('busy_timeout = 2000');
    // 4 MiB of page cache (SQLite's default is 2 MiB). 16 MiB paid off while the batch's NIKs
    // had a random-order index (its pages spilled and came back mid-import); with batch_niks
    // written in key order (migration 0030) a bigger cache only moves page writes into the
    // commit. Measured: 100,000-row import 1.21x the raw read at 4 MiB, 1.26x at 2 MiB, 1.30x
    // at 16 MiB; matching was no faster at 16 MiB than at 2 MiB.
    db.pragma('cache_size = -4096');
    migrate(db, opts.migrations ?? MIGRATIONS);
    return db;
  } catch (err) {
    db.close();
    throw toStoreError(err);
  }
}
