import { z } from 'zod';
import { ELEMENTS, type Element, type ElementResult, type Reason, type Status } from '../domain.ts';
import { IMPORT_FLAGS, type ImportFlag } from '../columns.ts';
import { call } from './define.ts';

// Calls of the 'rows' domain: the review grid (OpenRefine-style facets over all rows of a
// batch), the row panel (agency row next to SIAK candidates) and the correction log.

/** Reasons an operator gives for a decision (domain.md §6: every correction says why). */
export const REASON_CODES = ['SALAH_KETIK', 'RUSAK_EXCEL', 'DATA_OPD_LAMA', 'KONFIRMASI_OPD', 'DOKUMEN_PENDUKUNG', 'LAINNYA'] as const;
export type ReasonCode = (typeof REASON_CODES)[number];
/** Stored on corrections written by the automatic repair step; never chosen by hand. */
export const AUTO_REASON_CODE = 'OTOMATIS';

export const CORRECTION_KINDS = ['NIK_CANDIDATE', 'NIK_MANUAL', 'UNREPAIRABLE', 'ELEMENT_CHOICE', 'REVIEWED', 'UNDO'] as const;
export type CorrectionKind = (typeof CORRECTION_KINDS)[number];

export type ElementChoice = 'AGENCY' | 'SIAK';

/** Bit flags of one row in the list (one small integer per row instead of six booleans). */
export const ROW_FLAG = {
  DUPLICATE: 1,
  CROSS_BATCH: 2,
  REVIEWED: 4,
  UNREPAIRABLE: 8,
  REPAIRED: 16,
  HAS_CANDIDATES: 32,
} as const;

/**
 * The import's findings on a row (batch_rows.flags) ride in the same integer from bit 6 on,
 * one bit per IMPORT_FLAGS entry, so the batch page's finding counts can open as a facet.
 */
export const importFlagBit = (f: ImportFlag): number => 1 << (6 + IMPORT_FLAGS.indexOf(f));

/** Result codes by index in the element columns; -1 = element not compared. */
export const RESULT_CODES: readonly ElementResult[] = ['SESUAI', 'MIRIP', 'TIDAK_SESUAI', 'KOSONG'];

/**
 * All rows of a batch, columnar: one array per column, index i is the i-th row in seq order.
 * Codes instead of repeated strings keep 100,000 rows to a few megabytes of JSON.
 */
export interface RowList {
  batchId: number;
  count: number;
  /** Elements the import mapped, in ELEMENTS order. */
  elements: Element[];
  statuses: readonly Status[];
  reasons: readonly (Reason | string)[];
  seq: number[];
  rowNo: number[];
  nikInput: (string | null)[];
  matchedNik: (string | null)[];
  /** Index into statuses. */
  status: number[];
  /** Index into reasons, -1 none. */
  reason: number[];
  flags: number[];
  /** Per mapped element: index into RESULT_CODES, -1 when not compared. */
  results: Record<string, number[]>;
  /** Per mapped element: the agency's normalised value as imported. */
  values: Record<string, (string | null)[]>;
  /** Per mapped element: the choice made (0 none, 1 AGENCY, 2 SIAK). */
  choices: Record<string, number[]>;
}

/** One row's state after a decision, to patch the grid without reloading the batch. */
export interface RowState {
  seq: number;
  status: Status;
  reason: string | null;
  elements: Partial<Record<Element, ElementResult>>;
  matchedNik: string | null;
  elementChoice: Partial<Record<Element, ElementChoice>>;
  reviewed: boolean;
  unrepairable: boolean;
  candidateCount: number;
  /** The NIK is also in another qualifying batch (cross-batch marks, moved by a NIK repair). */
  crossBatch: boolean;
}

/** Registry values as the review panel shows them; a field the role may not see is absent. */
export type VisiblePerson = Partial<Record<'nik' | 'kk' | 'name' | 'birthPlace' | 'birthDate' | 'sex' | 'motherName' | 'address' | 'rt' | 'rw' | 'kelurahanName' | 'kecamatanName', string | null>>;

export interface CandidateView {
  nik: string;
  score: number;
  source: string;
  suggested: boolean;
  status: Status;
  reason: string | null;
  /** Per-field agreement with the agency's row. */
  fields: Partial<Record<Element, ElementResult>>;
  person: VisiblePerson;
}

export interface CorrectionView {
  id: number;
  seq: number;
  rowNo: number | null;
  operator: string;
  at: string;
  kind: CorrectionKind;
  before: Record<string, unknown>;
  after: Record<string, unknown>;
  reasonCode: string;
  reasonText: string | null;
  automatic: boolean;
  undoes: number | null;
  /** Id of the UNDO entry that reversed this one, if any. */
  undoneBy: number | null;
}

export interface RowDetail {
  batchId: number;
  seq: number;
  rowNo: number;
  headers: string[];
  /** The agency's cells exactly as they stood in the file. */
  cells: unknown[];
  nikInput: string | null;
  nik: string | null;
  nikReason: string | null;
  /** The agency's normalised values per mapped element. */
  agency: Partial<Record<Element, string | null>>;
  elements: Element[];
  state: RowState;
  crossBatches: { batchId: number; agency: string; program: string | null; row: number }[];
  duplicateOfRow: number | null;
  /** The registry record behind the verdict (fields the role may see), null when none. */
  registry: VisiblePerson | null;
  /** Per element: the registry's value for the compare table. */
  registryValues: Partial<Record<Element, string | null>>;
  candidates: CandidateView[];
  /** Elements whose SIAK value the agency's agreement (PKS) allows back. */
  allowedElements: Element[];
  corrections: CorrectionView[];
}

export interface BatchChoice {
  id: number;
  agency: string;
  program: string | null;
  fileName: string;
  rowCount: number;
  state: string;
  matchedAt: string | null;
  letterNo: string | null;
}

export interface DecideResult {
  rows: RowState[];
  corrections: number[];
}

export interface AutoRepairResult {
  dryRun: boolean;
  /** Rows that qualify (dry run) or were repaired. */
  count: number;
  seqs: number[];
  rows: RowState[];
}

const batchId = z.number().int().positive();
const seq = z.number().int().min(0);
const nik = z.string().trim().min(1).max(40);
const element = z.enum(ELEMENTS);

export const decisionSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('ACCEPT_CANDIDATE'), nik }).strict(),
  z.object({ kind: z.literal('MANUAL_NIK'), nik }).strict(),
  z.object({ kind: z.literal('UNREPAIRABLE') }).strict(),
  z.object({ kind: z.literal('ELEMENT_CHOICE'), element, choice: z.enum(['AGENCY', 'SIAK']) }).strict(),
  z.object({ kind: z.literal('MARK_REVIEWED') }).strict(),
]);
export type Decision = z.infer<typeof decisionSchema>;

export const rowsCalls = {
  /** Matched batches to choose from on the review page. */
  batches: call<BatchChoice[]>()(z.object({}).strict()),
  list: call<RowList>()(z.object({ batchId }).strict()),
  get: call<RowDetail>()(z.object({ batchId, seq }).strict()),
  /** Slower on-demand search (family card, name + birth date) for one row; cancellable. */
  candidates: call<CandidateView[]>()(z.object({ batchId, seq }).strict()),
  cancelCandidates: call<boolean>()(z.object({ batchId, seq }).strict()),
  decide: call<DecideResult>()(
    z
      .object({
        batchId,
        seq: seq.optional(),
        seqs: z.array(seq).max(200_000).optional(),
        decision: decisionSchema,
        reasonCode: z.enum(REASON_CODES),
        reasonText: z.string().trim().max(500).default(''),
      })
      .strict(),
  ),
  undo: call<DecideResult>()(z.object({ batchId, correctionId: z.number().int().positive().optional() }).strict()),
  corrections: call<CorrectionView[]>()(z.object({ batchId }).strict()),
  autoRepair: call<AutoRepairResult>()(z.object({ batchId, dryRun: z.boolean() }).strict()),
  undoAuto: call<DecideResult>()(z.object({ batchId }).strict()),
};
