// Re-matching one row with a repaired NIK; the corrections engine records the change and
// writes the result (with matched_nik) in its own transaction with the correction entry.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { isValidNik } from '../../shared/nik.ts';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import type { Registry } from '../registry/types.ts';
import { mappedElements, readRow, type RowVerdict } from './rows.ts';
import { rowVerdict } from './status.ts';

/** The row's status and elements as if its NIK were `nik`. Writes nothing. */
export async function recheckRow(
  db: Database,
  registry: Registry,
  mapping: SchemaMapping,
  batchId: number,
  seq: number,
  nik: string,
  signal?: AbortSignal,
): Promise<RowVerdict> {
  const row = readRow(db, batchId, seq);
  if (!row) throw new Error(`Baris ${seq} pada batch ${batchId} tidak ada.`);
  const batch = db.prepare('SELECT column_map FROM batches WHERE id = ?').get(batchId) as { column_map: string };
  const clean = nik.replace(/\D/g, '');
  // A typed repair is not an Excel cell: never RUSAK_EXCEL, and a malformed one is FORMAT.
  const repaired = { ...row, nik: isValidNik(clean) ? clean : null, nikReason: 'FORMAT', nikSuspect: false };
  if (!repaired.nik) return rowVerdict(repaired, undefined, mapping, mappedElements(batch.column_map));
  const found = await registry.lookup([repaired.nik], signal);
  return rowVerdict(repaired, found.get(repaired.nik), mapping, mappedElements(batch.column_map));
}
