import { z } from 'zod';
import { call } from './define.ts';

// Calls of the 'audit' domain: the append-only record of processing (UU 27/2022).

export interface AuditEntryInfo {
  id: number;
  at: string;
  operator: string;
  action: string;
  batchId: number | null;
  rowSeq: number | null;
  /** JSON object as stored; never holds names, NIK only where unavoidable. */
  detail: Record<string, unknown>;
  hash: string;
}

export interface AuditPage {
  total: number;
  entries: AuditEntryInfo[];
}

export interface AuditIntegrityInfo {
  ok: boolean;
  checked: number;
  brokenAt: number | null;
  /** Indonesian, for the "Periksa integritas" result. */
  problem: string | null;
  headId: number | null;
  headHash: string | null;
}

export interface AuditExportInfo {
  path: string;
  entries: number;
  chainOk: boolean;
  headHash: string | null;
}

const date = z.string().regex(/^\d{4}-\d{2}-\d{2}(T[\d:.]+Z?)?$/, 'tanggal yyyy-mm-dd');
export const auditFilter = z
  .object({
    operator: z.string().max(64).optional(),
    action: z.string().max(64).optional(),
    batchId: z.number().int().positive().optional(),
    from: date.optional(),
    to: date.optional(),
  })
  .strict();

export const auditCalls = {
  /** Newest first. */
  list: call<AuditPage>()(
    auditFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    'SIGNED_IN',
  ),
  actions: call<string[]>()(z.object({}).strict(), 'SIGNED_IN'),
  /** "Periksa integritas": walks the hash chain. */
  verify: call<AuditIntegrityInfo>()(z.object({}).strict(), 'SIGNED_IN'),
  export: call<AuditExportInfo>()(
    z.object({ path: z.string().min(1).max(4096), filter: auditFilter.default({}) }).strict(),
    'ADMIN',
  ),
};
