// listSheets and prepareImport: everything up to (not including) storing the batch. The
// preview is what the wizard shows and what saveBatch stores. The file is a path or bytes
// held in memory (source.ts).
import type { SheetCell } from '../../shared/columns.ts';
import { ImportError, importErrors } from './errors.ts';
import { dataRowIndexes, detectHeader, isBlankRow, type HeaderInfo } from './header.ts';
import { mapColumns, type ColumnMapping, type MapSpec, type UnmappedColumn } from './mapping.ts';
import { readWorkbook, type ImportLimits } from './read.ts';
import type { ReadResult, ReadSheet } from './read-worker.ts';
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
  /**
   * The wizard, where the user can fix what detection missed: a sheet without a recognisable
   * header row or NIK column still gives a preview (first filled row as header, no NIK mapped)
   * instead of an error, and with an explicit map the plain detection is kept as `detected`
   * so hand-chosen columns can be told from detected ones. The caller checks for a NIK column
   * before storing.
   */
  review?: boolean;
  /**
   * With an object `map` (the wizard's): only the columns it names stay mapped. The wizard
   * always sends its whole mapping, so a column the user set to "abaikan" must stay unmapped,
   * while the engine otherwise still guesses the fields an explicit map leaves out. Which rows
   * are data rows is still decided with the full guess, as before this option existed.
   */
  exact?: boolean;
}

export interface ImportPreview {
  file: FileInfo;
  sheet: string;
  headerRow: number;
  headerLines: 1 | 2;
  headers: string[];
  mapping: ColumnMapping[];
  unmapped: UnmappedColumn[];
  /** Review only: no header row was recognised, the first filled row stands in. */
  headerGuessed?: boolean;
  /** Review with an explicit map only: the mapping detection alone gives. */
  detected?: ColumnMapping[];
  /** First rows, for the wizard. */
  preview: ImportRow[];
  /** Every data row (large: strip before sending over IPC). */
  rows: ImportRow[];
  summary: ValidationSummary;
}

export function fileInfo(path: string | null, r: ReadResult): FileInfo {
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
  const merges = read.sheets.find((s) => s.name === plan.sheet)?.merges;
  const rows = buildRows(plan.sheetRows, plan.indexes, plan.mapping, opts.referenceYear, plan.untyped, merges);
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
  let header: HeaderInfo | undefined;
  let headerGuessed = false;
  if (sheet && opts.review) ({ header, guessed: headerGuessed } = headerForReview(sheet, opts.headerRow));
  else if (sheet) header = detectHeader(sheet.rows, sheet.merges, sheet.name, opts.headerRow);
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
  const input = {
    headers: header.headers,
    headerParts: header.headerParts,
    sample: sampleIdx.map((i) => sheet.rows[i]!),
    width,
    savedMap: opts.savedMap ?? null,
  };
  const guessed = mapColumns({ ...input, ...(opts.map ? { map: opts.map } : {}) });
  const nik = guessed.mapping.find((m) => m.field === 'NIK');
  if (!nik && !opts.review) throw importErrors.noNik();
  const map = opts.map;
  const mapping = opts.exact && map && typeof map === 'object'
    ? guessed.mapping.filter((m) => map[m.field] === m.column)
    : guessed.mapping;
  const { unmapped } = guessed;
  return {
    file,
    sheet: sheet.name,
    headerRow: header.headerRow,
    headerLines: header.headerLines,
    headers: header.headers,
    mapping,
    unmapped,
    ...(headerGuessed ? { headerGuessed } : {}),
    ...(opts.review && opts.map ? { detected: mapColumns(input).mapping } : {}),
    sheetRows: sheet.rows,
    // Without a NIK column (review) no row counts as having a NIK: blank rows and totals still go.
    indexes: dataRowIndexes(sheet.rows, header.dataStart, nik?.column ?? -1),
    untyped: read.format === 'csv',
  };
}

/** The wizard's header: a row outside the sheet is refused, an unrecognised one is guessed. */
function headerForReview(sheet: ReadSheet, headerRow: number | undefined): { header: HeaderInfo; guessed: boolean } {
  const first = sheet.rows.findIndex((r) => !isBlankRow(r));
  if (first < 0) throw importErrors.emptySheet(sheet.name);
  if (headerRow !== undefined && headerRow > sheet.rows.length) throw importErrors.headerRowOutside(sheet.name, headerRow, sheet.rows.length);
  try {
    return { header: detectHeader(sheet.rows, sheet.merges, sheet.name, headerRow), guessed: false };
  } catch (e) {
    if (headerRow !== undefined || !(e instanceof ImportError) || e.code !== 'NO_HEADER') throw e;
    return { header: detectHeader(sheet.rows, sheet.merges, sheet.name, first + 1), guessed: true };
  }
}
