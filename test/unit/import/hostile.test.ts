// Hostile and broken files: each gets its own Indonesian message, and neither the process,
// Object.prototype nor the encrypted store is harmed (checked through the real importFile).
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LIMITS, getSavedMap, importFile, listSheets, prepareImport, type ImportFileOptions } from '../../../electron/import/index.ts';
import { biffEncrypted, sniffFormat } from '../../../electron/import/sniff.ts';
import { verifyAudit } from '../../../electron/store/audit.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import {
  deflatedSheet, encryptedBiff2, encryptedOds, encryptedOdsWholePackage, encryptedOoxml, encryptedXls, hugeDimension,
  longLineCsv, notSpreadsheet, protoWorkbook, withSheet,
} from '../../fixtures/import/hostile.ts';
import { nik, tempDir, workbookBuffer, writeWorkbook } from '../../fixtures/import/make.ts';
import { writeZip } from '../../fixtures/import/zip.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const N1 = nik(12, 5, 80, 1);
const N2 = nik(3, 7, 91, 2, true);

function file(name: string, bytes: Buffer): string {
  const path = join(dir, name);
  writeFileSync(path, bytes);
  return path;
}

/** Nothing a hostile file named reached Object.prototype. */
function expectPrototypeClean(): void {
  const fresh = {} as Record<string, unknown>;
  for (const key of ['polluted', 'NIK', 'NAMA', 'x', 'y']) expect(fresh[key]).toBeUndefined();
  expect(Object.keys(Object.prototype)).toEqual([]);
  expect(Object.getOwnPropertyNames(Object.prototype).sort()).toEqual(PROTO_KEYS);
  expect(typeof fresh.toString).toBe('function');
  expect(typeof fresh.constructor).toBe('function');
}
const PROTO_KEYS = Object.getOwnPropertyNames(Object.prototype).sort();

describe('hostile files', () => {
  it('prototype pollution attempts through sheet names, headers, cells and the map', async () => {
    const path = file('proto.xlsx', protoWorkbook());
    const info = await listSheets(path);
    expect(info.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    const p = await prepareImport(path, { sheet: '__proto__', savedMap: JSON.parse('{"__proto__": {"polluted": 1}, "NAMA": "constructor"}') });
    expect(p.rows[0]!.nik).toBe(N1);
    await expect(prepareImport(path, { sheet: '__proto__', map: '__proto__=A' })).rejects.toMatchObject({ code: 'BAD_MAP' });
    await prepareImport(path, { sheet: 'constructor', map: 'NIK=NIK,NAMA=toString' });
    expectPrototypeClean();
  });

  it('a zip bomb declared honestly is refused before parsing', async () => {
    const bomb = await deflatedSheet(300 * 1024 * 1024);
    expect(bomb.deflated.length).toBeLessThan(2 * 1024 * 1024);
    const path = file('bomb.xlsx', withSheet(bomb));
    await expect(listSheets(path, { maxUnpackedBytes: 200 * 1024 * 1024 })).rejects.toMatchObject({ code: 'UNPACKED_TOO_LARGE', message: expect.stringContaining('tidak wajar') });
  });

  it('a zip bomb lying about its size is read only as far as it admits', async () => {
    const bomb = await deflatedSheet(300 * 1024 * 1024);
    const path = file('liar.xlsx', withSheet({ ...bomb, declaredSize: 1000 }));
    const res = await listSheets(path, { maxHeapMb: 256, timeoutMs: 30_000 }).catch((e: unknown) => e);
    if (res instanceof Error) expect(res).toMatchObject({ name: 'ImportError' });
    else expect((res as { sheets: { rows: number }[] }).sheets[0]!.rows).toBeLessThanOrEqual(1);
  });

  it('a bomb of millions of cells is stopped by the worker heap and time limits', async () => {
    const bomb = await deflatedSheet(400 * 1024 * 1024, '<row><c t="inlineStr"><is><t>7372011205800001</t></is></c></row>');
    const path = file('cells.xlsx', withSheet(bomb));
    const err = await listSheets(path, { maxHeapMb: 256, maxUnpackedBytes: 2 ** 31, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ImportError' });
    expect(['OUT_OF_MEMORY', 'PARSE_TIMEOUT', 'TOO_MANY_ROWS']).toContain((err as { code: string }).code);
    // The main process still works.
    expect((await listSheets(writeWorkbook(join(dir, 'after.xlsx'), [{ name: 'S', aoa: [['NIK'], [N1]] }]))).sheets[0]!.rows).toBe(2);
  });

  it('an enormous declared range (A1:XFD1048576) reads only the real cells', async () => {
    const path = file('dimension.xlsx', hugeDimension());
    const t = Date.now();
    const info = await listSheets(path);
    expect(info.sheets[0]).toEqual({ name: 'S', rows: 2, cols: 2 });
    expect(Date.now() - t).toBeLessThan(20_000);
    expect((await prepareImport(path)).rows).toHaveLength(1);
  });

  it('a CSV with a 10 MB line', async () => {
    const path = file('longline.csv', longLineCsv());
    await expect(listSheets(path)).rejects.toMatchObject({ code: 'CELL_TOO_LONG' });
  });

  it('too many rows and columns', async () => {
    const rows = join(dir, 'rows.csv');
    writeFileSync(rows, 'NIK\n' + `${N1}\n`.repeat(50));
    await expect(listSheets(rows, { maxRows: 20 })).rejects.toMatchObject({ code: 'TOO_MANY_ROWS', message: expect.stringContaining('Pecah') });
    const xrows = writeWorkbook(join(dir, 'rows.xlsx'), [{ name: 'S', aoa: [['NIK'], ...Array.from({ length: 50 }, () => [N1])] }]);
    await expect(listSheets(xrows, { maxRows: 20 })).rejects.toMatchObject({ code: 'TOO_MANY_ROWS' });
    const cols = join(dir, 'cols.csv');
    writeFileSync(cols, 'NIK' + ';X'.repeat(3000) + '\n');
    await expect(listSheets(cols)).rejects.toMatchObject({ code: 'TOO_MANY_COLUMNS' });
  });

  it('file size limit and parse timeout', async () => {
    const path = writeWorkbook(join(dir, 'size.xlsx'), [{ name: 'S', aoa: [['NIK'], [N1]] }]);
    await expect(listSheets(path, { maxFileBytes: 1000 })).rejects.toMatchObject({ code: 'FILE_TOO_LARGE', message: expect.stringContaining('melebihi batas') });
    const big = join(dir, 'slow.csv');
    writeFileSync(big, 'NIK;NAMA\n' + `${N1};NAMA\n`.repeat(200_000));
    await expect(listSheets(big, { timeoutMs: 50 })).rejects.toMatchObject({ code: 'PARSE_TIMEOUT', message: expect.stringContaining('detik') });
  });

  it('a binary that is not a spreadsheet, an empty file, a corrupt zip, a docx', async () => {
    const png = file('foto.xlsx', notSpreadsheet());
    await expect(listSheets(png)).rejects.toMatchObject({ code: 'NOT_A_SPREADSHEET', message: expect.stringContaining('bukan lembar kerja') });
    const empty = join(dir, 'kosong.xlsx');
    writeFileSync(empty, '');
    await expect(listSheets(empty)).rejects.toMatchObject({ code: 'EMPTY_FILE' });
    const good = workbookBuffer([{ name: 'S', aoa: [['NIK'], [N1]] }]);
    const broken = join(dir, 'rusak.xlsx');
    writeFileSync(broken, good.subarray(0, Math.floor(good.length / 2)));
    await expect(listSheets(broken)).rejects.toMatchObject({ code: 'CORRUPT_FILE', message: expect.stringContaining('rusak') });
    const docx = join(dir, 'surat.xlsx');
    writeFileSync(docx, writeZip([{ name: 'word/document.xml', data: Buffer.from('<w:document/>') }]));
    await expect(listSheets(docx)).rejects.toMatchObject({ code: 'NOT_A_SPREADSHEET' });
    await expect(listSheets(join(dir, 'tidak-ada.xlsx'))).rejects.toMatchObject({ code: 'FILE_NOT_FOUND' });
  });

  // Each must get the password message, never "corrupt" or "not a spreadsheet": the operator
  // then knows to ask for the file without a password instead of a re-send of the same file.
  it.each([
    ['rahasia.xlsx', 'an Office 2007+ workbook (EncryptionInfo, EncryptedPackage)', encryptedOoxml],
    ['rahasia.xls', 'an Excel 97-2003 .xls (FILEPASS, RC4)', () => encryptedXls('rc4')],
    ['rahasia-95.xls', 'an Excel 95 .xls (FILEPASS, XOR)', () => encryptedXls('xor')],
    ['rahasia-biff2.xls', 'a BIFF2 .xls without a container (FILEPASS)', encryptedBiff2],
    ['rahasia.ods', 'an .ods with encryption-data in its manifest', encryptedOds],
    ['rahasia-pgp.ods', 'an .ods encrypted as a whole package (no content.xml)', encryptedOdsWholePackage],
  ])('a password-protected file: %s, %s', async (name, _what, make) => {
    await expect(listSheets(file(name, make()))).rejects.toMatchObject({ code: 'PASSWORD_PROTECTED', message: expect.stringContaining('kata sandi') });
  });

  // By structure, before a parser runs: not by the wording of SheetJS's own errors.
  it('encryption is recognised from the bytes, and plain files are not mistaken for it', () => {
    const max = DEFAULT_LIMITS.maxUnpackedBytes;
    expect(() => sniffFormat(encryptedOds(), 'rahasia.ods', max)).toThrow(expect.objectContaining({ code: 'PASSWORD_PROTECTED' }));
    expect(() => sniffFormat(encryptedBiff2(), 'rahasia.xls', max)).toThrow(expect.objectContaining({ code: 'PASSWORD_PROTECTED' }));
    expect(sniffFormat(workbookBuffer([{ name: 'S', aoa: [['NIK'], [N1]] }], 'ods'), 'biasa.ods', max)).toBe('ods');
    const biff2 = workbookBuffer([{ name: 'S', aoa: [['NIK'], [N1]] }], 'biff2');
    expect(sniffFormat(biff2, 'biasa.xls', max)).toBe('xls');
    expect(biffEncrypted(biff2)).toBe(false);
    expect(biffEncrypted(encryptedBiff2())).toBe(true);
  });
});

describe('hostile files through importFile into the encrypted store', () => {
  const KEY = 'kunci-uji';
  let storeDir: string;
  let db: Db;
  let agencyId: number;
  const open = (): Db => openStoreDb({ path: join(storeDir, 'store.db'), key: KEY });
  const options = (extra: Partial<ImportFileOptions> = {}): ImportFileOptions => ({ purpose: { agencyId, letterNo: '400/9/DINSOS' }, operator: 'uji', ...extra });
  const CONFIRMED = { NIK: 'NIK', NAMA: 'NAMA' };

  beforeEach(() => {
    storeDir = tempDir('padan-hostile-store-');
    db = open();
    db.prepare(`INSERT OR IGNORE INTO agencies (name, code, created_at) VALUES ('Dinas Sosial', 'DINSOS', '2025-01-01')`).run();
    agencyId = (db.prepare(`SELECT id FROM agencies WHERE code = 'DINSOS'`).get() as { id: number }).id;
    db.prepare('UPDATE agencies SET column_map = ? WHERE id = ?').run(JSON.stringify(CONFIRMED), agencyId);
  });
  afterEach(() => db.close());

  /** What a refused import must leave exactly as it was. */
  type StoreState = Record<'batches' | 'batch_rows' | 'row_results' | 'batch_niks' | 'audit_log', number> & { savedMap: unknown };
  const state = (d: Db): StoreState => {
    const n = (t: string): number => (d.prepare(`SELECT count(*) n FROM ${t}`).get() as { n: number }).n;
    return { batches: n('batches'), batch_rows: n('batch_rows'), row_results: n('row_results'), batch_niks: n('batch_niks'), audit_log: n('audit_log'), savedMap: getSavedMap(d, agencyId) };
  };

  /** The store reopens with its key, is intact, and the next ordinary file imports whole. */
  async function expectStoreUnharmed(before: StoreState): Promise<void> {
    db.close();
    db = open();
    expect(db.pragma('integrity_check', { simple: true })).toBe('ok');
    expect(verifyAudit(db).ok).toBe(true);
    expect(state(db)).toEqual(before);
    const normal = writeWorkbook(join(storeDir, `biasa-${before.batches}.xlsx`), [{ name: 'DATA', aoa: [['NIK', 'NAMA'], [N1, 'ANDI'], [N2, 'SITI']] }]);
    const { batchId } = await importFile(db, normal, options());
    expect(db.prepare('SELECT nik, name FROM batch_rows WHERE batch_id = ? ORDER BY seq').all(batchId)).toEqual([{ nik: N1, name: 'ANDI' }, { nik: N2, name: 'SITI' }]);
    expect(state(db).batches).toBe(before.batches + 1);
  }

  let bomb: Buffer;
  beforeAll(async () => {
    // Honest about its size, and past the default limit users get (about 1 MB on disk).
    bomb = withSheet(await deflatedSheet(DEFAULT_LIMITS.maxUnpackedBytes + 64 * 1024 * 1024));
  });

  it.each([
    { name: 'proto.xlsx', make: protoWorkbook, extra: { sheet: '__proto__', map: '__proto__=A' }, code: 'BAD_MAP', says: '"__proto__" bukan nama kolom' },
    { name: 'bom.xlsx', make: () => bomb, extra: {}, code: 'UNPACKED_TOO_LARGE', says: 'tidak wajar' },
    { name: 'baris-panjang.csv', make: () => longLineCsv(), extra: {}, code: 'CELL_TOO_LONG', says: 'lebih panjang dari 32.767 karakter' },
    { name: 'foto.xlsx', make: notSpreadsheet, extra: {}, code: 'NOT_A_SPREADSHEET', says: 'bukan lembar kerja' },
    { name: 'rahasia.xls', make: () => encryptedXls(), extra: {}, code: 'PASSWORD_PROTECTED', says: 'kata sandi' },
  ])('$name is refused with $code and leaves no trace', async ({ name, make, extra, code, says }) => {
    const before = state(db);
    await expect(importFile(db, file(name, make()), options(extra))).rejects.toMatchObject({ name: 'ImportError', code, message: expect.stringContaining(says) });
    expect(state(db)).toEqual(before);
    expectPrototypeClean();
    await expectStoreUnharmed(before);
  });

  it('a workbook naming __proto__ and constructor imports as plain data', async () => {
    const path = file('proto-data.xlsx', protoWorkbook());
    const before = state(db);
    const a = await importFile(db, path, options({ sheet: '__proto__' }));
    const cells = db.prepare('SELECT cells FROM batch_rows WHERE batch_id = ?').pluck().get(a.batchId) as string;
    expect(JSON.parse(cells)).toEqual(['{"polluted":1}', 'x', N1, 'y']);
    const b = await importFile(db, path, options({ sheet: 'constructor', map: 'NIK=NIK,NAMA=toString', allowDuplicate: true }));
    expect(db.prepare('SELECT nik, name FROM batch_rows WHERE batch_id = ?').get(b.batchId)).toEqual({ nik: N1, name: '__proto__' });
    // An explicit map is remembered; a header called toString is just a header.
    expect(getSavedMap(db, agencyId)).toEqual({ NIK: 'NIK', NAMA: 'toString' });
    expect(state(db).batches).toBe(before.batches + 2);
    expectPrototypeClean();
    await expectStoreUnharmed(state(db));
  });

  it('an enormous declared range (A1:XFD1048576) stores only the real row, quickly', async () => {
    const t = Date.now();
    const { batchId } = await importFile(db, file('dimensi.xlsx', hugeDimension()), options());
    expect(Date.now() - t).toBeLessThan(20_000);
    expect(db.prepare('SELECT row_count FROM batches WHERE id = ?').pluck().get(batchId)).toBe(1);
    expect(db.prepare('SELECT nik, name FROM batch_rows WHERE batch_id = ?').all(batchId)).toEqual([{ nik: N1, name: 'ANDI' }]);
    expectPrototypeClean();
    await expectStoreUnharmed(state(db));
  });
});
