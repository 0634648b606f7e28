// The import engine (electron/import/index.ts, owned by the import stage) seen from the
// wizard's calls. Loaded on first use so the API works, and says so in Indonesian, while
// the engine is missing; its results are turned into the contract's shapes here, in one place.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ColumnGuess, ImportPreview, ImportValidation, SheetInfo } from '../../shared/api/batch.ts';
import { cellText, columnLetter, type SheetCell } from '../../shared/columns.ts';
import type { Field } from '../../shared/domain.ts';
import { PadanError } from './errors.ts';

type Loose = Record<string, unknown>;

export interface PrepareOptions {
  sheet: string;
  headerRow?: number;
  map?: Partial<Record<Field, number>>;
  agencyId?: number;
}

export interface SaveMeta {
  agencyId: number;
  programId: number | null;
  letterNo: string;
  receivedOn: string;
  channel: string;
  purpose: string | null;
  operator: string;
  allowDuplicate: boolean;
}

interface Engine {
  listSheets(path: string): Promise<Loose>;
  prepareImport(path: string, opts: Loose): Promise<Loose>;
  saveBatch(db: Database, prepared: Loose, meta: Loose): Promise<Loose> | Loose;
}

async function engine(): Promise<Engine> {
  const mod = (await import('../import/index.ts' as string).catch(() => null)) as Partial<Engine> | null;
  if (!mod?.listSheets || !mod.prepareImport || !mod.saveBatch) {
    throw new PadanError('IMPORT_UNAVAILABLE', 'Modul impor belum tersedia di versi ini. Hubungi pengembang aplikasi.');
  }
  return mod as Engine;
}

const num = (v: unknown, d = 0): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);
const rec = (v: unknown): Record<string, number> => (v && typeof v === 'object' ? (v as Record<string, number>) : {});

export async function listSheets(path: string): Promise<{ format: string; sheets: SheetInfo[] }> {
  const r = await (await engine()).listSheets(path);
  const sheets = ((r.sheets as Loose[] | undefined) ?? []).map((s) => ({
    name: String(s.name),
    rows: num(s.rows ?? s.rowCount ?? s.dataRows),
    cols: num(s.cols ?? s.columns ?? s.colCount),
  }));
  return { format: String(r.format ?? ''), sheets };
}

function toValidation(v: Loose): ImportValidation {
  const flags = rec(v.flags);
  const nikReasons = rec(v.nikReasons ?? v.reasons);
  return {
    rows: num(v.rows ?? v.rowCount),
    validNik: num(v.validNik ?? v.valid),
    nikReasons,
    duplicates: num(v.duplicates, flags.NIK_GANDA ?? 0),
    unreadableDates: num(v.unreadableDates, flags.TGL_TIDAK_TERBACA ?? 0),
    nikDateDiffers: num(v.nikDateDiffers, flags.NIK_TGL_BEDA ?? 0),
    nikSexDiffers: num(v.nikSexDiffers, flags.NIK_JK_BEDA ?? 0),
    suspectExcel: num(v.suspectExcel, flags.NIK_CURIGA_EXCEL ?? 0),
    flags,
  };
}

function rowsOf(list: unknown, firstRowNo: number): { rowNo: number; cells: string[] }[] {
  return ((list as unknown[] | undefined) ?? []).map((row, i) => {
    if (Array.isArray(row)) return { rowNo: firstRowNo + i, cells: (row as SheetCell[]).map(cellText) };
    const r = row as Loose;
    return { rowNo: num(r.rowNo, firstRowNo + i), cells: ((r.cells as SheetCell[] | undefined) ?? []).map(cellText) };
  });
}

export async function prepare(path: string, opts: PrepareOptions): Promise<{ preview: Omit<ImportPreview, 'duplicateOf'>; sha256: string; prepared: Loose }> {
  const prepared = await (await engine()).prepareImport(path, { ...opts });
  const headerRow = num(prepared.headerRow, 1);
  const headers = ((prepared.headers as unknown[] | undefined) ?? []).map((h) => cellText(h as SheetCell));
  const map = (prepared.map ?? prepared.columnMap ?? {}) as Partial<Record<Field, number>>;
  const confidence = rec(prepared.confidence);
  const byColumn = new Map<number, Field>();
  for (const [field, col] of Object.entries(map)) if (typeof col === 'number') byColumn.set(col, field as Field);
  const columns: ColumnGuess[] = headers.map((header, index) => {
    const field = byColumn.get(index) ?? null;
    return { index, letter: columnLetter(index), header, field, confidence: field ? num(confidence[field], 0) : 0 };
  });
  return {
    sha256: String(prepared.sha256 ?? ''),
    prepared,
    preview: {
      sheet: opts.sheet,
      headerRow,
      columns,
      rows: rowsOf(prepared.preview ?? prepared.previewRows, headerRow + 1),
      above: rowsOf(prepared.above ?? prepared.titleRows, 1),
      validation: toValidation((prepared.validation ?? prepared.summary ?? {}) as Loose),
    },
  };
}

export async function save(db: Database, prepared: Loose, meta: SaveMeta): Promise<{ batchId: number; validation: ImportValidation }> {
  const r = await (await engine()).saveBatch(db, prepared, { ...meta });
  return { batchId: num(r.batchId), validation: toValidation((r.validation ?? r.summary ?? {}) as Loose) };
}
