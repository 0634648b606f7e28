// The export's single pass and countBatch's single GROUP BY must give exactly what the former
// three queries (status, reason, json_each over elements) gave, key order included:
// batch_stats stores these objects as JSON.
import { afterAll, describe, expect, it } from 'vitest';
import { rmSync } from 'node:fs';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENT_RESULTS } from '../../../shared/domain.ts';
import { scanResultRows } from '../../../electron/export/result-rows.ts';
import { countBatch, emptyStatusCounts } from '../../../electron/stats/counts.ts';
import { mixedRows, seedBatch, tempStore } from './fixture.ts';

/** The former countBatch, kept as the reference. */
function threeQueries(db: Database, batchId: number) {
  const rows = (db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(batchId) as { n: number }).n;
  const status = emptyStatusCounts() as Record<string, number>;
  let withResult = 0;
  for (const r of db.prepare('SELECT status, count(*) AS n FROM row_results WHERE batch_id = ? GROUP BY status').all(batchId) as { status: string; n: number }[]) {
    status[r.status] = (status[r.status] ?? 0) + r.n;
    withResult += r.n;
  }
  status.BELUM_DIPERIKSA! += Math.max(0, rows - withResult);
  const reason: Record<string, number> = {};
  for (const r of db.prepare('SELECT reason, count(*) AS n FROM row_results WHERE batch_id = ? AND reason IS NOT NULL GROUP BY reason').all(batchId) as { reason: string; n: number }[]) reason[r.reason] = r.n;
  const elements: Record<string, Record<string, number>> = {};
  for (const r of db
    .prepare(
      `SELECT je.key AS el, je.value AS res, count(*) AS n FROM row_results rr,
         json_each(CASE WHEN json_valid(rr.elements) THEN rr.elements ELSE '{}' END) je
       WHERE rr.batch_id = ? GROUP BY je.key, je.value`,
    )
    .all(batchId) as { el: string; res: string; n: number }[]) {
    const per = (elements[r.el] ??= Object.fromEntries(ELEMENT_RESULTS.map((x) => [x, 0])));
    per[r.res] = (per[r.res] ?? 0) + r.n;
  }
  return { rows, status, reason, elements };
}

const { db, dir } = tempStore();
afterAll(() => {
  db.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('batch counts in one pass', () => {
  const rows = mixedRows(3000, 7);
  // Odd stored values the old queries tolerated: invalid JSON, an extra element.
  rows[5]!.elements = { NAMA: 'SESUAI', ALAMAT: 'KOSONG' };
  const id = seedBatch(db, { rows });
  db.prepare(`UPDATE row_results SET elements = 'not json' WHERE batch_id = ? AND seq = 7`).run(id);

  it('countBatch equals the three former queries, key order included', () => {
    expect(JSON.stringify(countBatch(db, id))).toBe(JSON.stringify(threeQueries(db, id)));
  });

  it('the export pass tallies the same counts', () => {
    const scan = scanResultRows(db, id, () => undefined, 500);
    expect(JSON.stringify(scan.counts)).toBe(JSON.stringify(threeQueries(db, id)));
    expect(scan.rowCount).toBe(3000);
  });
});
