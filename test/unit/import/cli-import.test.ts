// `padan import`: what it prints, when it refuses (exit 2, Indonesian, with the way on), and
// that a terminal run never replaces the column mapping the operator confirmed in the wizard.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { openStoreDb } from '../../../electron/store/open.ts';
import { getSavedMap } from '../../../electron/import/index.ts';
import { save } from '../../../electron/api/batch-import.ts';
import { HELP, runImportCommand } from '../../../electron/import/cli-import.ts';
import { nik, tempDir, writeWorkbook } from '../../fixtures/import/make.ts';

let dir: string;
let db: Db;
let agencyId: number;
let opened: number;
const N1 = nik(12, 5, 80, 1);
const N2 = nik(3, 7, 91, 2, true);

beforeEach(() => {
  dir = tempDir();
  db = openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
  // The store's migrations may already seed the city's agencies.
  db.prepare(`INSERT OR IGNORE INTO agencies (name, code, created_at) VALUES ('Dinas Sosial', 'DINSOS', '2025-01-01')`).run();
  agencyId = (db.prepare(`SELECT id FROM agencies WHERE code = 'DINSOS'`).get() as { id: number }).id;
  opened = 0;
});
afterEach(() => db.close());

async function run(argv: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runImportCommand(argv, {
    openStore: () => {
      opened++;
      return openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
    },
    operator: 'cli',
    out: (l) => out.push(l),
    err: (l) => err.push(l),
  });
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const batches = (): number => (db.prepare('SELECT count(*) n FROM batches').get() as { n: number }).n;

function sample(name = 'bpnt.xlsx'): string {
  return writeWorkbook(join(dir, name), [{
    name: 'BPNT',
    aoa: [['DAFTAR BPNT'], ['NO', 'NO. NIK', 'NAMA PENERIMA', 'TGL LAHIR', 'JK'], [1, N1, 'ANDI', '12-05-1980', 'L'], [2, 7372011205800010, 'BUDI', 'x', 'L'], [3, N1, 'ANDI', '12-05-1980', 'L'], [4, '', 'KOSONG', '', '']],
  }]);
}

describe('padan import', () => {
  it('imports and prints the batch id and the validation summary in Indonesian', async () => {
    const r = await run([sample(), '--agency', 'dinsos', '--letter', '400/1', '--received', '2025-02-01', '--channel', 'whatsapp', '--program', 'bpnt']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    const id = Number(/Batch #(\d+) tersimpan: bpnt\.xlsx, lembar "BPNT", baris judul 2\./.exec(r.out)?.[1]);
    expect(db.prepare('SELECT agency_id, letter_no, received_on, channel, row_count FROM batches WHERE id = ?').get(id)).toEqual({
      agency_id: agencyId, letter_no: '400/1', received_on: '2025-02-01', channel: 'WHATSAPP', row_count: 4,
    });
    expect(r.out).toContain('Pemetaan kolom: NIK=B (NO. NIK), NAMA=C (NAMA PENERIMA)');
    for (const line of ['Jumlah baris data: 4', 'NIK berformat benar: 3', 'NIK kosong: 1', 'NIK dicurigai rusak Excel (angka berakhiran 0): 1', 'NIK ganda dalam berkas: 1', 'Tanggal lahir tidak terbaca: 1']) {
      expect(r.out).toContain(line);
    }
  });

  it('--help explains the options, the remembered mapping and --allow-duplicate', async () => {
    const r = await run(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toBe(HELP);
    expect(HELP).toContain('--allow-duplicate');
    expect(HELP).toMatch(/Tanpa --map, pemetaan yang diingat[\s\S]*tidak\s+diubah/);
    expect(opened).toBe(0);
  });

  it('refuses the same file twice, naming the earlier batch and --allow-duplicate', async () => {
    const first = await run([sample(), '--agency', 'DINSOS']);
    const id = Number(/Batch #(\d+)/.exec(first.out)?.[1]);
    const again = await run([sample(), '--agency', 'dinsos']);
    expect(again.code).toBe(2);
    expect(again.out).toBe('');
    expect(again.err).toContain(`sebagai batch #${id} (bpnt.xlsx, `);
    expect(again.err).toMatch(/\(bpnt\.xlsx, \d{4}-\d{2}-\d{2} \d{2}:\d{2}\)/);
    expect(again.err).toContain('instansi Dinas Sosial');
    expect(again.err).toContain('ulangi perintah dengan --allow-duplicate');
    expect(batches()).toBe(1);
    const allowed = await run([sample(), '--agency', 'DINSOS', '--allow-duplicate']);
    expect(allowed.code).toBe(0);
    expect(batches()).toBe(2);
  });

  describe('exits 2 with a message saying what is wrong and what to do', () => {
    const refused = async (argv: string[], ...says: string[]) => {
      const r = await run(argv);
      expect(r.code).toBe(2);
      expect(r.out).toBe('');
      for (const s of says) expect(r.err).toContain(s);
      expect(batches()).toBe(0);
      return r;
    };

    it('a missing file, before the store is opened', async () => {
      await refused([join(dir, 'tidak-ada.xlsx'), '--agency', 'DINSOS'], 'tidak-ada.xlsx" tidak ditemukan', 'Periksa lokasi berkas');
      await refused([dir, '--agency', 'DINSOS'], 'tidak ditemukan');
      expect(opened).toBe(0);
    });

    it('no file, no agency, unknown options and malformed values', async () => {
      await refused(['--agency', 'DINSOS'], 'Sebutkan tepat satu berkas');
      await refused([sample()], 'Sebutkan instansi pengirim dengan --agency');
      await refused([sample(), '--agency', 'DINSOS', '--bogus'], 'Argumen tidak dikenal');
      await refused([sample(), '--agency', 'DINSOS', '--received', '15/01/2025'], '--received harus tanggal YYYY-MM-DD');
      await refused([sample(), '--agency', 'DINSOS', '--channel', 'POS'], '--channel harus salah satu dari EMAIL');
      await refused([sample(), '--agency', 'DINSOS', '--header-row', 'dua'], '--header-row harus nomor baris', '"dua"');
    });

    it('an unknown agency or program, listing the registered ones', async () => {
      await refused([sample(), '--agency', 'Dinas Pariwisata'], 'Instansi "Dinas Pariwisata" tidak dikenal', 'Dinas Sosial (DINSOS)');
      await refused([sample(), '--agency', 'DINSOS', '--program', 'BANSOS-X'], 'Program "BANSOS-X" tidak dikenal');
    });

    it('a --map with an unknown field (before the file is read) or a column the sheet lacks', async () => {
      const field = await refused([sample(), '--agency', 'DINSOS', '--map', 'NIK=B,NAMAKU=C'], '"NAMAKU" bukan nama kolom yang dikenal', 'NIK, NAMA', 'Contoh yang benar');
      expect(opened).toBe(0);
      expect(field.err).toContain('Pemakaian: padan import');
      await refused([sample(), '--agency', 'DINSOS', '--map', 'NIK'], '"NIK" bukan pasangan');
      await refused([sample(), '--agency', 'DINSOS', '--map', 'NIK=ZZ'], 'kolom "ZZ" untuk NIK tidak ada di lembar ini');
      await refused([sample(), '--agency', 'DINSOS', '--map', 'NIK=B1'], 'kolom "B1" untuk NIK tidak ada');
    });

    it('a --header-row past the end of the sheet', async () => {
      const r = await refused([sample(), '--agency', 'DINSOS', '--header-row', '40'], 'Baris judul 40 (--header-row) berada di luar semua lembar', 'hapus --header-row');
      expect(r.err).not.toContain('mis. --header-row 3');
      await refused([sample(), '--agency', 'DINSOS', '--sheet', 'BPNT', '--header-row', '7'], 'di luar lembar "BPNT"');
    });

    it('a --sheet that does not exist, listing the sheets', async () => {
      const path = writeWorkbook(join(dir, 'dua-lembar.xlsx'), [
        { name: 'SAMPUL', aoa: [['DAFTAR PENERIMA BPNT 2025']] },
        { name: 'DATA', aoa: [['NIK', 'NAMA'], [N1, 'ANDI']] },
      ]);
      await refused([path, '--agency', 'DINSOS', '--sheet', 'Sheet1'], 'Lembar "Sheet1" tidak ada', 'Lembar yang tersedia: "SAMPUL", "DATA"');
    });
  });
});

describe('the mapping remembered per agency', () => {
  it('a mapping confirmed in the wizard survives a CLI import without --map', async () => {
    // The wizard: the operator points NAMA at a column no header rule would pick.
    const wizardFile = writeWorkbook(join(dir, 'wizard.xlsx'), [{ name: 'S', aoa: [['NIK', 'PENDUDUK'], [N1, 'ANDI']] }]);
    await save(db, wizardFile, { sheet: 'S', map: { NIK: 0, NAMA: 1 }, agencyId }, { agencyId, programId: null, letterNo: '400/1', receivedOn: '2025-01-15', channel: 'EMAIL', purpose: null, operator: 'op', allowDuplicate: false }, () => {});
    const confirmed = { NIK: 'NIK', NAMA: 'PENDUDUK' };
    expect(getSavedMap(db, agencyId)).toEqual(confirmed);

    // A script imports a file with other headers: detection finds NAMA LENGKAP.
    const other = writeWorkbook(join(dir, 'other.xlsx'), [{ name: 'S', aoa: [['NIK', 'NAMA LENGKAP', 'ALAMAT'], [N2, 'SITI', 'JL. A']] }]);
    const r = await run([other, '--agency', 'DINSOS']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('NAMA=B (NAMA LENGKAP)');
    expect(r.out).toContain('Pemetaan yang diingat untuk Dinas Sosial tidak diubah');
    expect(getSavedMap(db, agencyId)).toEqual(confirmed);

    // ... and the confirmed mapping is still offered next time.
    const next = writeWorkbook(join(dir, 'next.xlsx'), [{ name: 'S', aoa: [['PENDUDUK', 'NIK'], ['BUDI', N1]] }]);
    const again = await run([next, '--agency', 'DINSOS']);
    expect(again.out).toContain('NAMA=A (PENDUDUK)');
  });

  it('an explicit --map is a confirmation and is remembered', async () => {
    db.prepare('UPDATE agencies SET column_map = ? WHERE id = ?').run(JSON.stringify({ NIK: 'NIK', NAMA: 'PENDUDUK' }), agencyId);
    const path = writeWorkbook(join(dir, 'map.xlsx'), [{ name: 'S', aoa: [['NIK', 'NAMA LENGKAP', 'WARGA'], [N1, 'ANDI', 'ANDI S']] }]);
    const r = await run([path, '--agency', 'DINSOS', '--map', 'NIK=A,NAMA=C']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('Pemetaan ini diingat untuk impor berikutnya dari Dinas Sosial.');
    expect(getSavedMap(db, agencyId)).toEqual({ NIK: 'NIK', NAMA: 'WARGA' });
  });
});
