// The batch's purpose and the agency's PKS, read once per export or report.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENTS, type Element } from '../../shared/domain.ts';
import type { BatchMeta } from './types.ts';

export class ExportError extends Error {
  override readonly name = 'ExportError';
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
  }
}

interface Raw {
  id: number; agency_id: number; agency_name: string; agency_code: string; allowed: string | null;
  program_name: string | null; letter_no: string | null; received_on: string | null; channel: string | null;
  purpose: string | null; file_name: string; state: string; row_count: number; created_at: string;
  created_by: string; matched_at: string | null; exported_at: string | null; registry_label: string | null;
}

/** Only known element codes survive: a hand-edited PKS setting cannot leak other fields. */
export function parseAllowedElements(json: string | null): Element[] {
  try {
    const v = JSON.parse(json ?? '[]') as unknown;
    if (!Array.isArray(v)) return [];
    return ELEMENTS.filter((el) => v.includes(el));
  } catch {
    return [];
  }
}

export function readBatchMeta(db: Database, batchId: number): BatchMeta {
  const r = db
    .prepare(
      `SELECT b.id, b.agency_id, a.name AS agency_name, a.code AS agency_code, a.allowed_elements AS allowed,
              p.name AS program_name, b.letter_no, b.received_on, b.channel, b.purpose, b.file_name, b.state,
              b.row_count, b.created_at, b.created_by, b.matched_at, b.exported_at, b.registry_label
       FROM batches b JOIN agencies a ON a.id = b.agency_id LEFT JOIN programs p ON p.id = b.program_id
       WHERE b.id = ?`,
    )
    .get(batchId) as Raw | undefined;
  if (!r) throw new ExportError('BATCH_NOT_FOUND', `Batch ${batchId} tidak ditemukan. Periksa nomor batch di daftar batch.`);
  return {
    id: r.id, agencyId: r.agency_id, agencyName: r.agency_name, agencyCode: r.agency_code,
    programName: r.program_name, letterNo: r.letter_no, receivedOn: r.received_on, channel: r.channel,
    purpose: r.purpose, fileName: r.file_name, state: r.state, rowCount: r.row_count, createdAt: r.created_at,
    createdBy: r.created_by, matchedAt: r.matched_at, exportedAt: r.exported_at, registryLabel: r.registry_label,
    allowedElements: parseAllowedElements(r.allowed),
  };
}
