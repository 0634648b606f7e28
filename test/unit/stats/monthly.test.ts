import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import { beforeAll, describe, expect, it } from 'vitest';
import { countBatch, exportMonthly, monthlyHtml, monthlyStats, refreshBatchStats, searchNik } from '../../../electron/stats/index.ts';
import { mixedRows, seedBatch, tempStore } from '../export/fixture.ts';

const { db, dir } = tempStore();
const AGENCIES = ['DINSOS', 'DINKES', 'DISDIK', 'DISPERINDAG', 'BKPSDMD'];
const batches: { id: number; agency: string; month: number; rows: number }[] = [];

beforeAll(() => {
  // A year of batches: every agency, 0-2 batches a month, sizes 5..60, one in the next year.
  let x = 42;
  const rnd = (n: number) => (x = (x * 48271) % 2147483647) % n;
  for (let m = 1; m <= 12; m++) {
    for (const agency of AGENCIES) {
      for (let k = rnd(3); k > 0; k--) {
        const day = String(1 + rnd(27)).padStart(2, '0');
        const at = `2024-${String(m).padStart(2, '0')}-${day}T03:00:00.000Z`;
        const rows = mixedRows(5 + rnd(56), x);
        const id = seedBatch(db, { agencyCode: agency, programCode: null, rows, createdAt: at, receivedOn: `2024-${String(m).padStart(2, '0')}-01` });
        refreshBatchStats(db, id);
        batches.push({ id, agency, month: m, rows: rows.length });
      }
    }
  }
  const next = seedBatch(db, { rows: mixedRows(9), createdAt: '2025-01-03T03:00:00.000Z' });
  refreshBatchStats(db, next);
});

describe('monthly statistics', () => {
  it('add up to the batches own counts, per agency, per month and in total', () => {
    const t = monthlyStats(db, 2024);
    const total = batches.reduce((a, b) => a + b.rows, 0);
    expect(t.total).toBe(total);
    expect(t.batches).toBe(batches.length);
    expect(t.monthTotals.reduce((a, b) => a + b, 0)).toBe(total);
    for (const r of t.rows) {
      const mine = batches.filter((b) => db.prepare('SELECT name FROM agencies WHERE code = ?').pluck().get(b.agency) === r.agency);
      for (let m = 1; m <= 12; m++) expect(r.months[m - 1]).toBe(mine.filter((b) => b.month === m).reduce((a, b) => a + b.rows, 0));
      expect(r.total).toBe(r.months.reduce((a, b) => a + b, 0));
      expect(Object.values(r.status).reduce((a, b) => a + b, 0)).toBe(r.total);
    }
    const statusSum = batches.map((b) => countBatch(db, b.id)).reduce((a, c) => a + c.status.INVALID, 0);
    expect(t.status.INVALID).toBe(statusSum);
    expect(monthlyStats(db, 2025).total).toBe(9);
  });

  it('survive the purge of a batch and do not move when a batch is re-checked later', () => {
    const before = monthlyStats(db, 2024);
    const b = batches[0]!;
    db.prepare('UPDATE batches SET matched_at = ? WHERE id = ?').run('2024-12-30T00:00:00.000Z', b.id);
    refreshBatchStats(db, b.id);
    db.prepare('DELETE FROM row_results WHERE batch_id = ?').run(b.id);
    db.prepare('DELETE FROM batch_rows WHERE batch_id = ?').run(b.id);
    db.prepare(`UPDATE batches SET state = 'PURGED' WHERE id = ?`).run(b.id);
    refreshBatchStats(db, b.id);
    expect(monthlyStats(db, 2024)).toEqual(before);
  });

  it('exports a workbook and a printable page with a chart', () => {
    const out = join(dir, 'statistik.xlsx');
    exportMonthly(db, 2024, out, 'kadis');
    const wb = XLSX.read(readFileSync(out));
    const rows = XLSX.utils.sheet_to_json<unknown[]>(wb.Sheets['Per Bulan']!, { header: 1 });
    expect(rows[3]?.[0]).toBe('NO');
    expect(rows[rows.length - 1]?.[14]).toBe(monthlyStats(db, 2024).total);
    const html = monthlyHtml(db, 2024);
    expect(html).toContain('<svg');
    expect(html).toContain('REKAPITULASI PEMADANAN DATA KEPENDUDUKAN TAHUN 2024');
  });
});

describe('NIK history', () => {
  it('finds every batch a NIK appeared in and audits the search with a masked NIK', () => {
    const nik = '7372100000071007'; // row 8 of every mixedRows batch with more than 7 rows
    const hits = searchNik(db, nik, 'andi');
    const expected = (db.prepare('SELECT count(*) FROM batch_rows WHERE nik = ?').pluck().get(nik) as number);
    expect(expected).toBeGreaterThan(1);
    expect(hits.length).toBe(expected);
    if (hits.length) expect(hits[0]).toMatchObject({ agency: expect.any(String), status: expect.any(String) });
    const a = db.prepare(`SELECT detail FROM audit_log WHERE action = 'NIK_SEARCH' ORDER BY id DESC`).pluck().get() as string;
    expect(JSON.parse(a)).toEqual({ nik: '737210******1007', found: hits.length });
    expect(a).not.toContain(nik);
  });
});
