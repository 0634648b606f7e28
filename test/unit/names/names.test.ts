import { describe, expect, it } from 'vitest';
import { compareNames, jaroWinkler, nameScore, normalizeName } from '../../../shared/names.ts';

describe('normalizeName (domain.md §5)', () => {
  it.each([
    ['muh. yusuf', 'MUHAMMAD YUSUF'],
    ['M. YUSUF', 'MUHAMMAD YUSUF'],
    ['M.YUSUF', 'MUHAMMAD YUSUF'],
    ['MOH ALI', 'MUHAMMAD ALI'],
    ['MHD. RIZKI', 'MUHAMMAD RIZKI'],
    ['MUHAMAD RAFLI', 'MUHAMMAD RAFLI'],
    ['MOCHAMMAD SYARIF', 'MUHAMMAD SYARIF'],
    ['MOHAMAD IQBAL', 'MUHAMMAD IQBAL'],
    ['ABD. RAHMAN', 'ABDUL RAHMAN'],
    ['DG. MATTAWANG', 'DAENG MATTAWANG'],
    ['H. ANDI MAPPANYUKKI', 'ANDI MAPPANYUKKI'],
    ['HJ. ST. AMINAH', 'SITTI AMINAH'],
    ['IR. ANDI MAKKASAU, ST', 'ANDI MAKKASAU'],
    ['DRS. H. ABD. RAHMAN, M.SI', 'ABDUL RAHMAN'],
    ['SITTI HADIJAH, S.PD', 'SITTI HADIJAH'],
    ['NURHAYATI, S.Pd., M.Pd', 'NURHAYATI'],
    ['IR. LA ODE MUHAMMAD', 'LA ODE MUHAMMAD'],
    ['WE TENRI ABENG', 'WE TENRI ABENG'],
    ['I MADE SUDARSANA', 'I MADE SUDARSANA'],
    ['ANDI BASO, SE', 'ANDI BASO'],
    ['AMINAH S. PD', 'AMINAH'],
    ['dr. Rahmawati, Sp.OG', 'RAHMAWATI'],
    ['SOEKARNO', 'SUKARNO'],
    ['DJAMALUDDIN', 'JAMALUDDIN'],
    ['TJOKRO', 'COKRO'],
    ['NJOMAN', 'NYOMAN'],
    ['SJAMSUL', 'SYAMSUL'],
    ['ACHMAD', 'AKHMAD'],
    ["MA'RUF", 'MARUF'],
    ['  siti   aminah ', 'SITI AMINAH'],
    ['', ''],
    ['-', ''],
  ])('%s -> %s', (input, expected) => {
    expect(normalizeName(input)).toBe(expected);
  });
});

describe('jaroWinkler', () => {
  it.each([
    ['MARTHA', 'MARHTA', 0.9611],
    ['DWAYNE', 'DUANE', 0.84],
    ['DIXON', 'DICKSONX', 0.8133],
    ['CRATE', 'TRACE', 0.7333],
    ['ABC', 'ABC', 1],
    ['ABC', 'XYZ', 0],
    ['', 'ABC', 0],
  ])('%s / %s = %f', (a, b, v) => {
    expect(jaroWinkler(a, b)).toBeCloseTo(v, 3);
  });
  it('is symmetric', () => {
    expect(jaroWinkler('AMINAH', 'AMINA')).toBeCloseTo(jaroWinkler('AMINA', 'AMINAH'), 10);
  });
});

describe('compareNames', () => {
  it('SESUAI after normalisation and in any word order', () => {
    expect(compareNames('Muh. Yusuf', 'MUHAMMAD YUSUF')).toBe('SESUAI');
    expect(compareNames('H. ABD RAHMAN DG MATTAWANG', 'ABDUL RAHMAN DAENG MATTAWANG')).toBe('SESUAI');
    expect(compareNames('BASO ANDI', 'ANDI BASO')).toBe('SESUAI');
    expect(compareNames('SOEHARTO', 'SUHARTO')).toBe('SESUAI');
    expect(compareNames('SITTI HADIJAH, S.PD', 'SITTI HADIJAH')).toBe('SESUAI');
  });
  it('MIRIP for typos and one missing word', () => {
    expect(compareNames('SITI AMINAH', 'SITI AMINA')).toBe('MIRIP');
    expect(compareNames('SITTI AMINAH', 'SITI AMINAH')).toBe('MIRIP');
    expect(compareNames('ANDI BASO RAHMAN', 'BASO RAHMAN')).toBe('MIRIP');
    expect(compareNames('ABDULRAHMAN', 'ABDUL RAHMAN')).toBe('MIRIP');
    expect(compareNames('HASNAWATI', 'HASNAWATHI')).toBe('MIRIP');
  });
  it('TIDAK_SESUAI for other people, even with a shared Muhammad or Andi', () => {
    expect(compareNames('MUHAMMAD YUSUF', 'MUHAMMAD YUNUS')).toBe('TIDAK_SESUAI');
    expect(compareNames('ANDI BASO', 'ANDI TENRI')).toBe('TIDAK_SESUAI');
    expect(compareNames('ANI', 'ANA')).toBe('TIDAK_SESUAI');
    expect(compareNames('RAHMAWATI', 'SYAMSUDDIN')).toBe('TIDAK_SESUAI');
    expect(compareNames('ANDI', 'ANDI BASO')).toBe('TIDAK_SESUAI');
  });
  it('KOSONG when either side is empty', () => {
    expect(compareNames('', 'ANDI')).toBe('KOSONG');
    expect(compareNames('ANDI', null)).toBe('KOSONG');
    expect(compareNames('-', '-')).toBe('KOSONG');
  });
  it('nameScore ranks closer names higher', () => {
    expect(nameScore('SITI AMINAH', 'SITI AMINAH')).toBe(1);
    expect(nameScore('SITI AMINAH', 'SITI AMINA')).toBeGreaterThan(nameScore('SITI AMINAH', 'SITI RAHMA'));
    expect(nameScore('SITI AMINAH', 'BUDI')).toBeLessThan(0.6);
    expect(nameScore(null, 'BUDI')).toBe(0);
  });
});
