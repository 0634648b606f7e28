import { describe, expect, it } from 'vitest';
import { birthDateOfCell, fromSerial, parseDate, splitTtl, toSerial } from '../../../shared/dates.ts';

const iso = (v: string | number) => parseDate(v, { referenceYear: 2025 }).iso;

describe('parseDate', () => {
  it('Excel serials, 1900 system with the leap-year bug', () => {
    expect(fromSerial(1).iso).toBe('1900-01-01');
    expect(fromSerial(59).iso).toBe('1900-02-28');
    expect(fromSerial(60).ok).toBe(false); // 1900-02-29 never existed
    expect(fromSerial(61).iso).toBe('1900-03-01');
    expect(iso(29353)).toBe('1980-05-12');
    expect(toSerial('1980-05-12')).toBe(29353);
  });
  it('bare digits are not guessed to be a serial: 12345 or 1980 is what was typed', () => {
    for (const v of ['29353', '12345', '1980', '29353.5', '1031980']) expect(parseDate(v, { referenceYear: 2025 }).ok).toBe(false);
  });
  it('8 digits: ddmmyyyy (day first) or yyyymmdd, whichever is a real date', () => {
    expect(iso('01031980')).toBe('1980-03-01');
    expect(iso('12051980')).toBe('1980-05-12');
    expect(iso('19800301')).toBe('1980-03-01'); // day 19 of month 80 is no date
    expect(iso('20011990')).toBe('1990-01-20'); // 2001-19-90 is no date
    expect(iso('20100105')).toBe('2010-01-05'); // 20/10/0105 is no date
    for (const v of ['31021980', '19801301', '00001980', '12345678']) expect(parseDate(v).ok).toBe(false);
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

describe('birthDateOfCell', () => {
  const cell = (text: string, serial?: number) => birthDateOfCell(text, serial, { referenceYear: 2025 });
  it('a date-formatted numeric cell is read by its serial, whatever order its text shows', () => {
    expect(cell('12/05/1980', 29353).iso).toBe('1980-05-12');
    expect(cell('5/12/80', 29353).iso).toBe('1980-05-12'); // Excel's default format is month first
    expect(cell('12 May 1980', 29353).iso).toBe('1980-05-12');
    expect(cell('1980-05-12T00:00:00.000Z', 29353).iso).toBe('1980-05-12'); // ods date value
    expect(cell('12/05/1980 07:30', 29353.3125).iso).toBe('1980-05-12');
  });
  it('a number not formatted as a date is kept, never turned into a day', () => {
    expect(cell('29353', 29353).ok).toBe(false);
    expect(cell('12345', 12345).ok).toBe(false);
    expect(cell('1980', 1980).ok).toBe(false);
    expect(cell('2.94E+04', 29353).ok).toBe(false);
  });
  it('a date-formatted serial must be a plausible birth date', () => {
    expect(cell('02/06/1905', 1980).ok).toBe(false); // the year 1980 typed into a date cell
    expect(cell('12/01/1900', 12).ok).toBe(false); // a day typed into a date cell
    expect(cell('01/10/1905', 2101).iso).toBe('1905-10-01');
    expect(cell('31/12/2025', 46022).iso).toBe('2025-12-31');
    expect(cell('01/01/2026', 46023).ok).toBe(false); // a birth is never in the future
  });
  it('text cells are read as text', () => {
    expect(cell('12-05-1980').iso).toBe('1980-05-12');
    expect(cell('01031980').iso).toBe('1980-03-01');
    expect(cell('29353').ok).toBe(false);
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
