// Per-batch counts that outlive the batch's personal data: the retention purge deletes
// batch_rows and row_results, but the office head's monthly report (domain.md §1) must still
// add up afterwards. Written by refreshBatchStats (electron/stats/batch-stats.ts) when a batch
// finishes matching, after a re-check, and just before a purge. No personal data here.
export default `
CREATE TABLE batch_stats (
  batch_id INTEGER PRIMARY KEY,
  agency_id INTEGER NOT NULL,
  program_id INTEGER,
  -- yyyy-mm-dd the batch counts for in monthly statistics: the day it was first matched
  -- (created_at when never matched); kept from the first refresh so a later re-check does
  -- not move a batch into another month of an already submitted report
  processed_on TEXT NOT NULL,
  received_on TEXT,
  rows INTEGER NOT NULL,
  aktif INTEGER NOT NULL DEFAULT 0,
  meninggal INTEGER NOT NULL DEFAULT 0,
  pindah INTEGER NOT NULL DEFAULT 0,
  invalid INTEGER NOT NULL DEFAULT 0,
  belum_diperiksa INTEGER NOT NULL DEFAULT 0,
  reasons TEXT NOT NULL DEFAULT '{}',   -- JSON {REASON: count}
  elements TEXT NOT NULL DEFAULT '{}',  -- JSON {ELEMENT: {SESUAI: n, MIRIP: n, ...}}
  corrections INTEGER NOT NULL DEFAULT 0,
  updated_at TEXT NOT NULL
);
CREATE INDEX batch_stats_period ON batch_stats(processed_on, agency_id);
`;
