import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { StoreError } from '../../../electron/store/errors.ts';
import { keyMaterial, openStoreDb } from '../../../electron/store/open.ts';

describe('store keys', () => {
  const raw = 'ab'.repeat(32);

  it('uses a generated 256-bit hex key raw and a passphrase stretched', () => {
    expect(keyMaterial(raw)).toBe(`x'${raw}'`);
    expect(keyMaterial('kata sandi kantor')).toBe('kata sandi kantor');
    expect(keyMaterial('ab'.repeat(31))).toBe('ab'.repeat(31));
  });

  it('opens with the raw key, refuses another raw key and the same text as a passphrase, and writes no plaintext', () => {
    const path = join(mkdtempSync(join(tmpdir(), 'padan-rawkey-')), 'padan.db');
    const db = openStoreDb({ path, key: raw });
    db.prepare(`INSERT INTO settings (key, value, updated_at) VALUES ('probe', '"7372011205800001"', 'now')`).run();
    db.pragma('wal_checkpoint(TRUNCATE)');
    db.close();
    expect(readFileSync(path).includes(Buffer.from('7372011205800001'))).toBe(false);
    expect(() => openStoreDb({ path, key: 'cd'.repeat(32) })).toThrow(StoreError);
    const reopened = openStoreDb({ path, key: raw });
    expect(reopened.prepare(`SELECT value FROM settings WHERE key = 'probe'`).get()).toEqual({ value: '"7372011205800001"' });
    reopened.close();
  });
});
