import { z } from 'zod';
import { schemaMappingSchema, type SchemaMapping } from '../registry-mapping.ts';
import { call } from './define.ts';

// Calls of the 'settings' domain: the SIAK schema mapping and the simple app settings.

export interface AppSettings {
  /** Minutes without activity before the session locks. */
  idleLockMinutes: number;
  /** Accept a single unambiguous candidate for a damaged NIK without review. Off by default. */
  autoRepair: boolean;
}

export const DEFAULT_APP_SETTINGS: AppSettings = { idleLockMinutes: 10, autoRepair: false };

export const appSettingsSchema = z
  .object({
    idleLockMinutes: z.number().int().min(1).max(1440),
    autoRepair: z.boolean(),
  })
  .strict();

export const settingsCalls = {
  getMapping: call<SchemaMapping>()(z.object({}).strict()),
  saveMapping: call<SchemaMapping>()(z.object({ mapping: schemaMappingSchema }).strict(), 'ADMIN'),
  get: call<AppSettings>()(z.object({}).strict()),
  save: call<AppSettings>()(appSettingsSchema.partial().strict(), 'ADMIN'),
};
