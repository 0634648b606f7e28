// Statistics: per-batch counts that survive purges, the monthly table, NIK history.
export { refreshBatchStats, backfillBatchStats } from './batch-stats.ts';
export { countBatch } from './counts.ts';
export { monthlyStats, type MonthlyTable, type MonthlyAgencyRow } from './monthly.ts';
export { exportMonthly, monthlyHtml, monthlyWorkbook } from './monthly-export.ts';
export { searchNik, maskNik, type NikAppearance } from './nik-search.ts';
