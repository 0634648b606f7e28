// The result table of one batch: the agency's own columns verbatim, then our verdict.
// SIAK values appear only for elements the agency's PKS lists (UU 24/2013 art. 79,
// domain.md §6); by default none, so the agency learns SESUAI / TIDAK SESUAI, not the record.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { ELEMENTS, type Element, type ElementResult, type Reason, type Status } from '../../shared/domain.ts';
import { ELEMENT_HEADER, keterangan, STATUS_LABEL } from '../../shared/report/labels.ts';
import { cellText, parseCells } from './cells.ts';
import { ExportError, readBatchMeta } from './batch-meta.ts';
import { ResultTally } from '../stats/counts.ts';
import type { BatchCounts, BatchMeta, PackedRow, ResultRow, ResultTable, TableShape } from './types.ts';
import { decodeSnapshot } from '../registry/snapshot.ts';

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

/** What the store pass knows before reading rows. */
export interface ScanMeta {
  batch: BatchMeta;
  headers: string[];
  elements: Element[];
  siakElements: Element[];
  identityColumns: number[];
}

export interface ScanResult {
  meta: ScanMeta;
  /** Widest row (rows can hold more cells than headers: a column without a header). */
  width: number;
  /** Some row carries an accepted NIK repair: the NIK PERBAIKAN column is needed. */
  repaired: boolean;
  rowCount: number;
  /** Ringkasan counts from the same pass (what countBatch would return). */
  counts: BatchCounts;
}

interface Verdict {
  keterangan: string;
  codes: string[];
}

/**
 * ONE pass over the batch's rows (batch_rows joined to row_results), handing packed rows to
 * `sink` every `chunkSize` rows; the counts for the Ringkasan sheet are tallied on the way,
 * so the encrypted table is decrypted once per export. The verdict of a row (keterangan,
 * result codes) depends on a handful of short JSON texts that repeat across a batch: it is
 * computed once per distinct combination, not JSON.parse'd per row. The person snapshot is
 * read only when the agency's PKS allows SIAK values.
 */
export function scanResultRows(db: Database, batchId: number, sink: (rows: PackedRow[]) => void, chunkSize = 10_000): ScanResult {
  const batch = readBatchMeta(db, batchId);
  const b = db.prepare('SELECT headers, column_map FROM batches WHERE id = ?').get(batchId) as { headers: string; column_map: string };
  const headers = parseJson<unknown[]>(b.headers, []).map(cellText);
  const columnMap = parseJson<Record<string, unknown>>(b.column_map, {});
  const elements = comparedElements(columnMap);
  const siakElements = batch.allowedElements;
  const identityColumns = ['NIK', 'NO_KK'].map((f) => columnMap[f]).filter((i): i is number => typeof i === 'number');
  const raw = db.prepare(
    `SELECT br.cells, br.nik, rr.status, rr.reason, rr.elements, ${siakElements.length ? 'rr.registry' : 'NULL AS registry'},
            rr.element_choice, rr.matched_nik
     FROM batch_rows br LEFT JOIN row_results rr ON rr.batch_id = br.batch_id AND rr.seq = br.seq
     WHERE br.batch_id = ? ORDER BY br.seq`,
  );
  const tally = new ResultTally();
  const verdicts = new Map<string, Verdict>();
  let width = headers.length;
  let repaired = false;
  let rowCount = 0;
  let chunk: PackedRow[] = [];
  for (const r of raw.iterate(batchId) as IterableIterator<RawRow>) {
    rowCount++;
    if (r.status !== null) tally.add(r.status, r.reason, r.elements);
    const status: Status = r.status ?? 'BELUM_DIPERIKSA';
    const wasRepaired = r.matched_nik !== null && r.matched_nik !== r.nik;
    if (wasRepaired) repaired = true;
    const key = `${status}\u0001${r.reason ?? ''}\u0001${r.elements ?? ''}\u0001${r.element_choice ?? ''}\u0001${wasRepaired ? 1 : 0}`;
    let v = verdicts.get(key);
    if (!v) {
      v = verdict(status, r, wasRepaired, elements);
      // Bounded: a batch whose every row is distinct must not grow the cache without end.
      if (verdicts.size > 20_000) verdicts.clear();
      verdicts.set(key, v);
    }
    const cells = parseCells(r.cells);
    if (cells.length > width) width = cells.length;
    const p: PackedRow = [status, v.keterangan, wasRepaired ? r.matched_nik! : '', ...v.codes];
    if (siakElements.length) {
      const person = decodeSnapshot(r.registry) as Person | null;
      for (const el of siakElements) p.push(siakValue(person, el));
    }
    for (let i = 0; i < cells.length; i++) p.push(cellText(cells[i]));
    chunk.push(p);
    if (chunk.length >= chunkSize) {
      sink(chunk);
      chunk = [];
    }
  }
  if (chunk.length) sink(chunk);
  if (!rowCount && batch.rowCount > 0) {
    throw new ExportError(
      'BATCH_PURGED',
      `Data baris batch ${batchId} sudah tidak ada (dihapus sesuai masa retensi). Hasil tidak dapat diekspor lagi.`,
    );
  }
  return { meta: { batch, headers, elements, siakElements, identityColumns }, width, repaired, rowCount, counts: tally.counts(rowCount) };
}

function verdict(status: Status, r: RawRow, wasRepaired: boolean, elements: Element[]): Verdict {
  const res = parseJson<Partial<Record<Element, ElementResult>>>(r.elements, {});
  const choice = parseJson<Partial<Record<Element, 'AGENCY' | 'SIAK'>>>(r.element_choice, {});
  return {
    keterangan: keterangan({ status, reason: r.reason, elements: res, elementChoice: choice, repairedNik: wasRepaired }),
    codes: elements.map((el) => (res[el] === undefined || res[el] === null ? '' : String(res[el]))),
  };
}

/** The column layout, once the pass has told how wide the rows are and whether any was repaired. */
export function tableShape(meta: ScanMeta, width: number, repaired: boolean): TableShape {
  const columns = Array.from({ length: width }, (_, i) => meta.headers[i] || `KOLOM ${i + 1}`);
  const statusColumn = columns.length;
  columns.push('STATUS', 'KETERANGAN');
  if (repaired) columns.push('NIK PERBAIKAN');
  const firstElementColumn = columns.length;
  for (const el of meta.elements) columns.push(`HASIL ${ELEMENT_HEADER[el]}`);
  for (const el of meta.siakElements) columns.push(`SIAK ${ELEMENT_HEADER[el]}`);
  return {
    batch: meta.batch, columns, agencyColumnCount: width, statusColumn, firstElementColumn,
    elements: meta.elements, siakElements: meta.siakElements,
    identityColumns: repaired ? [...meta.identityColumns, statusColumn + 2] : meta.identityColumns,
  };
}

/** A packed row in the sheet's column order; `into` is reused when given (the writer streams). */
export function unpackRow(p: PackedRow, shape: TableShape, into?: ResultRow): ResultRow {
  const nEl = shape.elements.length;
  const nSiak = shape.siakElements.length;
  const first = 3 + nEl + nSiak;
  const width = shape.agencyColumnCount;
  const row = into ?? { values: new Array<string>(shape.columns.length), status: 'BELUM_DIPERIKSA', results: new Array(nEl) };
  const values = row.values;
  for (let i = 0; i < width; i++) values[i] = p[first + i] ?? '';
  const status = p[0] as Status;
  let c = shape.statusColumn;
  values[c++] = STATUS_LABEL[status] ?? status;
  values[c++] = p[1]!;
  if (shape.firstElementColumn - shape.statusColumn === 3) values[c++] = p[2]!;
  for (let e = 0; e < nEl; e++) {
    const x = p[3 + e]!;
    row.results[e] = x === '' ? null : (x as ElementResult);
    values[c++] = x === 'TIDAK_SESUAI' ? 'TIDAK SESUAI' : x;
  }
  for (let s = 0; s < nSiak; s++) values[c++] = p[3 + nEl + s]!;
  row.status = status;
  return row;
}

/** The whole result table in memory (tests, CSV, the benchmark's value dump). */
export function buildResultRows(db: Database, batchId: number): ResultTable {
  const packed: PackedRow[] = [];
  const scan = scanResultRows(db, batchId, (rows) => {
    for (const p of rows) packed.push(p);
  });
  const shape = tableShape(scan.meta, scan.width, scan.repaired);
  return { ...shape, rows: packed.map((p) => unpackRow(p, shape)) };
}
