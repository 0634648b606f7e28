// The import engine (electron/import) seen from the wizard's calls: its preview turned into
// the contract's shapes (no full row list over IPC), the agency's saved mapping as a hint,
// and the title rows above the header so the user sees what was skipped. The file is the
// staged one, held in memory (batch-staging.ts); the engine takes it as bytes. All the work
// the size of the file (parse, row building, counts) runs in the import session's worker
// (import/session.ts); this thread gets the wizard's view and stores the rows on save.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { ColumnGuess, ImportPreview, ImportValidation, SheetInfo } from '../../shared/api/batch.ts';
import { cellText, columnLetter } from '../../shared/columns.ts';
import type { Channel, Field } from '../../shared/domain.ts';
import { getSavedMap, type ColumnMapping, type ImportSource, type ValidationSummary } from '../import/index.ts';
import { importErrors } from '../import/errors.ts';
import { sessionFileInfo, sessionPreview, sessionSave, type SessionPreview } from '../import/session.ts';
import type { StreamHead } from '../import/stream-job.ts';

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
  const info = await sessionFileInfo(source);
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

/**
 * The engine's options for the wizard's sheet, header row and mapping. The wizard always
 * sends its whole mapping, so a column the user set to "abaikan" must stay unmapped: `exact`
 * drops the guesses the engine still makes for fields an explicit map leaves out. A sheet
 * without a recognisable header or NIK column is previewed for the user to fix (`review`).
 */
function engineOptions(db: Database, opts: PrepareOptions) {
  const map = opts.map && Object.keys(opts.map).length > 0 ? opts.map : null;
  return {
    sheet: opts.sheet,
    ...(opts.headerRow ? { headerRow: opts.headerRow } : {}),
    ...(map ? { map, exact: true } : {}),
    savedMap: opts.agencyId ? getSavedMap(db, opts.agencyId) : null,
    previewRows: PREVIEW_ROWS,
    review: true,
  };
}

export function prepare(db: Database, source: ImportSource, opts: PrepareOptions): Promise<SessionPreview> {
  return sessionPreview(source, { ...engineOptions(db, opts), aboveRows: ABOVE_ROWS });
}

/**
 * The wizard sends its whole mapping back after every change, so the engine sees every column as
 * chosen by hand. A column whose choice is what detection gives keeps its detected confidence;
 * only the ones that differ are the user's own.
 */
function detectedAs(p: SessionPreview, m: ColumnMapping): ColumnMapping | undefined {
  if (!p.detected) return m.source === 'MANUAL' ? undefined : m;
  return p.detected.find((d) => d.field === m.field && d.column === m.column);
}

export function toPreview(p: SessionPreview): Omit<ImportPreview, 'duplicateOf'> {
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
  return {
    sheet: p.sheet,
    headerRow: p.headerRow,
    headerDetected: !p.headerGuessed,
    columns,
    rows: p.preview.map((r) => ({ rowNo: r.rowNo, cells: r.cells.map(cellText) })),
    above: p.above,
    validation: toValidation(p.summary),
  };
}

/**
 * Stores the staged file with the wizard's confirmed sheet, header row and mapping, the way
 * importFile streams it: the session's worker builds the rows, this thread inserts them in
 * one transaction. `checkEarlier` refuses a file already imported (after the plan, so a bad
 * header row is reported first, as before); then a plan without a NIK column is refused.
 */
export async function save(
  db: Database, source: ImportSource, opts: PrepareOptions & { agencyId: number }, meta: SaveMeta, checkEarlier: (sha256: string) => void,
): Promise<{ batchId: number; validation: ImportValidation }> {
  const saved = await sessionSave(
    db, source, engineOptions(db, opts),
    { agencyId: meta.agencyId, programId: meta.programId, letterNo: meta.letterNo, receivedOn: meta.receivedOn, channel: meta.channel, purpose: meta.purpose },
    meta.operator,
    { allowDuplicate: meta.allowDuplicate },
    (head: StreamHead) => {
      checkEarlier(head.file.sha256);
      if (!head.mapping.some((m) => m.field === 'NIK')) throw importErrors.nikNotChosen();
    },
  );
  return { batchId: saved.batchId, validation: toValidation(saved.summary) };
}
