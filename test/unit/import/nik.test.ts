import { describe, expect, it } from 'vitest';
import {
  cleanNik, compareNikWithRow, extraDigitVariants, isValidNik, lastDigitVariants, missingDigitVariants, nikBirthDate, nikSex,
  substitutionVariants, transpositionVariants,
} from '../../../shared/nik.ts';

const GOOD = '7372011205800001'; // Parepare, 12-05-1980, male

describe('cleanNik', () => {
  it('keeps a clean text NIK', () => {
    expect(cleanNik({ text: GOOD })).toMatchObject({ input: GOOD, clean: GOOD, reason: null, suspect: false });
  });
  it.each([
    [`'${GOOD}`], [` ${GOOD} `], [`7372 0112 0580 0001`], [`7372\u00a0011205800001`], ['7372.0112.0580.0001'], ['7372-0112-0580-0001'], [`${GOOD}.0`],
  ])('strips apostrophes, spaces, NBSP, dots, dashes, trailing .0: %s', (text) => {
    const r = cleanNik({ text });
    expect(r.clean).toBe(GOOD);
    expect(r.input).toBe(text);
  });
  it('empty is KOSONG', () => {
    expect(cleanNik({ text: '' }).reason).toBe('KOSONG');
    expect(cleanNik({ text: '  ' }).reason).toBe('KOSONG');
    expect(cleanNik({ text: "'" }).reason).toBe('KOSONG');
  });
  it('scientific notation text is RUSAK_EXCEL', () => {
    expect(cleanNik({ text: '7.37201E+15' })).toMatchObject({ clean: null, reason: 'RUSAK_EXCEL' });
    expect(cleanNik({ text: '7,37201E+15' }).reason).toBe('RUSAK_EXCEL');
  });
  it('wrong length, unknown province, impossible date, serial 0000 are FORMAT', () => {
    expect(cleanNik({ text: '737201120580001' }).reason).toBe('FORMAT');
    expect(cleanNik({ text: '73720112058000012' }).reason).toBe('FORMAT');
    expect(cleanNik({ text: '9972011205800001' }).reason).toBe('FORMAT'); // province 99
    expect(cleanNik({ text: '7372013205800001' }).reason).toBe('FORMAT'); // day 32
    expect(cleanNik({ text: '7372017205800001' }).reason).toBe('FORMAT'); // day 72
    expect(cleanNik({ text: '7372011213800001' }).reason).toBe('FORMAT'); // month 13
    expect(cleanNik({ text: '7372013102800001' }).reason).toBe('FORMAT'); // 31 Feb
    expect(cleanNik({ text: '7372011205800000' }).reason).toBe('FORMAT'); // serial 0000
    expect(cleanNik({ text: '73720112O5800001' }).reason).toBe('FORMAT'); // letter O
  });
  it('accepts women (day + 40) and historical province codes', () => {
    expect(cleanNik({ text: '7372015205800001' }).clean).toBe('7372015205800001');
  });
  it('a numeric 16-digit cell ending in 0 is suspect', () => {
    const r = cleanNik({ text: '7.37201E+15', numeric: true, raw: 7372011205800010 });
    expect(r).toMatchObject({ clean: '7372011205800010', reason: null, suspect: true });
    expect(cleanNik({ text: '7.37201E+15', numeric: true, raw: 7372011205800011 }).suspect).toBe(false);
  });
  it('a numeric cell above 2^53 keeps its digits and is suspect', () => {
    expect(cleanNik({ text: '9.17201E+15', numeric: true, raw: 9171011205800010 })).toMatchObject({ clean: '9171011205800010', suspect: true, reason: null });
  });
  it('a numeric cell whose serial became 0000 is RUSAK_EXCEL and keeps the digits for repair', () => {
    const r = cleanNik({ text: '7.37201E+15', numeric: true, raw: 7372011205800000 });
    expect(r).toMatchObject({ clean: '7372011205800000', reason: 'RUSAK_EXCEL', suspect: true });
    expect(lastDigitVariants(r.clean!)).toHaveLength(9);
    // Typed as text, serial 0000 is a plain format error.
    expect(cleanNik({ text: '7372011205800000' }).reason).toBe('FORMAT');
  });
});

describe('NIK birth date and sex', () => {
  it('reads the date, female day + 40', () => {
    expect(nikBirthDate(GOOD, 2025)).toBe('1980-05-12');
    expect(nikBirthDate('7372015205100001', 2025)).toBe('2010-05-12');
    expect(nikSex(GOOD)).toBe('1');
    expect(nikSex('7372015205800001')).toBe('2');
  });
  it('a difference with the row is a flag, not a format error', () => {
    expect(compareNikWithRow(GOOD, '1980-05-12', '1')).toEqual({ birthDateDiffers: false, sexDiffers: false });
    expect(compareNikWithRow(GOOD, '1980-05-13', '2')).toEqual({ birthDateDiffers: true, sexDiffers: true });
    expect(compareNikWithRow(GOOD, null, null)).toEqual({ birthDateDiffers: false, sexDiffers: false });
  });
});

describe('candidate variants', () => {
  it('lastDigitVariants gives the valid NIKs sharing 15 digits', () => {
    const v = lastDigitVariants('7372011205800010');
    expect(v).toHaveLength(10);
    expect(v).toContain('7372011205800019');
    expect(lastDigitVariants('737201120580000')).toHaveLength(9); // ...0000 is not valid
  });
  it('every variant is structurally valid and 16 digits', () => {
    const all = [
      ...substitutionVariants(GOOD), ...transpositionVariants(GOOD), ...missingDigitVariants('737201120580001'), ...extraDigitVariants('73720112058000011'),
    ];
    expect(all.length).toBeGreaterThan(20);
    for (const n of all) expect(isValidNik(n)).toBe(true);
    expect(substitutionVariants(GOOD)).not.toContain(GOOD);
    expect(transpositionVariants('7372011205800001')).toContain('7372012105800001');
    expect(missingDigitVariants('737201120580001')).toContain(GOOD);
    expect(extraDigitVariants('73720112058000011')).toContain(GOOD);
  });
});
