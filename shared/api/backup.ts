import { z } from 'zod';
import { call } from './define.ts';

// Calls of the 'backup' domain: encrypted backup and restore of the local store, and the
// end-of-retention purge (plan first, then purge). Administrators only, except inspect.

export interface BackupInfo {
  createdAt: string;
  createdBy: string;
  appSchema: number;
  batches: number;
  auditEntries: number;
  auditChainOk: boolean;
  bytes: number;
}

export interface RestoreInfo extends BackupInfo {
  /** Where the store as it was before the restore was kept. */
  previousCopy: string;
}

export interface PurgeCandidateInfo {
  batchId: number;
  agencyId: number;
  agencyName: string;
  letterNo: string | null;
  rowCount: number;
  exportedAt: string;
  retentionDays: number;
  /** When the retention period ended. */
  dueAt: string;
}

export interface PurgeOutcomeInfo {
  batchId: number;
  rows: number;
  corrections: number;
}

const path = z.string().min(1).max(4096);
const passphrase = z.string().min(8).max(1024);

export const backupCalls = {
  create: call<BackupInfo>()(z.object({ path, passphrase }).strict(), 'ADMIN'),
  inspect: call<BackupInfo>()(z.object({ path, passphrase: z.string().min(1).max(1024) }).strict(), 'ADMIN'),
  /** confirm must be literally true: restore replaces the whole store. */
  restore: call<RestoreInfo>()(z.object({ path, passphrase: z.string().min(1).max(1024), confirm: z.literal(true) }).strict(), 'ADMIN'),
  /** Batches whose retention ended: shown before any purge. */
  purgePlan: call<PurgeCandidateInfo[]>()(z.object({}).strict(), 'ADMIN'),
  purge: call<PurgeOutcomeInfo[]>()(z.object({ batchIds: z.array(z.number().int().positive()).min(1).max(10_000) }).strict(), 'ADMIN'),
};
