// Every format an agency sends, and every NIK defect of domain.md §4, read end to end.
import iconv from 'iconv-lite';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { listSheets, prepareImport } from '../../../electron/import/index.ts';
import { excelDate, nik, tempDir, writeWorkbook, type Aoa } from '../../fixtures/import/make.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const N1 = nik(12, 5, 80, 1); // 7372011205800001
const N2 = nik(3, 2, 75, 12, true);

const defects: Aoa = [
  ['DAFTAR PENERIMA BPNT KEL. LAKESSI 2021'],
  [],
  ['NO', 'NIK', 'NAMA', 'TGL LAHIR', 'JK'],
  [1, N1, 'ANDI BASO', '12-05-1980', 'L'],
  [2, `'${N2}`, 'ST. AMINAH', '03/02/1975', 'P'],
  [3, 7372011205800010, 'NUMERIC SUSPECT', '12 Mei 1980', 'L'],
  [4, '7.37201E+15', 'SCI TEXT', '12 MEI 80', 'L'],
  [5, '', 'TANPA NIK', '', ''],
  [6, '737201120580001', 'KURANG DIGIT', 'kemarin', 'L'],
  [7, N1, 'DUPLIKAT', '12/06/1980', 'P'],
  [8, `7372 0112 0580 0002`, 'SPASI', excelDate(12, 5, 1980), 'LAKI-LAKI'],
  [],
  ['JUMLAH', '', '8 orang'],
];

function checkDefects(p: Awaited<ReturnType<typeof prepareImport>>): void {
  expect(p.headerRow).toBe(3);
  expect(p.rows.map((r) => r.rowNo)).toEqual([4, 5, 6, 7, 8, 9, 10, 11]);
  const [a, b, c, d, e, f, g, h] = p.rows;
  expect(a).toMatchObject({ nik: N1, nikReason: null, birthDate: '1980-05-12', sex: '1', flags: [] });
  expect(b).toMatchObject({ nik: N2, nikInput: `'${N2}`, birthDate: '1975-02-03', sex: '2' });
  expect(d).toMatchObject({ nik: null, nikReason: 'RUSAK_EXCEL', birthDate: '1980-05-12' });
  expect(e).toMatchObject({ nikReason: 'KOSONG' });
  expect(f).toMatchObject({ nikReason: 'FORMAT', birthDate: null, birthDateRaw: 'kemarin' });
  expect(f!.flags).toContain('TGL_TIDAK_TERBACA');
  expect(g).toMatchObject({ nik: N1, duplicateOfRow: 4 });
  expect(g!.flags).toEqual(expect.arrayContaining(['NIK_GANDA', 'NIK_TGL_BEDA', 'NIK_JK_BEDA']));
  expect(h).toMatchObject({ nik: '7372011205800002', sex: '1' });
  expect(p.summary).toMatchObject({
    rows: 8, nikReasons: { KOSONG: 1, FORMAT: 1, RUSAK_EXCEL: 1 }, duplicates: 1, unreadableDates: 1, nikBirthDateDiffers: 1, nikSexDiffers: 1,
  });
  void c;
}

describe.each(['xlsx', 'xls', 'ods'] as const)('%s workbook with every NIK defect', (bookType) => {
  it('reads, detects the header, cleans and flags', async () => {
    const path = writeWorkbook(join(dir, `defects.${bookType}`), [{ name: 'BPNT', aoa: defects }], bookType === 'xls' ? 'biff8' : bookType);
    const p = await prepareImport(path, { referenceYear: 2025 });
    checkDefects(p);
    // A numeric 16-digit cell keeps its number and is suspect.
    expect(p.rows[2]).toMatchObject({ nik: '7372011205800010', nikSuspect: true });
    expect(p.rows[2]!.flags).toContain('NIK_CURIGA_EXCEL');
    expect(Array.isArray(p.rows[2]!.cells[1])).toBe(true);
    expect(p.summary.suspects).toBe(1);
    expect(p.rows[7]!.birthDate).toBe('1980-05-12'); // a date cell: its serial
  });
});

/** As Excel saves a sheet as CSV: every cell as it is shown, a date cell as dd/mm/yyyy. */
function csvText(delim: string): string {
  const shown = (v: Aoa[number][number]): string =>
    v === null || v === undefined ? '' : typeof v === 'object' ? v.date.split('-').reverse().join('/') : String(v);
  return defects
    .map((r) => r.map(shown).map((v) => (v.includes(delim) ? `"${v}"` : v)).join(delim))
    .join('\r\n');
}

describe('CSV', () => {
  it.each([
    ['utf-8 ,', Buffer.from(csvText(','), 'utf8'), ',', 'utf-8'],
    ['utf-8 BOM ;', Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(csvText(';'), 'utf8')]), ';', 'utf-8-bom'],
    ['windows-1252 ;', iconv.encode(csvText(';').replace('ANDI BASO', 'ANDI BASÖ'), 'win1252'), ';', 'windows-1252'],
    ['tab', Buffer.from(csvText('\t'), 'utf8'), '\t', 'utf-8'],
  ])('%s: detects encoding and delimiter, cells stay text', async (label, buf, delim, enc) => {
    const path = join(dir, `${label.replace(/\W/g, '_')}.csv`);
    writeFileSync(path, buf);
    const info = await listSheets(path);
    expect(info).toMatchObject({ format: 'csv', delimiter: delim, encoding: enc });
    const p = await prepareImport(path, { referenceYear: 2025 });
    checkDefects(p);
    if (enc === 'windows-1252') expect(p.rows[0]!.name).toBe('ANDI BASÖ');
    // The numeric-looking NIK of a CSV is text: not suspect, never a number.
    expect(p.rows[2]).toMatchObject({ nik: '7372011205800010', nikSuspect: false });
  });
  it('keeps leading zeros (0012 stays 0012)', async () => {
    const path = join(dir, 'zeros.csv');
    writeFileSync(path, `NIK;NAMA;RT\n${N1};A;0012\n`);
    const p = await prepareImport(path);
    expect(p.rows[0]!.rt).toBe('0012');
    expect(p.rows[0]!.cells).toEqual([N1, 'A', '0012']);
  });
});

describe('CSV quotes', () => {
  const rows = (from: number, n: number): string[] => Array.from({ length: n }, (_, k) => `${nik(1, 1, 80, from + k)};WARGA ${from + k}`);
  const write = (name: string, lines: string[]): string => {
    const path = join(dir, name);
    writeFileSync(path, lines.join('\r\n') + '\r\n');
    return path;
  };
  it('a quote never closed is refused, naming the line it opens on, instead of swallowing the rest', async () => {
    const path = write('petik-terbuka.csv', ['NIK;NAMA', ...rows(1, 2), `${nik(1, 1, 80, 3)};"ANDI BASO`, ...rows(4, 50)]);
    const err = listSheets(path);
    await expect(err).rejects.toMatchObject({ name: 'ImportError', code: 'CSV_UNCLOSED_QUOTE', data: { line: 4 } });
    await expect(err).rejects.toThrow(/dibuka di baris 4 .*simpan ulang sebagai CSV/);
  });
  it('a stray quote closed by another far below is refused too', async () => {
    const path = write('petik-nyasar.csv', ['NIK;NAMA', ...rows(1, 5), `${nik(1, 1, 80, 6)};"ANDI`, ...rows(7, 30), `${nik(1, 1, 80, 37)};BASO"`, ...rows(38, 5)]);
    await expect(listSheets(path)).rejects.toMatchObject({ code: 'CSV_UNCLOSED_QUOTE', data: { line: 7 } });
  });
  it('quoted cells with the delimiter, doubled quotes and a few line breaks are read whole', async () => {
    const path = write('petik-sah.csv', ['NIK;NAMA;ALAMAT', `${N1};"BASO; ANDI";"JL. BAU MASSEPE\nRT 001\nRW 002"`, `${N2};"SITI ""ICHA""";JL. A`]);
    const p = await prepareImport(path);
    expect(p.rows.map((r) => [r.nik, r.name, r.address])).toEqual([
      [N1, 'BASO; ANDI', 'JL. BAU MASSEPE RT 001 RW 002'],
      [N2, 'SITI "ICHA"', 'JL. A'],
    ]);
    expect(p.rows[0]!.cells[2]).toBe('JL. BAU MASSEPE\nRT 001\nRW 002');
  });
});

describe('sheets', () => {
  it('lists every sheet with its row count; the caller picks one', async () => {
    const path = writeWorkbook(join(dir, 'multi.xlsx'), [
      { name: 'KETERANGAN', aoa: [['Data dari Dinas Sosial'], ['Tahun 2021']] },
      { name: 'DATA', aoa: [['NIK', 'NAMA'], [N1, 'A'], [N2, 'B']] },
      { name: 'LAIN', aoa: [['NIK', 'NAMA'], [N2, 'C']] },
    ]);
    const info = await listSheets(path);
    expect(info.sheets).toEqual([{ name: 'KETERANGAN', rows: 2, cols: 1 }, { name: 'DATA', rows: 3, cols: 2 }, { name: 'LAIN', rows: 2, cols: 2 }]);
    expect(info.sha256).toMatch(/^[0-9a-f]{64}$/);
    expect((await prepareImport(path)).sheet).toBe('DATA'); // first sheet with a header
    expect((await prepareImport(path, { sheet: 'LAIN' })).rows[0]!.name).toBe('C');
    await expect(prepareImport(path, { sheet: 'TIDAK ADA' })).rejects.toMatchObject({ code: 'SHEET_NOT_FOUND' });
  });
});

describe('HTML table saved as .xls (a common web-portal export)', () => {
  it('reads it as a sheet', async () => {
    const path = join(dir, 'portal.xls');
    writeFileSync(path, `<html><body><table><tr><td>NIK</td><td>NAMA</td></tr><tr><td>${N1}</td><td>ANDI</td></tr></table></body></html>`);
    const p = await prepareImport(path);
    expect(p.file.format).toBe('xml');
    expect(p.rows[0]).toMatchObject({ name: 'ANDI' });
    // SheetJS may turn the HTML cell into a number; either way the NIK must survive or be flagged.
    expect(p.rows[0]!.nik === N1 || p.rows[0]!.nikReason !== null).toBe(true);
  });
});
