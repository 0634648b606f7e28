import { describe, expect, it } from 'vitest';
import { fromSerial, parseDate, splitTtl, toSerial } from '../../../shared/dates.ts';

const iso = (v: string | number) => parseDate(v, { referenceYear: 2025 }).iso;

describe('parseDate', () => {
  it('Excel serials, 1900 system with the leap-year bug', () => {
    expect(fromSerial(1).iso).toBe('1900-01-01');
    expect(fromSerial(59).iso).toBe('1900-02-28');
    expect(fromSerial(60).ok).toBe(false); // 1900-02-29 never existed
    expect(fromSerial(61).iso).toBe('1900-03-01');
    expect(iso(29353)).toBe('1980-05-12');
    expect(toSerial('1980-05-12')).toBe(29353);
    expect(iso('29353')).toBe('1980-05-12');
  });
  it('day first, always', () => {
    expect(iso('12/05/1980')).toBe('1980-05-12');
    expect(iso('12-05-1980')).toBe('1980-05-12');
    expect(iso('12.05.1980')).toBe('1980-05-12');
    expect(iso('05/12/1980')).toBe('1980-12-05');
    expect(iso('1980-05-12')).toBe('1980-05-12');
    expect(iso('1/2/1980')).toBe('1980-02-01');
  });
  it('Indonesian month names, full and short', () => {
    expect(iso('12 Mei 1980')).toBe('1980-05-12');
    expect(iso('12 MEI 80')).toBe('1980-05-12');
    expect(iso('1 Januari 2001')).toBe('2001-01-01');
    expect(iso('3 Peb 1975')).toBe('1975-02-03');
    expect(iso('17 Agustus 1945')).toBe('1945-08-17');
    expect(iso('17 Agt 1945')).toBe('1945-08-17');
    expect(iso('17 Ags 1945')).toBe('1945-08-17');
    expect(iso('9 Sept 1999')).toBe('1999-09-09');
    expect(iso('10 Nop 1990')).toBe('1990-11-10');
    expect(iso('25 Des 2000')).toBe('2000-12-25');
    expect(iso('25-Okt-1970')).toBe('1970-10-25');
  });
  it('two-digit years never put a birth in the future', () => {
    expect(iso('12-05-24')).toBe('2024-05-12');
    expect(iso('12-05-26')).toBe('1926-05-12');
  });
  it('unreadable dates are not guessed', () => {
    for (const v of ['31/02/1980', '13/13/1980', 'kemarin', '12 Foo 1980', '', '1980']) expect(parseDate(v).ok).toBe(false);
  });
});

describe('splitTtl', () => {
  it('splits place and date', () => {
    expect(splitTtl('PAREPARE, 12-05-1980')).toMatchObject({ place: 'PAREPARE', date: { iso: '1980-05-12' } });
    expect(splitTtl('UJUNG PANDANG, 1 Januari 1970')).toMatchObject({ place: 'UJUNG PANDANG', date: { iso: '1970-01-01' } });
    expect(splitTtl('PAREPARE 12 MEI 1980')).toMatchObject({ place: 'PAREPARE', date: { iso: '1980-05-12' } });
    expect(splitTtl('PAREPARE, ??').date.ok).toBe(false);
  });
});
