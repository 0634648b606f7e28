// Row building from generated workbooks: birth-date cells, duplicate NIKs against Excel's
// damage, and cells merged down the data rows (domain.md §4).
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { importFile, prepareImport } from '../../../electron/import/index.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
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

describe('cells merged down the data rows', () => {
  const [N3, N4, N5, N6] = [nik(1, 1, 70, 3), nik(2, 2, 71, 4), nik(3, 3, 72, 5), nik(4, 4, 73, 6)];
  const sheet = {
    name: 'BPNT',
    aoa: [
      ['DAFTAR PENERIMA BPNT KEC. SOREANG 2021'],
      ['NO', 'NIK', 'NAMA', 'KELURAHAN', 'KECAMATAN', 'KET'],
      [1, N1, 'ANDI', 'LAKESSI', 'SOREANG', 'BARU'],
      [2, N2, 'SITI'],
      [3, N3, 'BUDI', 'BUKIT HARAPAN'],
      [4, N4, 'CICI'],
      [5, N5, 'DODI', 'UJUNG BARU', 'SOREANG'],
      [6, N6, 'EVI', 'WATANG SOREANG', 'SOREANG'],
      [7, '', 'FANI', 'WATANG SOREANG', 'SOREANG'],
    ],
    // Title across; KELURAHAN down in pairs, KECAMATAN down over four rows, KET (not mapped)
    // down, and one NIK merged over two people.
    merges: ['A1:F1', 'D3:D4', 'D5:D6', 'E3:E6', 'F3:F4', 'B8:B9'],
  };
  it.each(['xlsx', 'biff8'] as const)('%s: each row gets the value Excel shows; a merged NIK is flagged, never copied', async (bookType) => {
    const path = writeWorkbook(join(dir, `merged.${bookType}`), [sheet], bookType);
    const p = await prepareImport(path, { referenceYear: 2025 });
    expect(p.rows.map((r) => [r.name, r.kelurahan, r.kecamatan])).toEqual([
      ['ANDI', 'LAKESSI', 'SOREANG'],
      ['SITI', 'LAKESSI', 'SOREANG'],
      ['BUDI', 'BUKIT HARAPAN', 'SOREANG'],
      ['CICI', 'BUKIT HARAPAN', 'SOREANG'],
      ['DODI', 'UJUNG BARU', 'SOREANG'],
      ['EVI', 'WATANG SOREANG', 'SOREANG'],
      ['FANI', 'WATANG SOREANG', 'SOREANG'],
    ]);
    // The filled value is the row's input, verbatim; an unmapped column is left as it was.
    expect(p.rows[1]!.cells).toEqual([['2', 2], N2, 'SITI', 'LAKESSI', 'SOREANG']);
    expect(p.rows.map((r) => [r.nik, r.nikReason, r.flags.includes('NIK_SEL_GABUNG')])).toEqual([
      [N1, null, false], [N2, null, false], [N3, null, false], [N4, null, false], [N5, null, false],
      [N6, null, true],
      [null, 'KOSONG', true],
    ]);
    expect(p.summary.flags.NIK_SEL_GABUNG).toBe(2);
  });
  it('the streamed import stores the same filled rows', async () => {
    const path = writeWorkbook(join(dir, 'merged-stream.xlsx'), [sheet]);
    const db = openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
    try {
      const { batchId } = await importFile(db, path, { purpose: { agencyId: 1 }, operator: 'op', rememberMapping: false, referenceYear: 2025 });
      const rows = db.prepare('SELECT kelurahan, kecamatan, cells, flags FROM batch_rows WHERE batch_id = ? ORDER BY seq').all(batchId) as Record<string, string>[];
      expect(rows.map((r) => r.kecamatan)).toEqual(Array(7).fill('SOREANG'));
      expect(rows[3]).toMatchObject({ kelurahan: 'BUKIT HARAPAN' });
      expect(JSON.parse(rows[3]!.cells!)).toEqual([['4', 4], N4, 'CICI', 'BUKIT HARAPAN', 'SOREANG']);
      expect(JSON.parse(rows[6]!.flags!)).toContain('NIK_SEL_GABUNG');
    } finally {
      db.close();
    }
  });
});
