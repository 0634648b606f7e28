// Full disk, read-only data folder, and a second process on the same store.
import { spawnSync } from 'node:child_process';
import { chmodSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { acquireStoreLock, STORE_IN_USE_MESSAGE } from '../../../electron/auth/store-lock.ts';
import { StoreError, toStoreError } from '../../../electron/store/errors.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { openTemp, seedBatch, tempDir } from '../store/helpers.ts';

function storeErrorOf(fn: () => unknown): StoreError {
  try {
    fn();
  } catch (err) {
    const e = toStoreError(err);
    expect(e).toBeInstanceOf(StoreError);
    return e as StoreError;
  }
  throw new Error('expected a failure');
}

describe('store failures', () => {
  it('a full disk (max_page_count) gives STORE_DISK_FULL and loses nothing committed', () => {
    const { db } = openTemp();
    seedBatch(db, { rows: 10 });
    const pages = db.pragma('page_count', { simple: true }) as number;
    db.pragma(`max_page_count = ${pages + 2}`);
    const e = storeErrorOf(() => seedBatch(db, { rows: 5000, offset: 100 }));
    expect(e.code).toBe('STORE_DISK_FULL');
    expect(e.message).toMatch(/Disk penuh/);
    expect(db.prepare('SELECT count(*) AS n FROM batch_rows').get()).toEqual({ n: 10 });
  });

  it('a read-only store gives STORE_READ_ONLY', () => {
    const { db, path, key } = openTemp();
    db.close();
    // chmod cannot stop root, so the read-only case is also forced with a read-only open.
    const ro = new Database(path, { readonly: true });
    ro.pragma(`cipher='sqlcipher'`);
    ro.pragma('legacy=4');
    ro.key(Buffer.from(key));
    const e = storeErrorOf(() => ro.exec(`INSERT INTO settings (key, value, updated_at) VALUES ('x', '1', 'now')`));
    expect(e.code).toBe('STORE_READ_ONLY');
    expect(e.message).toMatch(/tidak dapat ditulis/);
    ro.close();
  });

  it(`a read-only data folder (chmod 0500) gives STORE_READ_ONLY${process.getuid?.() === 0 ? ' [skipped: running as root, where chmod does not stop writes]' : ''}`, (t) => {
    if (process.getuid?.() === 0) {
      console.warn('SKIPPED: tests run as root, and chmod 0500 does not stop root from writing; covered by the read-only open test above.');
      t.skip();
      return;
    }
    const dir = tempDir();
    chmodSync(dir, 0o500);
    try {
      const e = storeErrorOf(() => openStoreDb({ path: join(dir, 'padan.db'), key: 'k' }));
      expect(e.code).toBe('STORE_READ_ONLY');
    } finally {
      chmodSync(dir, 0o700);
    }
  });
});

describe('single instance', () => {
  it('refuses a second holder politely, releases, and takes over a stale lock', () => {
    const dir = tempDir();
    const lock = acquireStoreLock(dir);
    expect(() => acquireStoreLock(dir)).toThrow(STORE_IN_USE_MESSAGE);
    lock.release();
    const again = acquireStoreLock(dir);
    again.release();

    // A lock left by a process that died (crash, power cut) is stale.
    const dead = spawnSync(process.execPath, ['-e', 'process.stdout.write(String(process.pid))']).stdout.toString();
    writeFileSync(join(dir, 'padan.lock'), `${dead}\n`);
    const taken = acquireStoreLock(dir);
    expect(taken.path).toBe(join(dir, 'padan.lock'));
    taken.release();
  });

  it('a lock held by another live process is respected', () => {
    const dir = tempDir();
    writeFileSync(join(dir, 'padan.lock'), `${process.ppid}\n`);
    expect(() => acquireStoreLock(dir)).toThrow(expect.objectContaining({ code: 'AUTH_STORE_IN_USE' }));
  });
});
