// Row building from generated workbooks: birth-date cells, merged data cells, and duplicate
// NIKs against Excel's damage (domain.md §4).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { prepareImport } from '../../../electron/import/index.ts';
import { excelDate, nik, tempDir, writeWorkbook } from '../../fixtures/import/make.ts';

let dir: string;
beforeAll(() => {
  dir = tempDir();
});

const N1 = nik(12, 5, 80, 1);
const N2 = nik(3, 2, 75, 12, true);

describe('birth-date cells', () => {
  it('reads date cells by their serial and keeps numbers that are no date as text, flagged', async () => {
    const path = writeWorkbook(join(dir, 'dates.xlsx'), [{
      name: 'S',
      aoa: [
        ['NIK', 'NAMA', 'TGL LAHIR'],
        [N1, 'DATE CELL', excelDate(12, 5, 1980)],
        [N1, 'YEAR ONLY', 1980],
        [N1, 'NUMBER', 12345],
        [N1, 'YEAR IN A DATE CELL', excelDate(2, 6, 1905)],
        [N1, 'DDMMYYYY', '12051980'],
      ],
    }]);
    const p = await prepareImport(path, { referenceYear: 2025 });
    expect(p.rows.map((r) => [r.name, r.birthDate, r.birthDateRaw, r.flags.includes('TGL_TIDAK_TERBACA')])).toEqual([
      ['DATE CELL', '1980-05-12', '12/05/1980', false],
      ['YEAR ONLY', null, '1980', true],
      ['NUMBER', null, '12345', true],
      ['YEAR IN A DATE CELL', null, '02/06/1905', true],
      ['DDMMYYYY', '1980-05-12', '12051980', false],
    ]);
    expect(p.summary.unreadableDates).toBe(3);
  });
});

describe('duplicate NIKs and Excel damage', () => {
  // Two people, ...8901 and ...8902, typed as numbers: Excel kept 15 digits, both became ...8900.
  const damaged = 7372011205808900;
  it('numeric NIKs that may have lost digit 16 are not duplicates of each other; intact ones are', async () => {
    const path = writeWorkbook(join(dir, 'dups.xlsx'), [{
      name: 'S',
      aoa: [
        ['NIK', 'NAMA'],
        [damaged, 'ANDI'],
        [damaged, 'BUDI'],
        [String(damaged), 'TEKS SAMA DIGIT'],
        [N1, 'CICI'],
        [N1, 'CICI LAGI'],
        [N2, 'DODI'],
      ],
    }]);
    const p = await prepareImport(path, { referenceYear: 2025 });
    expect(p.rows.map((r) => [r.name, r.nikSuspect, r.duplicateOfRow, r.flags.includes('NIK_GANDA')])).toEqual([
      ['ANDI', true, null, false],
      ['BUDI', true, null, false],
      ['TEKS SAMA DIGIT', false, null, false],
      ['CICI', false, null, false],
      ['CICI LAGI', false, 5, true],
      ['DODI', false, null, false],
    ]);
    expect(p.summary).toMatchObject({ duplicates: 1, suspects: 2 });
  });
});
