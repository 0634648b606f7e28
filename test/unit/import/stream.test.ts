// importFile's streamed path (the worker builds rows while the main thread stores them) must
// store exactly what prepareImport + saveBatch store, in one transaction that a failure
// rolls back whole.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { clearReadCache, importFile, prepareImport, saveBatch } from '../../../electron/import/index.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { bigAoa, nik, tempDir, writeWorkbook } from '../../fixtures/import/make.ts';

let dir: string;
let db: Db;
const purpose = { agencyId: 1 };
const count = (t: string): number => (db.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
const stored = (batchId: number): unknown[] =>
  (db.prepare('SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY seq').all(batchId) as Record<string, unknown>[]).map(({ batch_id: _b, ...r }) => r);

/** batch_niks of a batch, and what it must hold: each non-null NIK of its rows with its seq. */
const niksOf = (batchId: number) => db.prepare('SELECT nik, seq FROM batch_niks WHERE batch_id = ? ORDER BY nik, seq').all(batchId);
const niksExpected = (batchId: number) =>
  db.prepare('SELECT nik, seq FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL ORDER BY nik, seq').all(batchId);

beforeEach(() => {
  dir = tempDir();
  db = openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
  clearReadCache();
});
afterEach(() => db.close());

function workbook(rows: number): string {
  const aoa = bigAoa(rows);
  // Findings the builder must carry across chunks: a duplicate far from its first row, bad dates.
  aoa.push([nik(12, 5, 80, 1), 'ANDI', 'x', 'L'], aoa[1]!.slice());
  return writeWorkbook(join(dir, 'b.xlsx'), [{ name: 'COVER', aoa: [['catatan']] }, { name: 'DATA', aoa: [['DAFTAR'], ...aoa] }]);
}

describe('importFile (streamed)', () => {
  it('stores the same rows, results, summary and preview as prepareImport + saveBatch', async () => {
    const path = workbook(5_000);
    const streamed = await importFile(db, path, { purpose, operator: 'op', rememberMapping: false });
    clearReadCache();
    const preview = await prepareImport(path, { savedMap: null });
    const saved = saveBatch(db, preview, purpose, 'op', { allowDuplicate: true, rememberMapping: false });
    expect(streamed.summary).toEqual(saved.summary);
    expect(streamed.preview.preview).toEqual(preview.preview);
    expect(streamed.preview.mapping).toEqual(preview.mapping);
    expect(streamed.preview.file).toEqual(preview.file);
    expect(stored(streamed.batchId)).toEqual(stored(saved.batchId));
    expect(count('row_results')).toBe(2 * preview.rows.length);
    // The worker sorts the streamed batch's NIKs; saveBatch sorts its own: same index either way.
    expect(niksOf(streamed.batchId)).toEqual(niksExpected(streamed.batchId));
    expect(niksOf(saved.batchId)).toEqual(niksExpected(saved.batchId));
    expect(niksOf(streamed.batchId).length).toBeGreaterThan(4_000);
    expect(streamed.summary.duplicates).toBeGreaterThan(0);
  }, 60_000);

  it('rolls everything back on a duplicate file, and reports it like saveBatch', async () => {
    const path = workbook(3_000);
    const first = await importFile(db, path, { purpose, operator: 'op' });
    clearReadCache();
    await expect(importFile(db, path, { purpose, operator: 'op' })).rejects.toMatchObject({ code: 'DUPLICATE_FILE', data: { batchId: first.batchId } });
    expect(count('batches')).toBe(1);
    expect(count('batch_rows')).toBe(3_002);
    expect(count('batch_niks')).toBe(niksExpected(first.batchId).length);
    expect(count('audit_log')).toBe(1);
  }, 60_000);

  it('reports planning errors from the worker as before (no NIK column), writing nothing', async () => {
    const path = writeWorkbook(join(dir, 'n.xlsx'), [{ name: 'S', aoa: [['NAMA', 'ALAMAT'], ['ANDI', 'JL. A']] }]);
    await expect(importFile(db, path, { purpose, operator: 'op' })).rejects.toMatchObject({ name: 'ImportError' });
    expect(count('batches')).toBe(0);
  });
});
