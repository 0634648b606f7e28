// The import engine (electron/import) seen from the wizard's calls: its preview turned into
// the contract's shapes (no full row list over IPC), the agency's saved mapping as a hint,
// and the title rows above the header so the user sees what was skipped. The file is the
// staged one, held in memory (batch-staging.ts); the engine takes it as bytes.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ColumnGuess, ImportPreview, ImportValidation, SheetInfo } from '../../shared/api/batch.ts';
import { cellText, columnLetter } from '../../shared/columns.ts';
import type { Channel, Field } from '../../shared/domain.ts';
import {
  getSavedMap, listSheets as engineListSheets, prepareImport, readWorkbook, saveBatch,
  type ColumnMapping, type ImportPreview as EnginePreview, type ImportSource, type ValidationSummary,
} from '../import/index.ts';
import { importErrors } from '../import/errors.ts';
import { buildRows, summarize } from '../import/rows.ts';

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
  channel: Channel;
  purpose: string | null;
  operator: string;
  allowDuplicate: boolean;
}

const PREVIEW_ROWS = 12;
const ABOVE_ROWS = 6;

export async function listSheets(source: ImportSource): Promise<{ format: string; sha256: string; sheets: SheetInfo[] }> {
  const info = await engineListSheets(source);
  return { format: info.format, sha256: info.sha256, sheets: info.sheets };
}

export function toValidation(s: ValidationSummary): ImportValidation {
  const flags: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.flags)) if (v) flags[k] = v;
  const nikReasons: Record<string, number> = {};
  for (const [k, v] of Object.entries(s.nikReasons)) if (v) nikReasons[k] = v;
  return {
    rows: s.rows, validNik: s.nikValid, nikReasons, duplicates: s.duplicates, unreadableDates: s.unreadableDates,
    nikDateDiffers: s.nikBirthDateDiffers, nikSexDiffers: s.nikSexDiffers, suspectExcel: s.suspects, flags,
  };
}

export async function prepare(db: Database, source: ImportSource, opts: PrepareOptions): Promise<EnginePreview> {
  const map = opts.map && Object.keys(opts.map).length > 0 ? opts.map : null;
  const p = await prepareImport(source, {
    sheet: opts.sheet,
    ...(opts.headerRow ? { headerRow: opts.headerRow } : {}),
    ...(map ? { map } : {}),
    savedMap: opts.agencyId ? getSavedMap(db, opts.agencyId) : null,
    previewRows: PREVIEW_ROWS,
    // A sheet without a recognisable header or NIK column is previewed for the user to fix.
    review: true,
  });
  return map ? onlyMapped(source, p, map) : p;
}

/**
 * The wizard always sends the whole mapping, so a column the user set to "abaikan" must stay
 * unmapped; the engine still guesses fields an explicit map leaves out. Drop those guesses and
 * rebuild the rows and summary from the same sheet rows (the read is cached).
 */
async function onlyMapped(source: ImportSource, p: EnginePreview, map: Partial<Record<Field, number>>): Promise<EnginePreview> {
  const mapping = p.mapping.filter((m) => map[m.field] === m.column);
  if (mapping.length === p.mapping.length) return p;
  const read = await readWorkbook(source);
  const sheet = read.sheets.find((s) => s.name === p.sheet);
  const rows = buildRows(sheet?.rows ?? [], p.rows.map((r) => r.rowNo - 1), mapping, undefined, read.format === 'csv', sheet?.merges);
  return { ...p, mapping, rows, preview: rows.slice(0, PREVIEW_ROWS), summary: summarize(rows) };
}

/**
 * The wizard sends its whole mapping back after every change, so the engine sees every column as
 * chosen by hand. A column whose choice is what detection gives keeps its detected confidence;
 * only the ones that differ are the user's own.
 */
function detectedAs(p: EnginePreview, m: ColumnMapping): ColumnMapping | undefined {
  if (!p.detected) return m.source === 'MANUAL' ? undefined : m;
  return p.detected.find((d) => d.field === m.field && d.column === m.column);
}

export async function toPreview(source: ImportSource, p: EnginePreview): Promise<Omit<ImportPreview, 'duplicateOf'>> {
  const width = Math.max(p.headers.length, ...p.preview.map((r) => r.cells.length));
  const byColumn = new Map(p.mapping.map((m) => [m.column, m]));
  const columns: ColumnGuess[] = Array.from({ length: width }, (_, index) => {
    const m = byColumn.get(index);
    const detected = m && detectedAs(p, m);
    return {
      index, letter: columnLetter(index), header: p.headers[index] ?? '',
      field: m?.field ?? null, confidence: detected?.confidence ?? 0, manual: !!m && !detected,
    };
  });
  // The read is cached by the engine: the rows above the header cost nothing more.
  const read = await readWorkbook(source);
  const sheetRows = read.sheets.find((s) => s.name === p.sheet)?.rows ?? [];
  const above = [];
  for (let i = Math.max(0, p.headerRow - 1 - ABOVE_ROWS); i < p.headerRow - 1; i++) {
    const cells = (sheetRows[i] ?? []).map(cellText);
    if (cells.some((c) => c !== '')) above.push({ rowNo: i + 1, cells });
  }
  return {
    sheet: p.sheet,
    headerRow: p.headerRow,
    headerDetected: !p.headerGuessed,
    columns,
    rows: p.preview.map((r) => ({ rowNo: r.rowNo, cells: r.cells.map(cellText) })),
    above,
    validation: toValidation(p.summary),
  };
}

export function save(db: Database, p: EnginePreview, meta: SaveMeta): { batchId: number; validation: ImportValidation } {
  if (!p.mapping.some((m) => m.field === 'NIK')) throw importErrors.nikNotChosen();
  const saved = saveBatch(
    db, p,
    { agencyId: meta.agencyId, programId: meta.programId, letterNo: meta.letterNo, receivedOn: meta.receivedOn, channel: meta.channel, purpose: meta.purpose },
    meta.operator,
    { allowDuplicate: meta.allowDuplicate },
  );
  return { batchId: saved.batchId, validation: toValidation(saved.summary) };
}
