// Storing a batch: one transaction, rows verbatim, results BELUM_DIPERIKSA, audit entry,
// duplicate files recognised, the agency's confirmed mapping remembered (the CLI command has
// its own file, cli-import.test.ts).
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreDb } from '../../../electron/store/open.ts';
import { verifyAudit } from '../../../electron/store/audit.ts';
import { getSavedMap, importFile, prepareImport, saveBatch } from '../../../electron/import/index.ts';
import { bigAoa, nik, tempDir, writeWorkbook } from '../../fixtures/import/make.ts';

let dir: string;
let db: Db;
let agencyId: number;
const N1 = nik(12, 5, 80, 1);
const purpose = () => ({ agencyId, letterNo: '400/123/DINSOS', receivedOn: '2025-01-15', channel: 'EMAIL' as const });

beforeEach(() => {
  dir = tempDir();
  db = openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
  // The store's migrations may already seed the city's agencies.
  db.prepare(`INSERT OR IGNORE INTO agencies (name, code, created_at) VALUES ('Dinas Sosial', 'DINSOS', '2025-01-01')`).run();
  agencyId = (db.prepare(`SELECT id FROM agencies WHERE code = 'DINSOS'`).get() as { id: number }).id;
});
afterEach(() => db.close());

function sample(): string {
  return writeWorkbook(join(dir, 'bpnt.xlsx'), [{
    name: 'BPNT',
    aoa: [['DAFTAR BPNT'], ['NO', 'NO. NIK', 'NAMA PENERIMA', 'TGL LAHIR', 'JK'], [1, N1, 'ANDI', '12-05-1980', 'L'], [2, 7372011205800010, 'BUDI', 'x', 'L'], [3, N1, 'ANDI', '12-05-1980', 'L'], [4, '', 'KOSONG', '', '']],
  }]);
}

describe('saveBatch', () => {
  it('stores batch, rows, results and audit in one transaction', async () => {
    const preview = await prepareImport(sample());
    const { batchId, summary } = saveBatch(db, preview, purpose(), 'operator1');
    expect(summary.rows).toBe(4);
    const b = db.prepare('SELECT * FROM batches WHERE id = ?').get(batchId) as Record<string, unknown>;
    expect(b).toMatchObject({ agency_id: agencyId, letter_no: '400/123/DINSOS', received_on: '2025-01-15', channel: 'EMAIL', file_name: 'bpnt.xlsx', sheet_name: 'BPNT', header_row: 2, state: 'IMPORTED', row_count: 4, created_by: 'operator1' });
    expect(b.file_sha256).toBe(preview.file.sha256);
    expect(JSON.parse(b.column_map as string)).toMatchObject({ NIK: 1, NAMA: 2, TGL_LHR: 3, JENIS_KELAMIN: 4 });
    const rows = db.prepare('SELECT * FROM batch_rows WHERE batch_id = ? ORDER BY seq').all(batchId) as Record<string, unknown>[];
    expect(rows.map((r) => r.row_no)).toEqual([3, 4, 5, 6]);
    expect(rows[0]).toMatchObject({ nik_input: N1, nik: N1, nik_reason: null, nik_suspect: 0, name: 'ANDI', birth_date: '1980-05-12', sex: '1', duplicate_of_row: null });
    expect(JSON.parse(rows[1]!.cells as string)[1]).toEqual(['7.37201E+15', 7372011205800010]);
    expect(rows[1]).toMatchObject({ nik: '7372011205800010', nik_suspect: 1, birth_date: null, birth_date_raw: 'x' });
    expect(JSON.parse(rows[1]!.flags as string)).toEqual(expect.arrayContaining(['NIK_CURIGA_EXCEL', 'TGL_TIDAK_TERBACA']));
    expect(rows[2]).toMatchObject({ duplicate_of_row: 3 });
    expect(rows[3]).toMatchObject({ nik: null, nik_reason: 'KOSONG' });
    const results = db.prepare('SELECT status, reason FROM row_results WHERE batch_id = ?').all(batchId);
    expect(results).toEqual(Array(4).fill({ status: 'BELUM_DIPERIKSA', reason: null }));
    const audit = db.prepare('SELECT * FROM audit_log').all() as { action: string; batch_id: number; detail: string }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ action: 'IMPORT', batch_id: batchId });
    expect(JSON.parse(audit[0]!.detail)).toMatchObject({ fileName: 'bpnt.xlsx', sha256: preview.file.sha256, rows: 4, sheet: 'BPNT' });
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('recognises the same file for the same agency', async () => {
    const preview = await prepareImport(sample());
    const first = saveBatch(db, preview, purpose(), 'op');
    let err: unknown;
    try {
      saveBatch(db, preview, purpose(), 'op');
    } catch (e) {
      err = e;
    }
    expect(err).toMatchObject({ code: 'DUPLICATE_FILE', data: { batchId: first.batchId } });
    expect((db.prepare('SELECT count(*) n FROM batches').get() as { n: number }).n).toBe(1);
    expect((db.prepare('SELECT count(*) n FROM audit_log').get() as { n: number }).n).toBe(1);
    const again = saveBatch(db, preview, purpose(), 'op', { allowDuplicate: true });
    expect(again.batchId).not.toBe(first.batchId);
  });

  it('rolls back everything when a row fails', async () => {
    const preview = await prepareImport(sample());
    (preview.rows[2] as { seq: number }).seq = 0; // primary-key clash mid-batch
    expect(() => saveBatch(db, preview, purpose(), 'op')).toThrow();
    for (const t of ['batches', 'batch_rows', 'row_results', 'audit_log']) {
      expect((db.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n).toBe(0);
    }
  });

  it('remembers the confirmed mapping and offers it next time', async () => {
    const path = writeWorkbook(join(dir, 'a.xlsx'), [{ name: 'S', aoa: [['NIK', 'PENDUDUK'], [N1, 'ANDI']] }]);
    await importFile(db, path, { map: 'NIK=A,NAMA=B', purpose: purpose(), operator: 'op' });
    expect(getSavedMap(db, agencyId)).toEqual({ NIK: 'NIK', NAMA: 'PENDUDUK' });
    const next = writeWorkbook(join(dir, 'b.xlsx'), [{ name: 'S', aoa: [['PENDUDUK', 'NIK'], ['BUDI', N1]] }]);
    const r = await importFile(db, next, { purpose: purpose(), operator: 'op' });
    expect(r.preview.mapping.find((m) => m.field === 'NAMA')).toMatchObject({ letter: 'A', source: 'SAVED' });
  });

  it('a wholly detected mapping does not replace the confirmed one (padan match, scripts)', async () => {
    await importFile(db, writeWorkbook(join(dir, 'a.xlsx'), [{ name: 'S', aoa: [['NIK', 'PENDUDUK'], [N1, 'ANDI']] }]), { map: 'NIK=A,NAMA=B', purpose: purpose(), operator: 'op' });
    const guessed = writeWorkbook(join(dir, 'b.xlsx'), [{ name: 'S', aoa: [['NIK', 'NAMA LENGKAP'], [N1, 'ANDI']] }]);
    // Both the streamed path (importFile) and the in-memory one (saveBatch) store batches.
    const r = await importFile(db, guessed, { purpose: purpose(), operator: 'op' });
    expect(r.preview.mapping.map((m) => m.source)).not.toContain('MANUAL');
    saveBatch(db, await prepareImport(guessed), purpose(), 'op', { allowDuplicate: true });
    expect(getSavedMap(db, agencyId)).toEqual({ NIK: 'NIK', NAMA: 'PENDUDUK' });
  });

  // Speed is the benchmark's business (npm run bench); this checks that a big batch lands whole.
  it('stores 100,000 rows with a result row and a NIK index entry each', async () => {
    const path = writeWorkbook(join(dir, 'big.xlsx'), [{ name: 'DATA', aoa: bigAoa(100_000) }]);
    const preview = await prepareImport(path);
    const { batchId } = saveBatch(db, preview, purpose(), 'op');
    const n = (sql: string): number => (db.prepare(sql).get(batchId) as { n: number }).n;
    expect(n('SELECT count(*) n FROM batch_rows WHERE batch_id = ?')).toBe(100_000);
    expect(n(`SELECT count(*) n FROM row_results WHERE batch_id = ? AND status = 'BELUM_DIPERIKSA'`)).toBe(100_000);
    expect(n('SELECT count(*) n FROM batch_niks WHERE batch_id = ?')).toBe(n('SELECT count(*) n FROM batch_rows WHERE batch_id = ? AND nik IS NOT NULL'));
    expect(n('SELECT count(*) n FROM batch_niks k JOIN batch_rows r ON r.batch_id = k.batch_id AND r.seq = k.seq AND r.nik = k.nik WHERE k.batch_id = ?')).toBe(
      n('SELECT count(*) n FROM batch_niks WHERE batch_id = ?'),
    );
  }, 180_000);
});
