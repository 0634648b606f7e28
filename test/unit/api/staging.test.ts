// The import wizard's files are held in memory only (electron/api/batch-staging.ts): a copy
// on disk would be citizens' NIKs and names outside the encrypted store (UU 27/2022).
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MAX_HELD_BYTES, stageBytes, stagedFile, stagedStats, unstageAll } from '../../../electron/api/batch-staging.ts';
import { holdsReadCache } from '../../../electron/import/index.ts';
import { openRuntime } from '../../../electron/runtime/index.ts';
import { MAX_STAGED_BYTES, type BatchDetail, type ImportPreview, type StagedFile } from '../../../shared/api/batch.ts';
import { MESSY_NIKS, messyWorkbook } from '../../e2e/impor-workbook.ts';
import { apiSetup } from './helpers.ts';

const purpose = { letterNo: '470/9/DINSOS', receivedOn: '2026-11-30', channel: 'EMAIL', purpose: 'Verifikasi' };
const HOUR = 60 * 60 * 1000;

const CSV_NIKS = ['7372011205800001', '7372015306850002', '7372024107910003'];
const csv = Buffer.from(`NIK;NAMA;TGL LAHIR\n${CSV_NIKS[0]};ANDI BASO;12-05-1980\n${CSV_NIKS[1]};SITTI AMINAH;13-06-1985\n${CSV_NIKS[2]};HASNAH;01-07-1991\n`);

function filesUnder(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    return e.isDirectory() ? filesUnder(p) : [p];
  });
}

/** Every file under the data dir (the encrypted store, its WAL and lock included) holding any of the needles. */
function filesHolding(dir: string, needles: Buffer[]): string[] {
  return filesUnder(dir).filter((f) => {
    const bytes = readFileSync(f);
    return needles.some((n) => bytes.includes(n));
  });
}

async function expectNotFound(r: Promise<{ ok: boolean; error?: { code: string; message: string } }>): Promise<void> {
  const res = await r;
  expect(res.ok).toBe(false);
  expect(res.error?.code).toBe('STAGED_NOT_FOUND');
  expect(res.error?.message).toMatch(/Pilih berkasnya lagi/);
}

describe('staged agency files', () => {
  it('never touch the disk: after staging and preview no file under the data dir holds the file or a NIK from it', async () => {
    const { call, dir } = apiSetup();
    const book = messyWorkbook();
    const a = await call<StagedFile>('batch/stageFile', { fileName: 'dtks.csv', dataBase64: csv.toString('base64') });
    const b = await call<StagedFile>('batch/stageFile', { fileName: 'BPNT LAKESSI.xlsx', dataBase64: book.toString('base64') });
    expect(a.sheets[0]!.rows).toBe(4);
    await call<ImportPreview>('batch/preview', { stagedId: a.stagedId, sheet: a.sheets[0]!.name, agencyId: 901 });
    await call<ImportPreview>('batch/preview', { stagedId: b.stagedId, sheet: 'DATA', agencyId: 901 });
    expect(existsSync(join(dir, 'staging'))).toBe(false);
    const needles = [csv, book, ...[...CSV_NIKS, ...MESSY_NIKS].map((n) => Buffer.from(n))];
    expect(filesUnder(dir).length).toBeGreaterThan(0);
    expect(filesHolding(dir, needles)).toEqual([]);
  }, 30_000);

  it('stage, preview twice and save from memory; the saved file is let go and the store holds no plaintext NIK', async () => {
    const { call, dispatch, dir } = apiSetup();
    const held = stagedStats().files;
    const staged = await call<StagedFile>('batch/stageFile', { fileName: '..\\..\\Data Dinsos/dtks:2026.csv', dataBase64: csv.toString('base64') });
    // The name is sanitised as before: no folders, no odd marks.
    expect(staged.fileName).toBe('dtks_2026.csv');
    expect(staged.sizeBytes).toBe(csv.length);
    expect(stagedStats().files).toBe(held + 1);
    const sheet = staged.sheets[0]!.name;
    const first = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet });
    const map = Object.fromEntries(first.columns.filter((c) => c.field).map((c) => [c.field, c.index]));
    // A second preview and the save read the same staged bytes: the reader must not have consumed them.
    const again = await call<ImportPreview>('batch/preview', { stagedId: staged.stagedId, sheet, map, agencyId: 901 });
    expect(again.rows).toEqual(first.rows);
    expect(Buffer.from(stagedFile(dir, staged.stagedId).bytes).equals(csv)).toBe(true);
    const saved = await call<{ batchId: number }>('batch/save', { stagedId: staged.stagedId, sheet, map, agencyId: 901, ...purpose });
    const detail = await call<BatchDetail>('batch/get', { batchId: saved.batchId });
    expect(detail).toMatchObject({ rowCount: 3, fileName: 'dtks_2026.csv', state: 'IMPORTED' });
    expect(stagedStats().files).toBe(held);
    expect(holdsReadCache()).toBe(false);
    await expectNotFound(dispatch('batch/preview', { stagedId: staged.stagedId, sheet }));
    await expectNotFound(dispatch('batch/save', { stagedId: staged.stagedId, sheet, map, agencyId: 901, ...purpose }));
    expect(existsSync(join(dir, 'staging'))).toBe(false);
    expect(filesHolding(dir, [csv, ...CSV_NIKS.map((n) => Buffer.from(n))])).toEqual([]);
  }, 30_000);

  it('unknown, expired, or another store\'s stagedId: STAGED_NOT_FOUND', async () => {
    const { dispatch, dir } = apiSetup();
    await expectNotFound(dispatch('batch/preview', { stagedId: 'ab'.repeat(16), sheet: 'DATA' }));
    const old = stageBytes(dir, 'lama.csv', csv.toString('base64'), Date.now() - 13 * HOUR);
    await expectNotFound(dispatch('batch/preview', { stagedId: old.stagedId, sheet: 'lama' }));
    const other = stageBytes(mkdtempSync(join(tmpdir(), 'padan-other-')), 'lain.csv', csv.toString('base64'));
    await expectNotFound(dispatch('batch/preview', { stagedId: other.stagedId, sheet: 'lain' }));
  });

  it('expire after 12 hours at the next staging', () => {
    const dir = mkdtempSync(join(tmpdir(), 'padan-staging-'));
    const now = Date.now();
    const old = stageBytes(dir, 'lama.csv', csv.toString('base64'), now - 13 * HOUR);
    const recent = stageBytes(dir, 'baru.csv', csv.toString('base64'), now - 11 * HOUR);
    const held = stagedStats().files;
    stageBytes(dir, 'kini.csv', csv.toString('base64'), now);
    expect(stagedStats().files).toBe(held);
    expect(() => stagedFile(dir, old.stagedId, now)).toThrow(expect.objectContaining({ code: 'STAGED_NOT_FOUND' }));
    expect(stagedFile(dir, recent.stagedId, now).fileName).toBe('baru.csv');
    unstageAll(dir);
  });

  it('hold at most MAX_HELD_BYTES: the oldest go without an error, the newest stay', () => {
    const dir = mkdtempSync(join(tmpdir(), 'padan-staging-'));
    const big = Buffer.alloc(MAX_STAGED_BYTES, 0x41).toString('base64');
    const ids = Array.from({ length: Math.floor(MAX_HELD_BYTES / MAX_STAGED_BYTES) + 2 }, (_, i) => stageBytes(dir, `b${i}.csv`, big).stagedId);
    expect(stagedStats().bytes).toBeLessThanOrEqual(MAX_HELD_BYTES);
    expect(() => stagedFile(dir, ids[0]!)).toThrow(expect.objectContaining({ code: 'STAGED_NOT_FOUND' }));
    expect(() => stagedFile(dir, ids[1]!)).toThrow(expect.objectContaining({ code: 'STAGED_NOT_FOUND' }));
    for (const id of ids.slice(2)) expect(stagedFile(dir, id).bytes.length).toBe(MAX_STAGED_BYTES);
    unstageAll(dir);
  });

  it('refuse empty and too large files in Indonesian, holding nothing', () => {
    const dir = mkdtempSync(join(tmpdir(), 'padan-staging-'));
    const held = stagedStats();
    expect(() => stageBytes(dir, 'a.csv', '')).toThrow(expect.objectContaining({ code: 'EMPTY_FILE', message: expect.stringContaining('Berkas kosong') }));
    const tooBig = Buffer.alloc(MAX_STAGED_BYTES + 1).toString('base64');
    expect(() => stageBytes(dir, 'a.csv', tooBig)).toThrow(expect.objectContaining({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('melebihi batas') }));
    expect(stagedStats()).toEqual(held);
  });

  it('startup removes a staging folder left by an earlier version; closing the runtime lets go of its staged files', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'padan-staging-'));
    const leftover = join(dataDir, 'staging', 'ab'.repeat(16));
    mkdirSync(leftover, { recursive: true });
    writeFileSync(join(leftover, 'dtks.csv'), csv);
    writeFileSync(join(dataDir, 'keep.txt'), 'not staging');
    const runtime = openRuntime({ host: 'cli', dataDir, key: 'ab'.repeat(32), keyProtection: 'env' });
    let stagedId = '';
    try {
      expect(existsSync(join(dataDir, 'staging'))).toBe(false);
      expect(statSync(join(dataDir, 'keep.txt')).isFile()).toBe(true);
      stagedId = stageBytes(dataDir, 'dtks.csv', csv.toString('base64')).stagedId;
      expect(Buffer.from(stagedFile(dataDir, stagedId).bytes).equals(csv)).toBe(true);
    } finally {
      await runtime.close();
    }
    expect(() => stagedFile(dataDir, stagedId)).toThrow(expect.objectContaining({ code: 'STAGED_NOT_FOUND' }));
  });
});
