import { z } from 'zod';
import { BATCH_STATES, CHANNELS, FIELDS, type BatchState, type Channel, type Field } from '../domain.ts';
import { call } from './define.ts';

// Calls of the 'batch' domain: staging an agency's file, the import wizard's preview and
// save, the batch history, and matching runs (start, cancel, resume).

/** Bytes of one staged file; base64 adds a third on the wire (bridge body limit 50 MB). */
export const MAX_STAGED_BYTES = 30 * 1024 * 1024;

/** The wizard checks the size before sending; this is for a caller that did not. */
const tooLarge = `berkas melebihi batas ${MAX_STAGED_BYTES / 1048576} MB. Pecah berkas menjadi beberapa berkas yang lebih kecil, atau simpan ulang hanya lembar datanya sebagai .xlsx atau CSV, lalu impor lagi`;

export interface SheetInfo {
  name: string;
  /** Non-blank rows, header and title rows included. */
  rows: number;
  cols: number;
}

export interface StagedFile {
  stagedId: string;
  fileName: string;
  sizeBytes: number;
  format: string;
  sheets: SheetInfo[];
}

export interface ColumnGuess {
  /** 0-based column index. */
  index: number;
  letter: string;
  header: string;
  field: Field | null;
  /** 0..1 as detected; 1 is an exact header name, lower is a guess; 0 when chosen by hand or unmapped. */
  confidence: number;
  /** The user's own choice, different from what detection gave for this column. */
  manual: boolean;
}

export interface ImportValidation {
  rows: number;
  /** NIKs usable as they are. */
  validNik: number;
  /** KOSONG / FORMAT / RUSAK_EXCEL before any lookup. */
  nikReasons: Record<string, number>;
  duplicates: number;
  unreadableDates: number;
  nikDateDiffers: number;
  nikSexDiffers: number;
  suspectExcel: number;
  /** Every import flag with its count (shared/columns IMPORT_FLAGS). */
  flags: Record<string, number>;
}

export interface EarlierBatch {
  batchId: number;
  createdAt: string;
  fileName: string;
}

export interface ImportPreview {
  sheet: string;
  /** 1-based sheet row of the header. */
  headerRow: number;
  /** False when no header row was recognised: the first filled row stands in until the user picks one. */
  headerDetected: boolean;
  columns: ColumnGuess[];
  /** First data rows as displayed text, with their 1-based sheet row numbers. */
  rows: { rowNo: number; cells: string[] }[];
  /** Title rows above the header (shown greyed so the user sees what was skipped). */
  above: { rowNo: number; cells: string[] }[];
  validation: ImportValidation;
  /** The same file was already imported for this agency. */
  duplicateOf: EarlierBatch | null;
}

export type StatusCounts = Record<string, number>;

export interface BatchListItem {
  id: number;
  agencyId: number;
  agencyName: string;
  programId: number | null;
  programName: string | null;
  letterNo: string | null;
  receivedOn: string | null;
  channel: string | null;
  fileName: string;
  rowCount: number;
  state: BatchState;
  createdAt: string;
  createdBy: string;
  matchedAt: string | null;
  lastError: string | null;
  counts: StatusCounts;
  /** Set while the batch waits for the registry. */
  queue: { position: number; nextProbeAt: string | null; attempts: number } | null;
  /** Set while a run is going in this session. */
  progress: { done: number; total: number; rate: number; etaSeconds: number | null } | null;
}

export interface BatchDetail extends BatchListItem {
  purpose: string | null;
  sheetName: string | null;
  headerRow: number | null;
  columnMap: Partial<Record<Field, number>>;
  headers: string[];
  registryLabel: string | null;
  reasons: Record<string, number>;
  elements: Record<string, Record<string, number>>;
  /** Import findings (TGL_TIDAK_TERBACA, NIK_GANDA, ...) with counts. */
  flags: Record<string, number>;
  duplicates: number;
  /** Rows whose NIK appears in another agency's or program's batch of the same year. */
  crossBatch: number;
}

const stagedId = z.string().regex(/^[a-f0-9]{32}$/, 'kode berkas tidak sah');
const mapSchema = z.partialRecord(z.enum(FIELDS), z.number().int().min(0).max(16383));
const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'bulan harus YYYY-MM');
const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'tanggal harus YYYY-MM-DD');
const batchId = z.number().int().positive();

const previewArgs = {
  stagedId,
  sheet: z.string().min(1).max(200),
  headerRow: z.number().int().min(1).max(1_048_576).optional(),
  map: mapSchema.optional(),
  agencyId: z.number().int().positive().optional(),
};

export const batchCalls = {
  stageFile: call<StagedFile>()(
    z.object({ fileName: z.string().min(1).max(255), dataBase64: z.string().min(1, 'berkas kosong (0 byte)').max(Math.ceil((MAX_STAGED_BYTES * 4) / 3) + 8, tooLarge) }).strict(),
  ),
  preview: call<ImportPreview>()(z.object(previewArgs).strict()),
  save: call<{ batchId: number; validation: ImportValidation }>()(
    z
      .object({
        ...previewArgs,
        map: mapSchema,
        agencyId: z.number().int().positive(),
        programId: z.number().int().positive().nullable().optional(),
        letterNo: z.string().trim().min(1, 'nomor surat wajib diisi').max(120),
        receivedOn: isoDate,
        channel: z.enum(CHANNELS),
        purpose: z.string().trim().max(1000).optional(),
        allowDuplicate: z.boolean().optional(),
      })
      .strict(),
  ),
  list: call<BatchListItem[]>()(
    z
      .object({
        search: z.string().max(200).optional(),
        agencyId: z.number().int().positive().optional(),
        programId: z.number().int().positive().optional(),
        month: month.optional(),
        state: z.enum(BATCH_STATES).optional(),
      })
      .strict(),
  ),
  get: call<BatchDetail>()(z.object({ batchId }).strict()),
  match: call<BatchListItem>()(z.object({ batchId }).strict()),
  cancel: call<BatchListItem>()(z.object({ batchId }).strict()),
  resume: call<BatchListItem>()(z.object({ batchId }).strict()),
  delete: call<null>()(z.object({ batchId, reason: z.string().trim().min(3).max(500) }).strict(), 'ADMIN'),
};

export type { BatchState, Channel };
