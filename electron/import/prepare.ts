// listSheets and prepareImport: everything up to (not including) storing the batch. The
// preview is what the wizard shows and what saveBatch stores. The file is a path or bytes
// held in memory (source.ts).
import type { SheetCell } from '../../shared/columns.ts';
import { importErrors } from './errors.ts';
import { dataRowIndexes, detectHeader } from './header.ts';
import { mapColumns, type ColumnMapping, type MapSpec, type UnmappedColumn } from './mapping.ts';
import { readWorkbook, type ImportLimits } from './read.ts';
import type { ReadResult } from './read-worker.ts';
import { buildRows, summarize, type ImportRow, type ValidationSummary } from './rows.ts';
import { sourcePath, type ImportSource } from './source.ts';

export interface SheetInfo {
  name: string;
  /** Non-blank rows actually present (a sheet's declared range may lie). */
  rows: number;
  cols: number;
}

export interface FileInfo {
  /** Null for a file given as bytes (it has no place on disk). */
  path: string | null;
  fileName: string;
  sha256: string;
  sizeBytes: number;
  format: ReadResult['format'];
  encoding: string | null;
  delimiter: string | null;
  sheets: SheetInfo[];
}

export interface PrepareOptions {
  /** Sheet name; default the first sheet that has a header. */
  sheet?: string;
  /** 1-based header row; default detected. */
  headerRow?: number;
  /** Explicit mapping, "NIK=B,NAMA=C" or {NIK: 'B'}; wins over everything. */
  map?: MapSpec;
  /** The agency's last confirmed mapping (agencies.column_map), a hint. */
  savedMap?: MapSpec | null;
  limits?: Partial<ImportLimits>;
  /** Reference year for two-digit years (default: this year). */
  referenceYear?: number;
  /** How many rows the preview shows (default 20). */
  previewRows?: number;
}

export interface ImportPreview {
  file: FileInfo;
  sheet: string;
  headerRow: number;
  headerLines: 1 | 2;
  headers: string[];
  mapping: ColumnMapping[];
  unmapped: UnmappedColumn[];
  /** First rows, for the wizard. */
  preview: ImportRow[];
  /** Every data row (large: strip before sending over IPC). */
  rows: ImportRow[];
  summary: ValidationSummary;
}

function fileInfo(path: string | null, r: ReadResult): FileInfo {
  return {
    path,
    fileName: r.fileName,
    sha256: r.sha256,
    sizeBytes: r.sizeBytes,
    format: r.format,
    encoding: r.encoding,
    delimiter: r.delimiter,
    sheets: r.sheets.map((s) => ({ name: s.name, rows: countRows(s.rows), cols: s.cols })),
  };
}

function countRows(rows: SheetCell[][]): number {
  let n = 0;
  for (const r of rows) if (r.length > 0 && r.some((c) => c !== '')) n++;
  return n;
}

export async function listSheets(source: ImportSource, limits?: Partial<ImportLimits>): Promise<FileInfo> {
  return fileInfo(sourcePath(source), await readWorkbook(source, limits));
}

export async function prepareImport(source: ImportSource, opts: PrepareOptions = {}): Promise<ImportPreview> {
  const read = await readWorkbook(source, opts.limits);
  const plan = planImport(sourcePath(source), read, opts);
  const rows = buildRows(plan.sheetRows, plan.indexes, plan.mapping, opts.referenceYear, plan.untyped);
  const { sheetRows: _s, indexes: _i, untyped: _u, ...head } = plan;
  void [_s, _i, _u];
  return { ...head, preview: rows.slice(0, opts.previewRows ?? 20), rows, summary: summarize(rows) };
}

/** Everything prepareImport decides before building rows (the import worker uses it too). */
export interface ImportPlan extends Omit<ImportPreview, 'preview' | 'rows' | 'summary'> {
  sheetRows: SheetCell[][];
  /** 0-based sheet rows that are data rows, in order. */
  indexes: number[];
  /** CSV: the file carries no cell types. */
  untyped: boolean;
}

export function planImport(path: string | null, read: ReadResult, opts: PrepareOptions): ImportPlan {
  const file = fileInfo(path, read);
  let sheet = opts.sheet === undefined ? undefined : read.sheets.find((s) => s.name === opts.sheet);
  if (opts.sheet !== undefined && !sheet) throw importErrors.sheetNotFound(opts.sheet, read.sheets.map((s) => s.name));
  let header;
  if (sheet) header = detectHeader(sheet.rows, sheet.merges, sheet.name, opts.headerRow);
  else {
    // No sheet named: the first one with a recognisable header (cover sheets are common).
    for (const s of read.sheets) {
      try {
        header = detectHeader(s.rows, s.merges, s.name, opts.headerRow);
        sheet = s;
        break;
      } catch {
        continue;
      }
    }
    if (!sheet || !header) throw importErrors.noHeader(read.sheets[0]!.name);
  }
  const width = Math.max(sheet.cols, header.headers.length);
  const sampleIdx: number[] = [];
  for (let i = header.dataStart; i < sheet.rows.length && sampleIdx.length < 200; i++) sampleIdx.push(i);
  const { mapping, unmapped } = mapColumns({
    headers: header.headers,
    headerParts: header.headerParts,
    sample: sampleIdx.map((i) => sheet.rows[i]!),
    width,
    ...(opts.map ? { map: opts.map } : {}),
    savedMap: opts.savedMap ?? null,
  });
  const nik = mapping.find((m) => m.field === 'NIK');
  if (!nik) throw importErrors.noNik();
  return {
    file,
    sheet: sheet.name,
    headerRow: header.headerRow,
    headerLines: header.headerLines,
    headers: header.headers,
    mapping,
    unmapped,
    sheetRows: sheet.rows,
    indexes: dataRowIndexes(sheet.rows, header.dataStart, nik.column),
    untyped: read.format === 'csv',
  };
}
