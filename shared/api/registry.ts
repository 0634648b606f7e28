import { z } from 'zod';
import { call } from './define.ts';

// Calls of the 'registry' domain: which SIAK the office matches against, a connection
// test with the adapter's Indonesian message, diagnostics so the administrator can confirm
// the schema mapping, and the online/queued state shown in the top bar.

export type RegistrySettingsInfo =
  | { kind: 'demo' }
  | { kind: 'sqlite'; path: string }
  /** The password is never sent back: hasPassword says whether one is stored. */
  | { kind: 'oracle'; host: string; port: number; serviceName: string; user: string; hasPassword: boolean };

export interface RegistryTestResult {
  ok: boolean;
  label: string | null;
  /** Error code (REGISTRY_UNREACHABLE, REGISTRY_AUTH, ...) when not ok. */
  code: string | null;
  /** Indonesian: what happened and what to do. */
  message: string;
  millis: number;
}

export interface RegistryDiagnosticsInfo {
  kind: string;
  label: string;
  persons: number;
  families: number;
  /** FLAG_STATUS distribution with what the current mapping makes of each value. */
  flagStatus: { value: string; count: number; mappedTo: string }[];
  schema: { table: string; column: string | null; exists: boolean }[];
}

export interface RegistryStateInfo {
  online: boolean | null;
  queued: number;
  nextProbeAt: string | null;
  lastError: string | null;
  label: string | null;
}

const oracleFields = {
  host: z.string().trim().min(1, 'host wajib diisi').max(253),
  port: z.number().int().min(1).max(65535),
  serviceName: z.string().trim().min(1, 'service name wajib diisi').max(128),
  user: z.string().trim().min(1, 'pengguna wajib diisi').max(128),
  /** Omitted: keep the stored password. */
  password: z.string().max(256).optional(),
};

export const registrySettingsSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }).strict(),
  z.object({ kind: z.literal('sqlite'), path: z.string().trim().min(1, 'lokasi berkas wajib diisi').max(1024) }).strict(),
  z.object({ kind: z.literal('oracle'), ...oracleFields }).strict(),
]);
export type RegistrySettingsInput = z.infer<typeof registrySettingsSchema>;

export const registryCalls = {
  get: call<RegistrySettingsInfo>()(z.object({}).strict()),
  save: call<RegistrySettingsInfo>()(registrySettingsSchema, 'ADMIN'),
  /** Tests the given (unsaved) settings, or the saved ones when settings is omitted. */
  test: call<RegistryTestResult>()(z.object({ settings: registrySettingsSchema.optional() }).strict(), 'ADMIN'),
  diagnostics: call<RegistryDiagnosticsInfo>()(z.object({}).strict(), 'ADMIN'),
  state: call<RegistryStateInfo>()(z.object({}).strict()),
  /** "Coba sekarang": probe the registry at once instead of waiting for the backoff. */
  probe: call<RegistryStateInfo>()(z.object({}).strict()),
};
