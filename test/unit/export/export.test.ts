import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { exportBatch } from '../../../electron/export/index.ts';
import { resultCsv } from '../../../electron/export/csv.ts';
import { buildResultRows } from '../../../electron/export/result-rows.ts';
import { cellText } from '../../../electron/export/cells.ts';
import { person, seedBatch, tempStore } from './fixture.ts';

const { db, dir } = tempStore();
const NIK_A = '7372015205800001';
const HOSTILE = ['=HYPERLINK("http://x.test","klik")', '+6281234567', '-', '@x'];
let batchId = 0;

beforeAll(() => {
  db.prepare(`UPDATE agencies SET allowed_elements = '["NAMA","NO_KK"]' WHERE code = 'DINKES'`).run();
  batchId = seedBatch(db, {
    agencyCode: 'DINKES',
    programCode: 'PBI',
    rows: [
      { cells: ['1', NIK_A, 'MUH. AKBAR', '12-05-1980', HOSTILE[0]], nik: NIK_A, status: 'AKTIF', registry: person(NIK_A, 'MUHAMMAD AKBAR'),
        elements: { NAMA: 'MIRIP', TGL_LHR: 'TIDAK_SESUAI' } },
      { cells: ['2', '7372010101800002', 'BETA', '01-01-1980', HOSTILE[1]], nik: '7372010101800002', status: 'INVALID', reason: 'TIDAK_DITEMUKAN' },
      { cells: [{ t: 's', v: '7.37201E+15', w: '7.37201E+15' }, '7.37201E+15', 'GAMMA', '', HOSTILE[2]], nik: null, status: 'INVALID', reason: 'RUSAK_EXCEL' },
      { cells: [['4', 4], '7372010101800004', 'DELTA', '02-02-1980', HOSTILE[3]], nik: '7372010101800004', status: 'MENINGGAL', registry: person('7372010101800004', 'DELTA'),
        elements: { NAMA: 'SESUAI', TGL_LHR: 'SESUAI' } },
      { cells: ['5', '7372010101800005', 'EPSILON', '03-03-1980', ''], nik: '7372010101800005', status: null },
    ],
  });
});

describe('result workbook', () => {
  let wb: XLSX.WorkBook;
  let ws: XLSX.WorkSheet;
  let header: string[];
  const col = (name: string) => XLSX.utils.encode_col(header.indexOf(name));

  beforeAll(async () => {
    const out = join(dir, 'hasil.xlsx');
    const r = await exportBatch(db, batchId, { out, operator: 'budi' });
    expect(r.rows).toBe(5);
    expect(r.bytes).toBeGreaterThan(1000);
    wb = XLSX.read(readFileSync(out), { cellStyles: true });
    ws = wb.Sheets.Hasil!;
    header = (XLSX.utils.sheet_to_json<string[]>(ws, { header: 1 })[0] ?? []) as string[];
  });

  it('has the agency columns in order, then STATUS, KETERANGAN, results, allowed SIAK values only', () => {
    expect(wb.SheetNames).toEqual(['Hasil', 'Ringkasan']);
    expect(header).toEqual(['NO', 'NIK', 'NAMA', 'TGL LAHIR', 'NO HP', 'STATUS', 'KETERANGAN', 'HASIL NAMA', 'HASIL TANGGAL LAHIR', 'SIAK NAMA', 'SIAK NO KK']);
    expect(header.some((h) => /SIAK (TANGGAL|TEMPAT|NAMA IBU|ALAMAT)/.test(h))).toBe(false);
    expect(ws[`${col('SIAK NAMA')}2`]?.v).toBe('MUHAMMAD AKBAR');
    expect(ws[`${col('KETERANGAN')}2`]?.v).toBe('Nama mirip; tanggal lahir tidak sesuai');
    expect(ws[`${col('KETERANGAN')}3`]?.v).toBe('NIK tidak ditemukan di SIAK');
    expect(ws[`${col('STATUS')}6`]?.v).toBe('BELUM DIPERIKSA');
    expect(ws[`${col('HASIL TANGGAL LAHIR')}2`]?.v).toBe('TIDAK SESUAI');
  });

  it('writes NIKs as text and keeps formula-like values as text without a formula', () => {
    expect(ws.B2).toMatchObject({ t: 's', v: NIK_A });
    expect(ws.B4).toMatchObject({ t: 's', v: '7.37201E+15' });
    expect(ws.A4?.v).toBe('7.37201E+15');
    HOSTILE.forEach((h, i) => {
      const c = ws[`E${i + 2}`]!;
      expect(c.t).toBe('s');
      expect(c.v).toBe(h);
      expect(c.f).toBeUndefined();
    });
    for (const [k, c] of Object.entries(ws)) if (!k.startsWith('!')) expect((c as XLSX.CellObject).f, k).toBeUndefined();
  });

  it('colours status cells and differing element cells, bold header, filter, widths', () => {
    const fill = (ref: string) => (ws[ref]?.s as { fgColor?: { rgb?: string } } | undefined)?.fgColor?.rgb;
    const s = col('STATUS');
    expect(fill(`${s}2`)).toMatch(/C6EFCE$/i);
    expect(fill(`${s}3`)).toMatch(/FFC7CE$/i);
    expect(fill(`${s}5`)).toMatch(/D9D9D9$/i);
    expect(fill(`${col('HASIL NAMA')}2`)).toMatch(/FFEB9C$/i);
    expect(fill(`${col('HASIL TANGGAL LAHIR')}2`)).toMatch(/FFC7CE$/i);
    expect(ws['!autofilter']?.ref).toBe(`A1:${XLSX.utils.encode_col(header.length - 1)}6`);
    expect(ws['!cols']?.length).toBe(header.length);
  });

  it('freezes the header row', async () => {
    const raw = readFileSync(join(dir, 'hasil.xlsx'));
    const { readZip } = await import('../../../electron/export/zip-repack.ts');
    const sheet = readZip(raw).find((e) => e.name === 'xl/worksheets/sheet1.xml')!.data.toString();
    expect(sheet).toContain('state="frozen"');
    expect(sheet).toMatch(/<c r="A1"[^>]*s="\d+"/);
  });

  it('has a Ringkasan sheet with the purpose and the counts', () => {
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets.Ringkasan!, { header: 1 });
    const find = (label: string) => rows.find((r) => r[0] === label);
    expect(find('Instansi')?.[1]).toBe('Dinas Kesehatan');
    expect(find('Program')?.[1]).toBe('PBI BPJS');
    expect(find('Nomor surat')?.[1]).toBe('400/123/DINSOS/2024');
    expect(find('INVALID')?.[1]).toBe(2);
    expect(find('BELUM DIPERIKSA')?.[1]).toBe(1);
    expect(find('NIK tidak ditemukan di SIAK')?.[1]).toBe(1);
    expect(find('NAMA')?.slice(1, 5)).toEqual([1, 1, 0, 0]);
  });

  it('audits the export and marks the batch EXPORTED', () => {
    const b = db.prepare('SELECT state, exported_at FROM batches WHERE id = ?').get(batchId) as { state: string; exported_at: string };
    expect(b.state).toBe('EXPORTED');
    expect(b.exported_at).toBeTruthy();
    const a = db.prepare(`SELECT operator, detail FROM audit_log WHERE action = 'EXPORT' AND batch_id = ?`).get(batchId) as { operator: string; detail: string };
    expect(a.operator).toBe('budi');
    expect(JSON.parse(a.detail)).toMatchObject({ format: 'xlsx', file: 'hasil.xlsx', rows: 5, siakElements: ['NAMA', 'NO_KK'] });
  });
});

describe('result CSV', () => {
  it('is UTF-8 with BOM, ; delimited, quoted, with formula-like values defused', async () => {
    const out = join(dir, 'hasil.csv');
    await exportBatch(db, batchId, { out, operator: 'budi' });
    const buf = readFileSync(out);
    expect([...buf.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = buf.toString('utf8').slice(1).split('\r\n');
    expect(lines[0]!.startsWith('"NO";"NIK";"NAMA"')).toBe(true);
    expect(lines[1]).toContain(`"${NIK_A}"`);
    expect(lines[1]).toContain(`"'=HYPERLINK(""http://x.test"",""klik"")"`);
    expect(lines[2]).toContain(`"'+6281234567"`);
    expect(lines[3]).toContain(`"'-"`);
    expect(lines[4]).toContain(`"'@x"`);
    expect(lines.filter(Boolean)).toHaveLength(6);
  });

  it('matches the workbook rows', () => {
    const t = buildResultRows(db, batchId);
    expect(resultCsv(t).split('\r\n')[2]!.split(';')).toHaveLength(t.columns.length);
  });
});

describe('cellText', () => {
  it('reads strings, numbers and cell-like objects', () => {
    expect(cellText('x')).toBe('x');
    expect(cellText(12)).toBe('12');
    expect(cellText({ t: 'n', v: 7372010101800000, w: '7.37201E+15' })).toBe('7.37201E+15');
    expect(cellText({ t: 'teks' })).toBe('teks');
    expect(cellText(['7.37201E+15', 7372010000000000])).toBe('7.37201E+15');
    expect(cellText({ v: 'a' })).toBe('a');
    expect(cellText(null)).toBe('');
  });
});

describe('missing batch', () => {
  it('refuses with a clear message', async () => {
    await expect(exportBatch(db, 9999, { out: join(dir, 'x.xlsx'), operator: 'budi' })).rejects.toThrow(/Batch 9999 tidak ditemukan/);
  });
});
