// The wizard's file is parsed and its rows are built in the import session's worker
// (electron/import/session.ts), not on the main thread: what the wizard sees and what the save
// stores must still be exactly what the engine's prepareImport gives for the same choices.
import { describe, expect, it } from 'vitest';
import { toValidation } from '../../../electron/api/batch-import.ts';
import { unstageAll } from '../../../electron/api/batch-staging.ts';
import { clearReadCache, holdsReadCache, prepareImport } from '../../../electron/import/index.ts';
import { holdsImportSession, sessionPreview } from '../../../electron/import/session.ts';
import type { ImportPreview, StagedFile } from '../../../shared/api/batch.ts';
import { bigAoa, nik, workbookBuffer } from '../../fixtures/import/make.ts';
import { apiSetup } from './helpers.ts';

const purpose = { letterNo: '470/7/DINSOS', receivedOn: '2026-11-30', channel: 'EMAIL', purpose: 'Verifikasi' };

/** Title rows, 3,000 people, then a duplicate, a damaged NIK and an empty one. */
function book(): Buffer {
  const rows = bigAoa(3_000);
  const aoa = [['DAFTAR PENERIMA 2026'], ['KEL. LAKESSI'], [], ...rows, [3001, rows[5]![1]!, 'DUA KALI', '', 'L', '', '', ''], [3002, '7.37201E+15', 'RUSAK', '', 'P', '', '', ''], [3003, '', 'KOSONG', '', '', '', '', '']];
  return workbookBuffer([{ name: 'DATA', aoa }]);
}

describe('the import session', () => {
  it('previews and saves off the main thread: same counts, rows and cells as prepareImport, no parsed copy kept here', async () => {
    const { call, db } = apiSetup();
    const bytes = book();
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'penerima.xlsx', dataBase64: bytes.toString('base64') });
    const first = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', agencyId: 901 });
    expect(first.headerRow).toBe(4);
    expect(first.above.map((r) => r.rowNo)).toEqual([1, 2]);
    // The parse lives in the session's worker; this thread holds no sheet rows.
    expect(holdsReadCache()).toBe(false);
    expect(holdsImportSession()).toBe(true);

    // ALAMAT set to "abaikan": the wizard sends the rest of its mapping.
    const map = Object.fromEntries(first.columns.filter((c) => c.field && c.field !== 'ALAMAT').map((c) => [c.field, c.index]));
    const p = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 4, map, agencyId: 901 });
    expect(p.columns.find((c) => c.header === 'ALAMAT')!.field).toBeNull();

    const ref = await prepareImport({ fileName: 'penerima.xlsx', bytes }, { sheet: 'DATA', headerRow: 4, map, review: true, exact: true });
    clearReadCache();
    expect(ref.mapping.some((m) => m.field === 'ALAMAT')).toBe(false);
    expect(p.validation).toEqual(toValidation(ref.summary));
    expect(p.validation).toMatchObject({ rows: 3_003, duplicates: 1, nikReasons: { KOSONG: 1, RUSAK_EXCEL: 1 } });
    expect(p.rows).toEqual(ref.preview.slice(0, p.rows.length).map((r) => ({ rowNo: r.rowNo, cells: r.cells.map((c) => (typeof c === 'string' ? c : c[0])) })));

    const saved = await call<{ batchId: number; validation: unknown }>('batch/save', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 4, map, agencyId: 901, ...purpose });
    expect(saved.validation).toEqual(p.validation);
    expect(holdsImportSession()).toBe(false);
    const stored = db
      .prepare('SELECT seq, row_no, cells, nik_input, nik, nik_reason, name, address, flags, duplicate_of_row FROM batch_rows WHERE batch_id = ? ORDER BY seq')
      .all(saved.batchId);
    expect(stored).toEqual(ref.rows.map((r) => ({
      seq: r.seq, row_no: r.rowNo, cells: JSON.stringify(r.cells), nik_input: r.nikInput, nik: r.nik, nik_reason: r.nikReason,
      name: r.name, address: null, flags: JSON.stringify(r.flags), duplicate_of_row: r.duplicateOfRow,
    })));
    // The mapping stated in the wizard is remembered for the agency, as before.
    expect(JSON.parse((db.prepare('SELECT column_map FROM agencies WHERE id = 901').get() as { column_map: string }).column_map)).not.toHaveProperty('ALAMAT');
  }, 60_000);

  it('a refused call keeps the session; the file leaving the staging area ends it', async () => {
    const { call, dispatch, dir } = apiSetup();
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'a.xlsx', dataBase64: workbookBuffer([{ name: 'S', aoa: [['NIK', 'NAMA'], [nik(1, 2, 80, 1), 'ANDI']] }]).toString('base64') });
    const outside = await dispatch('batch/preview', { stagedId: staged.stagedId, sheet: 'S', headerRow: 40 });
    expect(outside).toMatchObject({ ok: false, error: { code: 'NO_HEADER' } });
    const unmapped = await dispatch('batch/save', { stagedId: staged.stagedId, sheet: 'S', headerRow: 1, map: { NAMA: 1 }, agencyId: 901, ...purpose });
    expect(unmapped).toMatchObject({ ok: false, error: { code: 'NO_NIK_COLUMN' } });
    expect(holdsImportSession()).toBe(true);
    expect((await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'S' })).validation.rows).toBe(1);
    unstageAll(dir);
    expect(holdsImportSession()).toBe(false);
  }, 30_000);

  it('a session call past the time limit ends the session with the timeout message', async () => {
    const file = { fileName: 'besar.xlsx', bytes: workbookBuffer([{ name: 'S', aoa: bigAoa(20_000) }]) };
    await expect(sessionPreview(file, { aboveRows: 0, review: true }, { timeoutMs: 30 })).rejects.toMatchObject({ code: 'PARSE_TIMEOUT' });
    expect(holdsImportSession()).toBe(false);
  }, 30_000);
});
