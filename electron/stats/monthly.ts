// Monthly statistics for the office head: NIKs (rows) processed per agency per month of
// one year. A batch counts in the month it was first matched (batch_stats.processed_on):
// that is when the office did the work, whatever date the letter carried; a batch received
// in late December and processed in January belongs to January's report.
// Read from batch_stats, so the numbers survive the retention purge.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { Status } from '../../shared/domain.ts';
import { backfillBatchStats } from './batch-stats.ts';

// The table's shape is part of the API contract (shared/api/stats.ts).
import type { MonthlyAgencyRow, MonthlyTable } from '../../shared/api/stats.ts';
export type { MonthlyAgencyRow, MonthlyTable };

const zeroStatus = (): Record<Status, number> => ({ AKTIF: 0, MENINGGAL: 0, PINDAH: 0, INVALID: 0, BELUM_DIPERIKSA: 0 });

export function monthlyStats(db: Database, year: number): MonthlyTable {
  backfillBatchStats(db);
  const rows = db
    .prepare(
      `SELECT a.id AS agencyId, a.name AS agency, a.code, CAST(substr(s.processed_on, 6, 2) AS INTEGER) AS month,
              count(*) AS batches, sum(s.rows) AS rows, sum(s.aktif) AS aktif, sum(s.meninggal) AS meninggal,
              sum(s.pindah) AS pindah, sum(s.invalid) AS invalid, sum(s.belum_diperiksa) AS belum
       FROM batch_stats s JOIN agencies a ON a.id = s.agency_id
       WHERE substr(s.processed_on, 1, 4) = ?
       GROUP BY a.id, month ORDER BY a.name, month`,
    )
    .all(String(year)) as {
    agencyId: number; agency: string; code: string; month: number; batches: number; rows: number;
    aktif: number; meninggal: number; pindah: number; invalid: number; belum: number;
  }[];
  const byAgency = new Map<number, MonthlyAgencyRow>();
  const table: MonthlyTable = { year, rows: [], monthTotals: Array(12).fill(0), total: 0, batches: 0, status: zeroStatus() };
  for (const r of rows) {
    let a = byAgency.get(r.agencyId);
    if (!a) {
      a = { agencyId: r.agencyId, agency: r.agency, code: r.code, months: Array(12).fill(0), total: 0, batches: 0, status: zeroStatus() };
      byAgency.set(r.agencyId, a);
      table.rows.push(a);
    }
    a.months[r.month - 1]! += r.rows;
    a.total += r.rows;
    a.batches += r.batches;
    table.monthTotals[r.month - 1]! += r.rows;
    table.total += r.rows;
    table.batches += r.batches;
    const add: [Status, number][] = [['AKTIF', r.aktif], ['MENINGGAL', r.meninggal], ['PINDAH', r.pindah], ['INVALID', r.invalid], ['BELUM_DIPERIKSA', r.belum]];
    for (const [s, n] of add) {
      a.status[s] += n;
      table.status[s] += n;
    }
  }
  return table;
}
