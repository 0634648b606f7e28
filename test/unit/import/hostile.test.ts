// Hostile and broken files: each gets its own Indonesian message, and neither the process
// nor Object.prototype is harmed.
import * as XLSX from '@e965/xlsx';
import { createDeflateRaw, crc32 } from 'node:zlib';
import { randomBytes } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSheets, prepareImport } from '../../../electron/import/index.ts';
import { nik, tempDir, workbookBuffer, writeWorkbook } from '../../fixtures/import/make.ts';
import { readZip, writeZip } from '../../fixtures/import/zip.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const N1 = nik(12, 5, 80, 1);

/** Deflates `total` bytes of sheet XML (a valid head, then padding) without holding them. */
async function deflatedSheet(total: number, unit = ' '): Promise<{ deflated: Buffer; crc: number; size: number }> {
  const head = Buffer.from('<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData><row r="1"><c r="A1" t="inlineStr"><is><t>NIK</t></is></c></row>');
  const tail = Buffer.from('</sheetData></worksheet>');
  const pad = Buffer.from(unit.repeat(Math.floor((1 << 20) / unit.length)));
  const z = createDeflateRaw({ level: 9 });
  const chunks: Buffer[] = [];
  z.on('data', (c: Buffer) => chunks.push(c));
  let crc = crc32(head);
  z.write(head);
  let size = head.length;
  while (size + pad.length + tail.length <= total) {
    z.write(pad);
    crc = crc32(pad, crc);
    size += pad.length;
  }
  z.write(tail);
  crc = crc32(tail, crc);
  size += tail.length;
  await new Promise<void>((res) => z.end(res));
  return { deflated: Buffer.concat(chunks), crc, size };
}

function replaceSheet(xlsx: Buffer, entry: { deflated: Buffer; crc: number; size: number; declaredSize?: number }): Buffer {
  return writeZip(readZip(xlsx).map((e) => (e.name === 'xl/worksheets/sheet1.xml' ? { name: e.name, data: Buffer.alloc(0), ...entry } : e)));
}

describe('hostile files', () => {
  it('prototype pollution attempts through sheet names, headers, cells and the map', async () => {
    const path = writeWorkbook(join(dir, 'proto.xlsx'), [
      { name: '__proto__', aoa: [['__proto__', 'constructor', 'NIK', 'prototype'], ['{"polluted":1}', 'x', N1, 'y']] },
      { name: 'constructor', aoa: [['NIK', 'toString'], [N1, '__proto__']] },
    ]);
    const info = await listSheets(path);
    expect(info.sheets.map((s) => s.name)).toEqual(['__proto__', 'constructor']);
    const p = await prepareImport(path, { sheet: '__proto__', savedMap: JSON.parse('{"__proto__": {"polluted": 1}, "NAMA": "constructor"}') });
    expect(p.rows[0]!.nik).toBe(N1);
    await expect(prepareImport(path, { sheet: '__proto__', map: '__proto__=A' })).rejects.toMatchObject({ code: 'BAD_MAP' });
    await prepareImport(path, { sheet: 'constructor', map: 'NIK=NIK,NAMA=toString' });
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.prototype.hasOwnProperty.call(Object.prototype, 'polluted')).toBe(false);
    expect(typeof ({} as { toString: unknown }).toString).toBe('function');
  });

  it('a zip bomb declared honestly is refused before parsing', async () => {
    const bomb = await deflatedSheet(300 * 1024 * 1024);
    expect(bomb.deflated.length).toBeLessThan(2 * 1024 * 1024);
    const path = join(dir, 'bomb.xlsx');
    writeFileSync(path, replaceSheet(workbookBuffer([{ name: 'S', aoa: [['NIK'], [N1]] }]), bomb));
    await expect(listSheets(path, { maxUnpackedBytes: 200 * 1024 * 1024 })).rejects.toMatchObject({ code: 'UNPACKED_TOO_LARGE', message: expect.stringContaining('tidak wajar') });
  });

  it('a zip bomb lying about its size is read only as far as it admits', async () => {
    const bomb = await deflatedSheet(300 * 1024 * 1024);
    const path = join(dir, 'liar.xlsx');
    writeFileSync(path, replaceSheet(workbookBuffer([{ name: 'S', aoa: [['NIK'], [N1]] }]), { ...bomb, declaredSize: 1000 }));
    const res = await listSheets(path, { maxHeapMb: 256, timeoutMs: 30_000 }).catch((e: unknown) => e);
    if (res instanceof Error) expect(res).toMatchObject({ name: 'ImportError' });
    else expect((res as { sheets: { rows: number }[] }).sheets[0]!.rows).toBeLessThanOrEqual(1);
  });

  it('a bomb of millions of cells is stopped by the worker heap and time limits', async () => {
    const bomb = await deflatedSheet(400 * 1024 * 1024, '<row><c t="inlineStr"><is><t>7372011205800001</t></is></c></row>');
    const path = join(dir, 'cells.xlsx');
    writeFileSync(path, replaceSheet(workbookBuffer([{ name: 'S', aoa: [['NIK'], [N1]] }]), bomb));
    const err = await listSheets(path, { maxHeapMb: 256, maxUnpackedBytes: 2 ** 31, timeoutMs: 60_000 }).catch((e: unknown) => e);
    expect(err).toMatchObject({ name: 'ImportError' });
    expect(['OUT_OF_MEMORY', 'PARSE_TIMEOUT', 'TOO_MANY_ROWS']).toContain((err as { code: string }).code);
    // The main process still works.
    expect((await listSheets(writeWorkbook(join(dir, 'after.xlsx'), [{ name: 'S', aoa: [['NIK'], [N1]] }]))).sheets[0]!.rows).toBe(2);
  });

  it('an enormous declared range (A1:XFD1048576) reads only the real cells', async () => {
    const src = workbookBuffer([{ name: 'S', aoa: [['NIK', 'NAMA'], [N1, 'A']] }]);
    const patched = writeZip(readZip(src).map((e) => (e.name === 'xl/worksheets/sheet1.xml'
      ? { name: e.name, data: Buffer.from(e.data.toString('utf8').replace(/<dimension ref="[^"]*"\/>/, '<dimension ref="A1:XFD1048576"/>')) }
      : e)));
    const path = join(dir, 'dimension.xlsx');
    writeFileSync(path, patched);
    const t = Date.now();
    const info = await listSheets(path);
    expect(info.sheets[0]).toEqual({ name: 'S', rows: 2, cols: 2 });
    expect(Date.now() - t).toBeLessThan(20_000);
    expect((await prepareImport(path)).rows).toHaveLength(1);
  });

  it('a CSV with a 10 MB line', async () => {
    const path = join(dir, 'longline.csv');
    writeFileSync(path, `NIK;NAMA\n${N1};${'A'.repeat(10 * 1024 * 1024)}\n`);
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
    const png = join(dir, 'foto.xlsx');
    writeFileSync(png, Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d]), randomBytes(4096)]));
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

  it('a password-protected (encrypted CFB) workbook', async () => {
    const cfb = XLSX.CFB.utils.cfb_new();
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptionInfo', Buffer.from([4, 0, 4, 0, 0x40, 0, 0, 0]));
    XLSX.CFB.utils.cfb_add(cfb, '/EncryptedPackage', randomBytes(4096));
    const path = join(dir, 'rahasia.xlsx');
    writeFileSync(path, XLSX.CFB.write(cfb, { type: 'buffer' }) as Buffer);
    await expect(listSheets(path)).rejects.toMatchObject({ code: 'PASSWORD_PROTECTED', message: expect.stringContaining('kata sandi') });
  });
});
