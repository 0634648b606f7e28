import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import * as XLSX from '@e965/xlsx';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { generateDemoRegistry, generateSampleWorkbooks, type TruthFile } from '../../../electron/demo/index.ts';
import { loadPersons, type SourcePerson } from '../../../electron/demo/rows.ts';
import { isKnownProvince, PAREPARE_KELURAHAN } from '../../../shared/wilayah/index.ts';

const dir = mkdtempSync(join(tmpdir(), 'padan-demo-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
let persons: SourcePerson[];
let path: string;

beforeAll(async () => {
  path = (await generateDemoRegistry({ dir: join(dir, 'a'), persons: 3000, seed: 5 })).path;
  persons = loadPersons(path);
});

describe('demo registry', () => {
  it('is deterministic per seed and differs between seeds', async () => {
    const again = loadPersons((await generateDemoRegistry({ dir: join(dir, 'b'), persons: 3000, seed: 5 })).path);
    expect(again).toEqual(persons);
    const other = loadPersons((await generateDemoRegistry({ dir: join(dir, 'c'), persons: 3000, seed: 6 })).path);
    expect(other.map((p) => p.nik)).not.toEqual(persons.map((p) => p.nik));
  });

  it('has exactly the requested persons with unique NIKs', () => {
    expect(persons).toHaveLength(3000);
    expect(new Set(persons.map((p) => p.nik)).size).toBe(3000);
  });

  it('gives NIKs whose structure agrees with the person', () => {
    for (const p of persons) {
      expect(p.nik).toMatch(/^\d{16}$/);
      expect(isKnownProvince(p.nik.slice(0, 2))).toBe(true);
      const [y, m, d] = p.birthDate.split('-');
      const day = Number(d) + (p.sex === '2' ? 40 : 0);
      expect(p.nik.slice(6, 12)).toBe(`${String(day).padStart(2, '0')}${m}${y!.slice(2)}`);
      expect(p.nik.slice(12)).not.toBe('0000');
    }
    const local = persons.filter((p) => p.nik.startsWith('7372')).length;
    expect(local / persons.length).toBeGreaterThan(0.75);
    expect(local / persons.length).toBeLessThan(0.95);
  });

  it('places families in the real Parepare kelurahan, a few living elsewhere', () => {
    const names = new Set(PAREPARE_KELURAHAN.map((k) => k.name.toUpperCase()));
    const home = persons.filter((p) => p.kab === '72');
    for (const p of home) expect(names.has(p.kelName!)).toBe(true);
    expect(persons.length - home.length).toBeGreaterThan(0);
    expect(persons.every((p) => /^JL\. /.test(p.address ?? ''))).toBe(true);
  });

  it('stores NIK as INTEGER and keeps Papua NIKs above 2^53 exact', () => {
    const db = new Database(path, { readonly: true });
    db.defaultSafeIntegers(true);
    const rows = db.prepare('SELECT typeof(NIK) t, NIK n, CAST(NIK AS TEXT) s FROM BIODATA_WNI WHERE NIK > 9000000000000000').all() as { t: string; n: bigint; s: string }[];
    db.close();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.t).toBe('integer');
      expect(r.n.toString()).toBe(r.s);
      expect(BigInt(r.s)).toBeGreaterThan(2n ** 53n);
    }
  });

  it('has mostly FLAG_STATUS 0 with some 1, 2 and other values', () => {
    const count = (f: string): number => persons.filter((p) => p.flagStatus === f).length;
    expect(count('0') / persons.length).toBeGreaterThan(0.85);
    expect(count('1')).toBeGreaterThan(0);
    expect(count('2')).toBeGreaterThan(0);
    expect(persons.filter((p) => !['0', '1', '2'].includes(p.flagStatus)).length).toBeGreaterThan(0);
  });
});

describe('sample workbooks', () => {
  let truth: TruthFile;
  let sheet: XLSX.WorkSheet;
  beforeAll(async () => {
    const out = await generateSampleWorkbooks({ dir: join(dir, 'a'), registryPath: path, seed: 5 });
    expect(out.files.map((f) => f.path.split('.').pop())).toEqual(['xlsx', 'xls', 'ods', 'csv']);
    truth = JSON.parse(readFileSync(join(dir, 'a', 'dtks-dinsos.truth.json'), 'utf8')) as TruthFile;
    const wb = XLSX.read(readFileSync(join(dir, 'a', 'dtks-dinsos.xlsx')));
    sheet = wb.Sheets[truth.sheet]!;
  });

  it('truth rows point at the sheet rows and their NIK cells', () => {
    expect(truth.rows).toHaveLength(5000);
    for (const r of truth.rows.slice(0, 500)) {
      const cell = sheet[XLSX.utils.encode_cell({ r: r.row - 1, c: 1 })];
      if (r.cellNik === '') expect(cell?.v ?? '').toBe('');
      else expect(String(cell.v)).toBe(r.cellNik);
      if (r.defects.includes('NIK_ANGKA_EXCEL')) {
        expect(cell.t).toBe('n');
        expect(r.cellNik.endsWith('0')).toBe(true);
        expect(r.trueNik!.slice(0, 15)).toBe(r.cellNik.slice(0, 15));
      }
    }
  });

  it('has the title rows, header, blank rows and a totals row', () => {
    expect(sheet.A1.v).toMatch(/^DAFTAR/);
    expect(sheet[`B${truth.headerRow}`].v).toBe('NIK');
    expect(sheet[`A${truth.totalsRow}`].v).toBe('JUMLAH');
    for (const b of truth.blankRows) expect(sheet[`B${b}`]).toBeUndefined();
  });

  it('injects every defect kind with a consistent expected result', () => {
    const kinds = new Set(truth.rows.flatMap((r) => r.defects));
    for (const k of ['NIK_ANGKA_EXCEL', 'NIK_NOTASI_ILMIAH', 'NIK_TYPO', 'NIK_TERTUKAR', 'NIK_TANDA_BACA', 'NIK_KOSONG', 'NIK_TIDAK_TERDAFTAR', 'DUPLIKAT', 'TGL_LHR_SALAH', 'NAMA_SALAH_KETIK']) {
      expect(kinds).toContain(k);
    }
    const statuses = new Set(truth.rows.map((r) => `${r.expected.status}/${r.expected.reason}`));
    for (const s of ['AKTIF/null', 'MENINGGAL/null', 'PINDAH/null', 'PINDAH/DOMISILI_LUAR_WILAYAH', 'INVALID/NONAKTIF', 'INVALID/RUSAK_EXCEL', 'INVALID/TIDAK_DITEMUKAN', 'INVALID/KOSONG']) {
      expect(statuses).toContain(s);
    }
    for (const r of truth.rows) if (r.defects.includes('NAMA_SALAH_KETIK')) expect(r.elements.NAMA).toBe('MIRIP');
  });
});
