import { describe, expect, it } from 'vitest';
import { compareDates, compareElements, normalizeSex, type PersonElements, type RowElements } from '../../../shared/compare.ts';

const row = (r: Partial<RowElements>): RowElements => ({
  name: null, birthPlace: null, birthDate: null, sex: null, kk: null, motherName: null, address: null,
  rt: null, rw: null, kelurahan: null, kecamatan: null, ...r,
});
const siak: PersonElements = {
  name: 'MUHAMMAD YUSUF', birthPlace: 'PAREPARE', birthDate: '1980-05-12', sex: '1', kk: '7372010101800001',
  motherName: 'SITTI AMINAH', address: 'JALAN BAU MASSEPE NO 12', rt: '003', rw: '002',
  kelurahanName: 'LABUKKANG', kecamatanName: 'UJUNG',
};

describe('compareElements', () => {
  it('compares only mapped elements; mapped but empty is KOSONG', () => {
    const r = compareElements(row({ name: 'MUH. YUSUF' }), siak, ['NAMA', 'TGL_LHR']);
    expect(r).toEqual({ NAMA: 'SESUAI', TGL_LHR: 'KOSONG' });
  });
  it('every element SESUAI after normalisation', () => {
    const r = compareElements(
      row({
        name: 'M. Yusuf', birthPlace: 'KOTA PAREPARE', birthDate: '1980-05-12', sex: 'L', kk: '7372-0101-0180-0001',
        motherName: 'ST AMINAH', address: 'Jl. Bau Massepe No. 12', rt: '3', rw: '02', kelurahan: 'Kel. Labukkang', kecamatan: 'KEC. UJUNG',
      }),
      siak,
      ['NAMA', 'TMPT_LHR', 'TGL_LHR', 'JENIS_KELAMIN', 'NO_KK', 'ALAMAT', 'RT', 'RW', 'KELURAHAN', 'KECAMATAN'],
    );
    expect(Object.values(r).every((v) => v === 'SESUAI')).toBe(true);
  });
  it('MIRIP and TIDAK_SESUAI', () => {
    const r = compareElements(
      row({ birthPlace: 'PARE-PARE', sex: 'PEREMPUAN', kk: '7372010101800002', motherName: 'SITI AMINAH', address: 'JLN BAU MASSEPE', rt: '4', kecamatan: 'SOREANG' }),
      siak,
      ['TMPT_LHR', 'JENIS_KELAMIN', 'NO_KK', 'NAMA_IBU', 'ALAMAT', 'RT', 'KECAMATAN'],
    );
    expect(r).toEqual({
      TMPT_LHR: 'MIRIP', JENIS_KELAMIN: 'TIDAK_SESUAI', NO_KK: 'MIRIP', NAMA_IBU: 'MIRIP', ALAMAT: 'MIRIP', RT: 'TIDAK_SESUAI', KECAMATAN: 'TIDAK_SESUAI',
    });
  });
  it('dates: swapped day/month or one digit off is MIRIP', () => {
    expect(compareDates('1980-12-05', '1980-05-12')).toBe('MIRIP');
    expect(compareDates('1981-05-12', '1980-05-12')).toBe('MIRIP');
    expect(compareDates('1975-01-30', '1980-05-12')).toBe('TIDAK_SESUAI');
    expect(compareDates(null, '1980-05-12')).toBe('KOSONG');
  });
  it('sex codes', () => {
    expect(['L', 'LAKI-LAKI', '1', 'lk'].map(normalizeSex)).toEqual(['1', '1', '1', '1']);
    expect(['P', 'PEREMPUAN', '2', 'Wanita'].map(normalizeSex)).toEqual(['2', '2', '2', '2']);
    expect(normalizeSex('X')).toBeNull();
  });
});
