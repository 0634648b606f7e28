// A file given as bytes (the wizard's staged file, held in memory only) reads, previews,
// imports and is cached exactly like the same file given by path.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearReadCache, importFile, listSheets, prepareImport, readWorkbook, type FileBytes } from '../../../electron/import/index.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { bigAoa, nik, tempDir, writeWorkbook } from '../../fixtures/import/make.ts';

let dir: string;
let db: Db;
const purpose = { agencyId: 1 };
const rowsOf = (batchId: number): unknown[] =>
  (db.prepare('SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY seq').all(batchId) as Record<string, unknown>[]).map(({ batch_id: _b, ...r }) => r);

beforeEach(() => {
  dir = tempDir();
  db = openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
  clearReadCache();
});
afterEach(() => db.close());

function workbook(rows = 50): { path: string; file: FileBytes } {
  const path = writeWorkbook(join(dir, 'bpnt.xlsx'), [{ name: 'COVER', aoa: [['catatan']] }, { name: 'DATA', aoa: [['DAFTAR'], ...bigAoa(rows)] }]);
  return { path, file: { fileName: 'bpnt.xlsx', bytes: readFileSync(path) } };
}

describe('import from bytes', () => {
  it('lists sheets and prepares the same preview as from the path, with no path', async () => {
    const { path, file } = workbook();
    const fromPath = await prepareImport(path);
    clearReadCache();
    const fromBytes = await prepareImport(file);
    expect(fromBytes.file).toEqual({ ...fromPath.file, path: null });
    expect(fromBytes.rows).toEqual(fromPath.rows);
    expect(fromBytes.mapping).toEqual(fromPath.mapping);
    expect((await listSheets(file)).sheets.map((s) => s.name)).toEqual(['COVER', 'DATA']);
  });

  it('parses once for the same bytes (a preview then the save), and leaves the caller\'s buffer whole', async () => {
    const { file } = workbook();
    const before = Buffer.from(file.bytes);
    const first = await readWorkbook(file);
    expect(await readWorkbook(file)).toBe(first);
    // Known by content: an equal copy under the same name is the same file.
    expect(await readWorkbook({ fileName: 'bpnt.xlsx', bytes: Buffer.from(file.bytes) })).toBe(first);
    expect(file.bytes.byteLength).toBe(before.length);
    expect(Buffer.from(file.bytes).equals(before)).toBe(true);
    // The name decides CSV or XML, so another name is another read.
    expect(await readWorkbook({ fileName: 'lain.xlsx', bytes: file.bytes })).not.toBe(first);
  });

  it('sends the worker only the file\'s own bytes, even from a pooled Buffer', async () => {
    const text = `NIK;NAMA\n${nik(12, 5, 80, 1)};ANDI\n`;
    // Small Buffers share Node's pool with unrelated data; hash and size must be this file's alone.
    const bytes = Buffer.from(text);
    const r = await readWorkbook({ fileName: 'kecil.csv', bytes });
    expect(r.sizeBytes).toBe(bytes.length);
    expect(r.sha256).toBe(createHash('sha256').update(text).digest('hex'));
    expect(r.sheets[0]!.rows[1]).toEqual([nik(12, 5, 80, 1), 'ANDI']);
  });

  it('applies the same size checks as to a file on disk, in Indonesian', async () => {
    await expect(readWorkbook({ fileName: 'a.csv', bytes: new Uint8Array(0) })).rejects.toMatchObject({ code: 'EMPTY_FILE', message: expect.stringContaining('Berkas kosong') });
    const { file } = workbook();
    await expect(readWorkbook(file, { maxFileBytes: 100 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('melebihi batas') });
    await expect(readWorkbook({ fileName: 'x.xlsx', bytes: Buffer.from('bukan zip sama sekali \x00\x01\x02') })).rejects.toMatchObject({ name: 'ImportError' });
  });

  it('imports streamed and from the cache, storing what the path import stores under the given name', async () => {
    const { path, file } = workbook(2_000);
    const byPath = await importFile(db, path, { purpose, operator: 'op', allowDuplicate: true, rememberMapping: false });
    clearReadCache();
    const streamed = await importFile(db, file, { purpose, operator: 'op', allowDuplicate: true, rememberMapping: false });
    await listSheets(file);
    const cached = await importFile(db, file, { purpose, operator: 'op', allowDuplicate: true, rememberMapping: false });
    expect(streamed.preview.file.path).toBeNull();
    expect(streamed.summary).toEqual(byPath.summary);
    expect(cached.summary).toEqual(byPath.summary);
    expect(rowsOf(streamed.batchId)).toEqual(rowsOf(byPath.batchId));
    expect(rowsOf(cached.batchId)).toEqual(rowsOf(byPath.batchId));
    const names = db.prepare('SELECT file_name FROM batches ORDER BY id').pluck().all();
    expect(names).toEqual(['bpnt.xlsx', 'bpnt.xlsx', 'bpnt.xlsx']);
    expect(file.bytes.byteLength).toBeGreaterThan(0);
  }, 60_000);
});
