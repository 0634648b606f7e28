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
  /** Result of the anchor from a berita acara, when one was given; problem in Indonesian. */
  anchor: AnchorCheckInfo | null;
}

export interface AnchorCheckInfo {
  id: number;
  /** True only when entry #id has the printed hash and the whole chain is intact. */
  ok: boolean;
  problem: string | null;
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

/** The anchor printed on a berita acara: entry number and the first hex characters of its hash. */
export const verifyArgs = z
  .object({
    anchorId: z.number('nomor entri harus angka').int('nomor entri harus bilangan bulat').positive('nomor entri mulai dari 1').optional(),
    anchorHash: z
      .string()
      .trim()
      .regex(/^[0-9a-fA-F]{12,64}$/, 'sidik harus 12 sampai 64 karakter heksadesimal (0-9, a-f), seperti tercetak di berita acara')
      .optional(),
  })
  .strict()
  .refine((a) => (a.anchorId === undefined) === (a.anchorHash === undefined), {
    message: 'nomor entri dan sidik jangkar harus diisi keduanya',
  });

export const auditCalls = {
  /** Newest first. */
  list: call<AuditPage>()(
    auditFilter.extend({ offset: z.number().int().min(0).default(0), limit: z.number().int().min(1).max(500).default(100) }).strict(),
    'SIGNED_IN',
  ),
  actions: call<string[]>()(z.object({}).strict(), 'SIGNED_IN'),
  /** "Periksa integritas": walks the hash chain; with an anchor, also "Cocokkan jangkar". */
  verify: call<AuditIntegrityInfo>()(verifyArgs, 'SIGNED_IN'),
  export: call<AuditExportInfo>()(
    z.object({ path: z.string().min(1).max(4096), filter: auditFilter.default({}) }).strict(),
    'ADMIN',
  ),
};
