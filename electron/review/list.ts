// All rows of a batch for the review grid, columnar (shared/api/rows.ts RowList): the grid
// filters and counts facets itself, so the batch crosses the bridge once per open.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { STATUSES, type Element } from '../../shared/domain.ts';
import { IMPORT_FLAGS, type ImportFlag } from '../../shared/columns.ts';
import { RESULT_CODES, ROW_FLAG, importFlagBit, type BatchChoice, type RowList } from '../../shared/api/rows.ts';
import { PadanError } from '../api/errors.ts';
import { mappedElements } from '../match/rows.ts';
import { ROW_COLUMN } from './fields.ts';

interface RawListRow {
  seq: number;
  row_no: number;
  nik_input: string | null;
  duplicate_of_row: number | null;
  flags: string;
  status: string | null;
  reason: string | null;
  elements: string | null;
  matched_nik: string | null;
  element_choice: string | null;
  reviewed: number | null;
  unrepairable: number | null;
  nc: number | null;
  xb: number | null;
  [column: string]: unknown;
}

export function listRows(db: Database, batchId: number): RowList {
  const batch = db.prepare('SELECT column_map, state FROM batches WHERE id = ?').get(batchId) as { column_map: string; state: string } | undefined;
  if (!batch) throw new PadanError('BATCH_NOT_FOUND', `Batch ${batchId} tidak ada di basis data lokal. Pilih batch lain.`);
  if (batch.state === 'PURGED') throw new PadanError('BATCH_PURGED', `Data batch ${batchId} sudah dihapus (masa retensi berakhir).`);
  const elements: Element[] = mappedElements(batch.column_map);
  const cols = elements.map((el) => `br.${ROW_COLUMN[el]} AS v_${el}`).join(', ');
  const stmt = db.prepare(
    `SELECT br.seq, br.row_no, br.nik_input, br.duplicate_of_row, br.flags ${cols ? ', ' + cols : ''},
       rr.status, rr.reason, rr.elements, rr.matched_nik, rr.element_choice, rr.reviewed, rr.unrepairable,
       json_array_length(rr.candidates) AS nc, (rr.cross_batches NOT IN ('[]', '')) AS xb
     FROM batch_rows br LEFT JOIN row_results rr ON rr.batch_id = br.batch_id AND rr.seq = br.seq
     WHERE br.batch_id = ? ORDER BY br.seq`,
  );
  const reasons: string[] = [];
  const reasonIndex = new Map<string, number>();
  const list: RowList = {
    batchId, count: 0, elements, statuses: STATUSES, reasons,
    seq: [], rowNo: [], nikInput: [], matchedNik: [], status: [], reason: [], flags: [],
    results: Object.fromEntries(elements.map((el) => [el, [] as number[]])),
    values: Object.fromEntries(elements.map((el) => [el, [] as (string | null)[]])),
    choices: Object.fromEntries(elements.map((el) => [el, [] as number[]])),
  };
  for (const r of stmt.iterate(batchId) as IterableIterator<RawListRow>) {
    list.seq.push(r.seq);
    list.rowNo.push(r.row_no);
    list.nikInput.push(r.nik_input);
    list.matchedNik.push(r.matched_nik);
    // No result row yet: never checked, never INVALID (domain.md §1).
    list.status.push(STATUSES.indexOf((r.status ?? 'BELUM_DIPERIKSA') as (typeof STATUSES)[number]));
    let ri = -1;
    if (r.reason) {
      ri = reasonIndex.get(r.reason) ?? -1;
      if (ri < 0) {
        ri = reasons.push(r.reason) - 1;
        reasonIndex.set(r.reason, ri);
      }
    }
    list.reason.push(ri);
    list.flags.push(
      (r.duplicate_of_row !== null ? ROW_FLAG.DUPLICATE : 0) |
        (r.xb ? ROW_FLAG.CROSS_BATCH : 0) |
        (r.reviewed ? ROW_FLAG.REVIEWED : 0) |
        (r.unrepairable ? ROW_FLAG.UNREPAIRABLE : 0) |
        (r.matched_nik ? ROW_FLAG.REPAIRED : 0) |
        ((r.nc ?? 0) > 0 ? ROW_FLAG.HAS_CANDIDATES : 0) |
        importBits(r.flags),
    );
    const res = r.elements && r.elements !== '{}' ? (JSON.parse(r.elements) as Record<string, string>) : {};
    const ch = r.element_choice && r.element_choice !== '{}' ? (JSON.parse(r.element_choice) as Record<string, string>) : {};
    for (const el of elements) {
      list.results[el]!.push(res[el] ? RESULT_CODES.indexOf(res[el] as (typeof RESULT_CODES)[number]) : -1);
      list.values[el]!.push((r[`v_${el}`] as string | null) ?? null);
      list.choices[el]!.push(ch[el] === 'AGENCY' ? 1 : ch[el] === 'SIAK' ? 2 : 0);
    }
  }
  list.count = list.seq.length;
  return list;
}

/** Most rows have no finding: '[]' costs no parse. Unknown or broken text counts as none. */
function importBits(json: string): number {
  if (json === '[]' || !json) return 0;
  let list: unknown;
  try {
    list = JSON.parse(json);
  } catch {
    return 0;
  }
  let bits = 0;
  if (Array.isArray(list)) for (const f of list) if ((IMPORT_FLAGS as readonly unknown[]).includes(f)) bits |= importFlagBit(f as ImportFlag);
  return bits;
}

/** Batches that have results to review, newest first. */
export function reviewableBatches(db: Database): BatchChoice[] {
  return db
    .prepare(
      `SELECT b.id, a.name AS agency, p.name AS program, b.file_name AS fileName, b.row_count AS rowCount, b.state,
         b.matched_at AS matchedAt, b.letter_no AS letterNo
       FROM batches b JOIN agencies a ON a.id = b.agency_id LEFT JOIN programs p ON p.id = b.program_id
       WHERE b.state IN ('MATCHED', 'EXPORTED') ORDER BY b.id DESC`,
    )
    .all() as BatchChoice[];
}
