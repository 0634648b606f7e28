// Where has this NIK been? Every batch it appeared in, as sent or as repaired.
// Audited as NIK_SEARCH with the NIK masked (first 6 + last 4 digits): the log records that
// a search happened and roughly for whom, without itself becoming a list of full NIKs that
// outlives every batch (UU 27/2022 data minimisation). The region prefix plus the last
// digits are enough to tell an auditor which search it was when asked, together with the
// operator and time. No provision we know of requires the full NIK in the log.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { appendAudit } from '../store/audit.ts';

import type { NikAppearance } from '../../shared/api/stats.ts';
export type { NikAppearance };

export function maskNik(nik: string): string {
  const d = nik.replace(/\D/g, '');
  if (d.length < 10) return '*'.repeat(d.length);
  return d.slice(0, 6) + '*'.repeat(d.length - 10) + d.slice(-4);
}

export function searchNik(db: Database, nik: string, operator: string): NikAppearance[] {
  const clean = nik.replace(/\D/g, '');
  const rows = db
    .prepare(
      `SELECT b.id AS batchId, a.name AS agency, p.name AS program, b.letter_no AS letterNo, b.received_on AS receivedOn,
              b.matched_at AS matchedAt, br.row_no AS rowNo, COALESCE(rr.status, 'BELUM_DIPERIKSA') AS status,
              rr.reason, (rr.matched_nik = ? AND br.nik IS NOT ?) AS repaired
       FROM batch_rows br
       JOIN batches b ON b.id = br.batch_id
       JOIN agencies a ON a.id = b.agency_id
       LEFT JOIN programs p ON p.id = b.program_id
       LEFT JOIN row_results rr ON rr.batch_id = br.batch_id AND rr.seq = br.seq
       WHERE br.nik = ? OR rr.matched_nik = ?
       ORDER BY b.received_on DESC, b.id DESC, br.row_no`,
    )
    .all(clean, clean, clean, clean) as (Omit<NikAppearance, 'repaired'> & { repaired: number | null })[];
  appendAudit(db, { operator, action: 'NIK_SEARCH', detail: { nik: maskNik(clean), found: rows.length } });
  return rows.map((r) => ({ ...r, repaired: r.repaired === 1 }));
}
