// The result table of one batch: the agency's own columns verbatim, then our verdict.
// SIAK values appear only for elements the agency's PKS lists (UU 24/2013 art. 79,
// domain.md §6); by default none, so the agency learns SESUAI / TIDAK SESUAI, not the record.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENTS, type Element, type ElementResult, type Reason, type Status } from '../../shared/domain.ts';
import { ELEMENT_HEADER, keterangan, STATUS_LABEL } from '../../shared/report/labels.ts';
import { cellText, parseCells } from './cells.ts';
import { ExportError, readBatchMeta } from './batch-meta.ts';
import type { ResultRow, ResultTable } from './types.ts';

type Person = Record<string, unknown>;

const SEX_TEXT: Record<string, string> = { '1': 'LAKI-LAKI', '2': 'PEREMPUAN' };

/** "1980-05-12" -> "12-05-1980": day first, as Indonesian files write dates. */
function dateId(v: unknown): string {
  if (typeof v !== 'string') return '';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  return m ? `${m[3]}-${m[2]}-${m[1]}` : v;
}

const str = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

export function siakValue(p: Person | null, el: Element): string {
  if (!p) return '';
  switch (el) {
    case 'NAMA': return str(p.name);
    case 'TMPT_LHR': return str(p.birthPlace);
    case 'TGL_LHR': return dateId(p.birthDate);
    case 'JENIS_KELAMIN': return SEX_TEXT[str(p.sex)] ?? str(p.sex);
    case 'NO_KK': return str(p.kk);
    case 'NAMA_IBU': return str(p.motherName);
    case 'ALAMAT': return str(p.address);
    case 'RT': return str(p.rt);
    case 'RW': return str(p.rw);
    case 'KELURAHAN': return str(p.kelurahanName);
    case 'KECAMATAN': return str(p.kecamatanName);
  }
}

function parseJson<T>(v: string | null, fallback: T): T {
  if (!v) return fallback;
  try {
    return (JSON.parse(v) as T) ?? fallback;
  } catch {
    return fallback;
  }
}

/** Elements the import mapped; TTL carries both place and date of birth. */
export function comparedElements(columnMap: Record<string, unknown>): Element[] {
  const has = (k: string): boolean => typeof columnMap[k] === 'number';
  return ELEMENTS.filter((el) => has(el) || ((el === 'TMPT_LHR' || el === 'TGL_LHR') && has('TTL')));
}

interface RawRow {
  cells: string;
  nik: string | null;
  status: Status | null;
  reason: Reason | null;
  elements: string | null;
  registry: string | null;
  element_choice: string | null;
  matched_nik: string | null;
}

export function buildResultRows(db: Database, batchId: number): ResultTable {
  const batch = readBatchMeta(db, batchId);
  const b = db.prepare('SELECT headers, column_map FROM batches WHERE id = ?').get(batchId) as { headers: string; column_map: string };
  const headers = parseJson<unknown[]>(b.headers, []).map(cellText);
  const columnMap = parseJson<Record<string, unknown>>(b.column_map, {});
  const elements = comparedElements(columnMap);
  const siakElements = batch.allowedElements;
  const identityColumns = ['NIK', 'NO_KK'].map((f) => columnMap[f]).filter((i): i is number => typeof i === 'number');
  const repaired = (db
    .prepare(
      `SELECT count(*) AS n FROM row_results rr JOIN batch_rows br USING (batch_id, seq)
       WHERE rr.batch_id = ? AND rr.matched_nik IS NOT NULL AND rr.matched_nik IS NOT br.nik`,
    )
    .get(batchId) as { n: number }).n;

  const raw = db.prepare(
    `SELECT br.cells, br.nik, rr.status, rr.reason, rr.elements, rr.registry, rr.element_choice, rr.matched_nik
     FROM batch_rows br LEFT JOIN row_results rr ON rr.batch_id = br.batch_id AND rr.seq = br.seq
     WHERE br.batch_id = ? ORDER BY br.seq`,
  );
  // Rows can hold more cells than headers (a column without a header): keep them all.
  let width = headers.length;
  const parsed: { cells: unknown[]; r: RawRow }[] = [];
  for (const r of raw.iterate(batchId) as IterableIterator<RawRow>) {
    const cells = parseCells(r.cells);
    if (cells.length > width) width = cells.length;
    parsed.push({ cells, r });
  }
  if (!parsed.length && batch.rowCount > 0) {
    throw new ExportError(
      'BATCH_PURGED',
      `Data baris batch ${batchId} sudah tidak ada (dihapus sesuai masa retensi). Hasil tidak dapat diekspor lagi.`,
    );
  }
  const columns = Array.from({ length: width }, (_, i) => headers[i] || `KOLOM ${i + 1}`);
  const statusColumn = columns.length;
  columns.push('STATUS', 'KETERANGAN');
  if (repaired) columns.push('NIK PERBAIKAN');
  const firstElementColumn = columns.length;
  for (const el of elements) columns.push(`HASIL ${ELEMENT_HEADER[el]}`);
  for (const el of siakElements) columns.push(`SIAK ${ELEMENT_HEADER[el]}`);

  const rows: ResultRow[] = parsed.map(({ cells, r }) => {
    const status: Status = r.status ?? 'BELUM_DIPERIKSA';
    const res = parseJson<Partial<Record<Element, ElementResult>>>(r.elements, {});
    const choice = parseJson<Partial<Record<Element, 'AGENCY' | 'SIAK'>>>(r.element_choice, {});
    const person = parseJson<Person | null>(r.registry, null);
    const wasRepaired = r.matched_nik !== null && r.matched_nik !== r.nik;
    const values = new Array<string>(columns.length);
    for (let i = 0; i < width; i++) values[i] = cellText(cells[i]);
    let c = statusColumn;
    values[c++] = STATUS_LABEL[status] ?? status;
    values[c++] = keterangan({ status, reason: r.reason, elements: res, elementChoice: choice, repairedNik: wasRepaired });
    if (repaired) values[c++] = wasRepaired ? r.matched_nik! : '';
    const results = elements.map((el) => res[el] ?? null);
    for (const x of results) values[c++] = x === null ? '' : x === 'TIDAK_SESUAI' ? 'TIDAK SESUAI' : x;
    for (const el of siakElements) values[c++] = siakValue(person, el);
    return { values, status, results };
  });
  return {
    batch, columns, agencyColumnCount: width, statusColumn, firstElementColumn,
    elements, siakElements, identityColumns: repaired ? [...identityColumns, statusColumn + 2] : identityColumns, rows,
  };
}
