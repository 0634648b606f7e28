import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { BatchDetail, ImportPreview, StagedFile } from '../../../shared/api/batch.ts';
import { stagedStats } from '../../../electron/api/batch-staging.ts';
import { MAX_STAGED_BYTES } from '../../../shared/api/batch.ts';
import { headerlessWorkbook, messyWorkbook, nomorWorkbook } from '../../e2e/impor-workbook.ts';
import { apiSetup } from './helpers.ts';

const purpose = { letterNo: '470/123/DINSOS', receivedOn: '2026-11-30', channel: 'EMAIL', purpose: 'Verifikasi penerima BPNT 2026' };

describe('batch API: the import wizard', () => {
  it('stages a messy workbook, previews header and mapping, saves, and refuses the same file twice', async () => {
    const { call, dispatch, dir } = apiSetup();
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'BPNT LAKESSI.xlsx', dataBase64: messyWorkbook().toString('base64') });
    expect(staged.sheets.map((s) => s.name)).toEqual(['SAMPUL', 'DATA']);
    const preview = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', agencyId: 901 });
    expect(preview.headerRow).toBe(4);
    const byField = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field, c.letter]));
    expect(byField).toMatchObject({ NIK: 'B', NAMA: 'C', TGL_LHR: 'E', JENIS_KELAMIN: 'F', NO_KK: 'G' });
    expect(preview.columns.find((c) => c.letter === 'A')!.field).toBeNull();
    expect(preview.above.map((r) => r.rowNo)).toEqual([1, 2]);
    expect(preview.validation.rows).toBe(5);
    expect(preview.validation.duplicates).toBe(1);
    expect(preview.validation.nikReasons.KOSONG).toBe(1);
    expect(preview.duplicateOf).toBeNull();

    const map = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field, c.index]));
    const saved = await call<{ batchId: number }>('batch/save', { stagedId: staged.stagedId, sheet: 'DATA', map, agencyId: 901, ...purpose });
    const detail = await call<BatchDetail>('batch/get', { batchId: saved.batchId });
    expect(detail).toMatchObject({ rowCount: 5, purpose: purpose.purpose, letterNo: purpose.letterNo, state: 'IMPORTED' });
    // Staged files are held in memory only, and the saved one is let go.
    expect(existsSync(join(dir, 'staging'))).toBe(false);
    const gone = await dispatch('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA' });
    expect(gone.ok).toBe(false);
    if (!gone.ok) expect(gone.error.code).toBe('STAGED_NOT_FOUND');

    const again = await call<StagedFile>('batch/stageFile', { fileName: 'salinan.xlsx', dataBase64: messyWorkbook().toString('base64') });
    const p2 = await call<ImportPreview>('batch/preview', { stagedId: again.stagedId, sheet: 'DATA', agencyId: 901 });
    expect(p2.duplicateOf?.batchId).toBe(saved.batchId);
    const dup = await dispatch('batch/save', { stagedId: again.stagedId, sheet: 'DATA', map, agencyId: 901, ...purpose });
    expect(dup.ok).toBe(false);
    if (!dup.ok) expect(dup.error.code).toBe('DUPLICATE_FILE');
    const ok = await call<{ batchId: number }>('batch/save', { stagedId: again.stagedId, sheet: 'DATA', map, agencyId: 901, ...purpose, allowDuplicate: true });
    expect(ok.batchId).toBeGreaterThan(saved.batchId);
  }, 30_000);

  it('keeps a column the user set to "abaikan" unmapped, in the preview and in the saved batch', async () => {
    const { call } = apiSetup();
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'a.xlsx', dataBase64: messyWorkbook().toString('base64') });
    const first = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA' });
    const map = Object.fromEntries(first.columns.filter((c) => c.field && c.field !== 'ALAMAT').map((c) => [c.field, c.index]));
    const p = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: first.headerRow, map });
    expect(p.columns.find((c) => c.letter === 'H')!.field).toBeNull();
    const saved = await call<{ batchId: number }>('batch/save', { stagedId: staged.stagedId, sheet: 'DATA', map, agencyId: 902, ...purpose });
    const detail = await call<BatchDetail>('batch/get', { batchId: saved.batchId });
    expect(Object.keys(detail.columnMap)).not.toContain('ALAMAT');
  }, 30_000);

  it('refuses a file that is not a spreadsheet in Indonesian and keeps no staged copy', async () => {
    const { dispatch, dir } = apiSetup();
    const held = stagedStats().files;
    const r = await dispatch('batch/stageFile', { fileName: 'foto.png', dataBase64: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0]).toString('base64') });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.error.message).toMatch(/bukan lembar kerja|tidak dapat dibaca|rusak/);
    expect(existsSync(join(dir, 'staging'))).toBe(false);
    expect(stagedStats().files).toBe(held);
  });

  it('changing one column marks only that column as chosen by hand; the others keep their detected confidence', async () => {
    const { call } = apiSetup();
    // The NIK column is found by its content (no header names it): detected, but not certain.
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'a.xlsx', dataBase64: headerlessWorkbook().toString('base64') });
    const first = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA' });
    const nik = first.columns.find((c) => c.field === 'NIK')!;
    expect(nik).toMatchObject({ letter: 'A', manual: false });
    expect(nik.confidence).toBeGreaterThan(0);
    expect(nik.confidence).toBeLessThan(1);
    const p = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 1, map: { NIK: 0, NAMA: 1 } });
    expect(p.columns[0]).toMatchObject({ field: 'NIK', manual: false, confidence: nik.confidence });
    expect(p.columns[1]).toMatchObject({ field: 'NAMA', manual: true, confidence: 0 });
    expect(p.columns[2]).toMatchObject({ field: null, manual: false });
  }, 30_000);

  it('a sheet with no NIK column is previewed for the user to choose it, and saving without one says what to do', async () => {
    const { call, dispatch } = apiSetup();
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'umkm.xlsx', dataBase64: nomorWorkbook().toString('base64') });
    const p = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA' });
    expect(p).toMatchObject({ headerRow: 3, headerDetected: true });
    expect(p.columns.some((c) => c.field === 'NIK')).toBe(false);
    expect(p.rows.map((r) => r.rowNo)).toEqual([4, 5, 6]);
    const unmapped = await dispatch('batch/save', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 3, map: { NAMA: 2 }, agencyId: 901, ...purpose });
    expect(unmapped).toMatchObject({ ok: false, error: { code: 'NO_NIK_COLUMN', message: expect.stringContaining('pilih "NIK"') } });
    if (!unmapped.ok) expect(unmapped.error.message).not.toContain('--');
    const byHand = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 3, map: { NIK: 1, NAMA: 2 } });
    expect(byHand.validation).toMatchObject({ rows: 3, validNik: 3 });
    expect(byHand.columns[1]).toMatchObject({ field: 'NIK', manual: true });
    const saved = await call<{ batchId: number }>('batch/save', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 3, map: { NIK: 1, NAMA: 2 }, agencyId: 901, ...purpose });
    expect((await call<BatchDetail>('batch/get', { batchId: saved.batchId })).rowCount).toBe(3);
  }, 30_000);

  it('a sheet with no recognisable header row is previewed with its first filled row standing in', async () => {
    const { call, dispatch } = apiSetup();
    const staged = await call<StagedFile>('batch/stageFile', { fileName: 'tanpa-judul.xlsx', dataBase64: headerlessWorkbook().toString('base64') });
    const p = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA' });
    expect(p).toMatchObject({ headerRow: 1, headerDetected: false });
    expect(p.validation.rows).toBe(3);
    // A header row the user typed outside the sheet: what is wrong, in the wizard's words.
    const outside = await dispatch('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 40 });
    expect(outside).toMatchObject({ ok: false, error: { code: 'NO_HEADER', message: expect.stringContaining('hanya sampai baris 4') } });
    if (!outside.ok) expect(outside.error.message).not.toContain('--');
    const chosen = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet: 'DATA', headerRow: 1, map: { NIK: 0, NAMA: 1 } });
    expect(chosen).toMatchObject({ headerRow: 1, headerDetected: true });
    expect(chosen.validation).toMatchObject({ rows: 3, validNik: 3 });
  }, 30_000);

  it('refuses a file over the size limit in Indonesian, naming the limit and what to do', async () => {
    const { dispatch } = apiSetup();
    const r = await dispatch('batch/stageFile', { fileName: 'besar.xlsx', dataBase64: 'A'.repeat(Math.ceil(((MAX_STAGED_BYTES + 1024) * 4) / 3)) });
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.error.message).toContain(`batas ${MAX_STAGED_BYTES / 1048576} MB`);
    expect(r.error.message).toMatch(/Pecah berkas/);
    expect(r.error.message).not.toMatch(/Too big|expected/i);
  });
});
