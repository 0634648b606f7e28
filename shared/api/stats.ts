import { z } from 'zod';
import type { Reason, Status } from '../domain.ts';
import { call } from './define.ts';

// Calls of the 'stats' domain: the office head's monthly table and a NIK's history.
const year = z.number().int().min(2000).max(2100);

export interface MonthlyAgencyRow {
  agencyId: number;
  agency: string;
  code: string;
  /** Rows processed in Jan..Des (12 entries). */
  months: number[];
  total: number;
  batches: number;
  status: Record<Status, number>;
}

/** @deprecated name kept for callers: the same as MonthlyAgencyRow. */
export type MonthlyRow = MonthlyAgencyRow;

export interface MonthlyTable {
  year: number;
  rows: MonthlyAgencyRow[];
  monthTotals: number[];
  total: number;
  batches: number;
  status: Record<Status, number>;
}

export interface NikAppearance {
  batchId: number;
  agency: string;
  program: string | null;
  letterNo: string | null;
  receivedOn: string | null;
  matchedAt: string | null;
  rowNo: number;
  status: Status;
  reason: Reason | null;
  /** True when the NIK is the operator's repair, not what the agency sent. */
  repaired: boolean;
}

export const statsCalls = {
  monthly: call<MonthlyTable>()(z.object({ year }).strict(), 'SIGNED_IN'),
  exportMonthly: call<{ out: string; bytes: number }>()(z.object({ year, path: z.string().min(1).max(1024) }).strict(), 'SIGNED_IN'),
  monthlyHtml: call<{ html: string }>()(z.object({ year }).strict(), 'SIGNED_IN'),
  /** NIK as typed: 16 digits, spaces and dots allowed. */
  nikSearch: call<NikAppearance[]>()(
    z.object({ nik: z.string().max(40).regex(/^[\d\s.-]*$/).refine((v) => v.replace(/\D/g, '').length === 16, 'NIK harus 16 digit') }).strict(),
    'SIGNED_IN',
  ),
};
