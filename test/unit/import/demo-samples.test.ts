// The demo generator's sample agency workbooks must import without help: right sheet,
// header row, data rows (blank and totals rows skipped) and mapping.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { generateDemoRegistry, generateSampleWorkbooks, type TruthFile } from '../../../electron/demo/index.ts';
import { prepareImport } from '../../../electron/import/index.ts';
import { tempDir } from '../../fixtures/import/make.ts';

const EXPECTED_FIELDS: Record<string, string[]> = {
  'dtks-dinsos.xlsx': ['NIK', 'NAMA', 'TMPT_LHR', 'TGL_LHR', 'JENIS_KELAMIN', 'NO_KK', 'NAMA_IBU', 'ALAMAT', 'RT', 'RW', 'KELURAHAN', 'KECAMATAN'],
  'pbi-dinkes.xls': ['NIK', 'NAMA', 'JENIS_KELAMIN', 'ALAMAT', 'KELURAHAN', 'TTL'],
  'umkm-disperindag.ods': ['NIK', 'NAMA', 'TGL_LHR', 'JENIS_KELAMIN', 'KECAMATAN'],
  'bantuan-kelurahan.csv': ['NIK', 'NAMA', 'TMPT_LHR', 'TGL_LHR', 'NO_KK', 'RT', 'RW'],
};

describe('demo sample workbooks', () => {
  it('each imports with the right header row and mapping without help', async () => {
    const dir = tempDir('padan-demo-');
    const reg = await generateDemoRegistry({ dir, persons: 3000 });
    const { files } = await generateSampleWorkbooks({ dir, registryPath: reg.path });
    expect(files.length).toBeGreaterThan(0);
    for (const f of files) {
      const truth = JSON.parse(readFileSync(f.truthPath, 'utf8')) as TruthFile;
      const p = await prepareImport(f.path);
      const ctx = truth.file;
      if (!f.path.endsWith('.csv')) expect(p.sheet, ctx).toBe(truth.sheet);
      expect(p.headerRow, ctx).toBe(truth.headerRow);
      expect(p.rows.map((r) => r.rowNo), ctx).toEqual(truth.rows.map((r) => r.row));
      const expected = EXPECTED_FIELDS[truth.file];
      if (expected) expect(p.mapping.map((m) => m.field).sort(), ctx).toEqual([...expected].sort());
      // Empty and malformed NIKs are found before any lookup.
      for (const [i, t] of truth.rows.entries()) {
        const row = p.rows[i]!;
        if (t.expected.reason === 'KOSONG' || t.expected.reason === 'FORMAT') expect(row.nikReason, `${ctx} row ${t.row}`).toBe(t.expected.reason);
        if (row.nikReason) expect(t.expected.status, `${ctx} row ${t.row}`).toBe('INVALID');
        // The generator writes every birth date readably (in many styles): none may be flagged.
        expect(row.flags, `${ctx} row ${t.row}`).not.toContain('TGL_TIDAK_TERBACA');
      }
    }
  }, 240_000);
});
