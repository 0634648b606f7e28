// Which batches have reached the end of their agency's retention period, counted from the
// day the result went back (batches.exported_at). Shown to the administrator before any
// purge, so nothing disappears unseen.
import type { Database } from 'better-sqlite3-multiple-ciphers';

// The plan's shape is part of the API contract (shared/api/backup.ts).
import type { PurgeCandidateInfo as PurgeCandidate } from '../../shared/api/backup.ts';
export type { PurgeCandidate };

const DAY_MS = 86_400_000;

export function planPurge(db: Database, now: Date = new Date()): PurgeCandidate[] {
  const rows = db
    .prepare(
      `SELECT b.id AS batchId, b.agency_id AS agencyId, a.name AS agencyName, b.letter_no AS letterNo,
              b.row_count AS rowCount, b.exported_at AS exportedAt, a.retention_days AS retentionDays
       FROM batches b JOIN agencies a ON a.id = b.agency_id
       WHERE b.state <> 'PURGED' AND b.exported_at IS NOT NULL
       ORDER BY b.exported_at, b.id`,
    )
    .all() as Omit<PurgeCandidate, 'dueAt'>[];
  const due: PurgeCandidate[] = [];
  for (const r of rows) {
    const exported = Date.parse(r.exportedAt);
    if (Number.isNaN(exported)) continue;
    const dueMs = exported + Math.max(0, r.retentionDays) * DAY_MS;
    if (dueMs <= now.getTime()) due.push({ ...r, dueAt: new Date(dueMs).toISOString() });
  }
  return due;
}
