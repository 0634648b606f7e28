// Shapes that travel from the store to the export worker (structured-clone friendly).
import type { Element, ElementResult, Status } from '../../shared/domain.ts';

/** The purpose a batch was processed for (UU 27/2022: purpose-bound processing). */
export interface BatchMeta {
  id: number;
  agencyId: number;
  agencyName: string;
  agencyCode: string;
  programName: string | null;
  letterNo: string | null;
  receivedOn: string | null;
  channel: string | null;
  purpose: string | null;
  fileName: string;
  state: string;
  rowCount: number;
  createdAt: string;
  createdBy: string;
  matchedAt: string | null;
  exportedAt: string | null;
  registryLabel: string | null;
  /** agencies.allowed_elements: SIAK values the agency's PKS allows back. */
  allowedElements: Element[];
}

/** Counts of one batch, from row_results while present (electron/stats/counts.ts). */
export interface BatchCounts {
  rows: number;
  status: Record<Status, number>;
  reason: Record<string, number>;
  elements: Partial<Record<Element, Record<ElementResult, number>>>;
}

export interface ResultRow {
  /** Every column of the result sheet as text ('' = empty), in column order. */
  values: string[];
  status: Status;
  /** Per compared element, in ResultTable.elements order. */
  results: (ElementResult | null)[];
}

/** Everything about the result sheet except its rows. */
export interface TableShape {
  batch: BatchMeta;
  /** Full header row: agency columns, STATUS, KETERANGAN, [NIK PERBAIKAN], elements, SIAK values. */
  columns: string[];
  agencyColumnCount: number;
  statusColumn: number;
  firstElementColumn: number;
  /** Compared elements (those the import mapped), each with one result column. */
  elements: Element[];
  /** Elements whose SIAK value columns are included (agency PKS). */
  siakElements: Element[];
  /** Agency columns holding NIK / KK: always text, whatever the file had. */
  identityColumns: number[];
}

export interface ResultTable extends TableShape {
  rows: ResultRow[];
}

/**
 * One row as the store pass leaves it, before the column layout is known (the agency width
 * and the NIK PERBAIKAN column are only known once every row has been read):
 * [status, keterangan, repaired NIK or '', ...result codes ('' = none), ...SIAK values, ...agency cell texts].
 * Plain strings only, so a chunk of them crosses to the worker as one JSON string.
 */
export type PackedRow = string[];
