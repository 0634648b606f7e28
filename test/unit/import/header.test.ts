// Header detection and column mapping on layouts real agency files use.
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { guessField } from '../../../shared/columns.ts';
import { prepareImport } from '../../../electron/import/index.ts';
import { nik, tempDir, writeWorkbook } from '../../fixtures/import/make.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});
const N1 = nik(12, 5, 80, 1);
const N2 = nik(3, 2, 75, 12, true);
const fieldsOf = (p: Awaited<ReturnType<typeof prepareImport>>) => Object.fromEntries(p.mapping.map((m) => [m.field, m.letter]));

describe('header vocabulary', () => {
  it.each([
    ['NIK', 'NIK'], ['NO. NIK', 'NIK'], ['NOMOR INDUK KEPENDUDUKAN', 'NIK'], ['NAMA', 'NAMA'], ['NAMA LENGKAP', 'NAMA'], ['NAMA PENERIMA', 'NAMA'],
    ['TEMPAT LAHIR', 'TMPT_LHR'], ['TMPT LHR', 'TMPT_LHR'], ['TGL LAHIR', 'TGL_LHR'], ['TANGGAL LAHIR', 'TGL_LHR'], ['TTL', 'TTL'],
    ['TEMPAT, TANGGAL LAHIR', 'TTL'], ['JK', 'JENIS_KELAMIN'], ['L/P', 'JENIS_KELAMIN'], ['JENIS KELAMIN', 'JENIS_KELAMIN'], ['NO KK', 'NO_KK'],
    ['NOMOR KK', 'NO_KK'], ['NAMA IBU', 'NAMA_IBU'], ['NAMA IBU KANDUNG', 'NAMA_IBU'], ['ALAMAT', 'ALAMAT'], ['RT', 'RT'], ['RW', 'RW'],
    ['KELURAHAN', 'KELURAHAN'], ['KECAMATAN', 'KECAMATAN'], ['NO', null], ['NO.', null], ['NIK IBU', null],
  ])('%s -> %s', (h, f) => {
    expect(guessField(h)?.field).toBe(f);
  });
});

describe('header detection', () => {
  it('title rows, merged title, blank rows, numbering row and totals with signature', async () => {
    const path = writeWorkbook(join(dir, 'titles.xlsx'), [{
      name: 'Sheet1',
      aoa: [
        ['DAFTAR PENERIMA BPNT'], ['KELURAHAN LAKESSI TAHUN 2021'], [],
        ['NO.', 'NO. NIK', 'NAMA PENERIMA', 'L/P', 'ALAMAT', 'KET'],
        ['(1)', '(2)', '(3)', '(4)', '(5)', '(6)'],
        [1, N1, 'A', 'L', 'JL. A', 'x'], [], [2, N2, 'B', 'P', 'JL. B', 'y'],
        ['', 'JUMLAH', '', '', '', ''], [], ['', '', '', 'Parepare, 12 Mei 2021'], ['', '', '', 'LURAH LAKESSI'],
      ],
      merges: ['A1:F1', 'A2:F2'],
    }]);
    const p = await prepareImport(path);
    expect(p.headerRow).toBe(4);
    expect(fieldsOf(p)).toEqual({ NIK: 'B', NAMA: 'C', JENIS_KELAMIN: 'D', ALAMAT: 'E' });
    expect(p.unmapped.map((u) => u.header)).toEqual(['NO.', 'KET']);
    expect(p.rows.map((r) => r.rowNo)).toEqual([6, 8]);
    // Unmapped columns are carried through in the verbatim cells.
    expect(p.rows[0]!.cells[5]).toBe('x');
  });

  it('two-line header with merged group labels', async () => {
    const path = writeWorkbook(join(dir, 'twoline.xlsx'), [{
      name: 'DATA',
      aoa: [
        ['REKAP DATA PESERTA'],
        ['NO', 'IDENTITAS', '', 'NAMA', 'TEMPAT/TGL LAHIR', '', 'ALAMAT', '', ''],
        ['', 'NIK', 'NO KK', '', 'TEMPAT', 'TANGGAL', 'JALAN', 'RT', 'RW'],
        [1, N1, nik(1, 1, 10, 5), 'ANDI', 'PAREPARE', '12-05-1980', 'JL. X', '001', '002'],
      ],
      merges: ['A2:A3', 'B2:C2', 'D2:D3', 'E2:F2', 'G2:I2'],
    }]);
    const p = await prepareImport(path);
    expect(p.headerRow).toBe(2);
    expect(p.headerLines).toBe(2);
    expect(fieldsOf(p)).toEqual({ NIK: 'B', NO_KK: 'C', NAMA: 'D', TMPT_LHR: 'E', TGL_LHR: 'F', ALAMAT: 'G', RT: 'H', RW: 'I' });
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ nik: N1, birthPlace: 'PAREPARE', birthDate: '1980-05-12', rt: '001' });
  });

  it('TTL column split into place and date', async () => {
    const path = writeWorkbook(join(dir, 'ttl.xlsx'), [{ name: 'S', aoa: [['NIK', 'NAMA', 'TTL'], [N1, 'A', 'PAREPARE, 12-05-1980'], [N2, 'B', 'BARRU, 3 Peb 1975']] }]);
    const p = await prepareImport(path);
    expect(p.rows.map((r) => [r.birthPlace, r.birthDate])).toEqual([['PAREPARE', '1980-05-12'], ['BARRU', '1975-02-03']]);
  });

  it('content sniffing finds a NIK column without a known header', async () => {
    const path = writeWorkbook(join(dir, 'sniff.xlsx'), [{ name: 'S', aoa: [['NO', 'NOMOR IDENTITAS', 'NAMA'], [1, N1, 'A'], [2, N2, 'B']] }]);
    const p = await prepareImport(path);
    const m = p.mapping.find((x) => x.field === 'NIK')!;
    expect(m).toMatchObject({ letter: 'B', source: 'CONTENT' });
    expect(m.confidence).toBeGreaterThan(0.5);
    expect(m.confidence).toBeLessThan(1);
  });

  it('explicit header row and map (letters or header text) win', async () => {
    const path = writeWorkbook(join(dir, 'manual.xlsx'), [{ name: 'S', aoa: [['x', 'y'], ['KODE', 'PENDUDUK', 'KOLOM3'], [N1, 'A', 'L'], [N2, 'B', 'P']] }]);
    await expect(prepareImport(path, { headerRow: 2, map: 'NIK=Z' })).rejects.toMatchObject({ code: 'BAD_MAP' });
    await expect(prepareImport(path, { headerRow: 2, map: 'FOO=A' })).rejects.toMatchObject({ code: 'BAD_MAP' });
    await expect(prepareImport(path, { headerRow: 2, map: 'NIK' })).rejects.toMatchObject({ code: 'BAD_MAP' });
    const p = await prepareImport(path, { headerRow: 2, map: 'NIK=A,NAMA=PENDUDUK,JK=C' });
    expect(fieldsOf(p)).toEqual({ NIK: 'A', NAMA: 'B', JENIS_KELAMIN: 'C' });
    expect(p.mapping.every((m) => m.source === 'MANUAL' && m.confidence === 1)).toBe(true);
    expect(p.rows[1]).toMatchObject({ nik: N2, name: 'B', sex: '2' });
  });

  it('a saved agency map is a hint where its header texts reappear', async () => {
    const path = writeWorkbook(join(dir, 'saved.xlsx'), [{ name: 'S', aoa: [['NIK', 'PENDUDUK', 'X'], [N1, 'A', 'L']] }]);
    const p = await prepareImport(path, { savedMap: { NAMA: 'PENDUDUK', JENIS_KELAMIN: 'X', RT: 'TIDAK ADA' } });
    expect(fieldsOf(p)).toEqual({ NIK: 'A', NAMA: 'B', JENIS_KELAMIN: 'C' });
    expect(p.mapping.find((m) => m.field === 'NAMA')!.source).toBe('SAVED');
  });

  it('no header and no NIK column have their own messages', async () => {
    const a = writeWorkbook(join(dir, 'nohdr.xlsx'), [{ name: 'S', aoa: [['foo', 'bar'], ['1', '2']] }]);
    await expect(prepareImport(a)).rejects.toMatchObject({ code: 'NO_HEADER', message: expect.stringContaining('baris judul') });
    const b = writeWorkbook(join(dir, 'nonik.xlsx'), [{ name: 'S', aoa: [['NAMA', 'ALAMAT'], ['A', 'B']] }]);
    await expect(prepareImport(b)).rejects.toMatchObject({ code: 'NO_NIK_COLUMN', message: expect.stringContaining('--map NIK=') });
  });
});
