// Schema mapping of SIAK as settings (domain.md §2): table and column names vary between
// SIAK versions, and what FLAG_STATUS values mean is not documented publicly, so the
// administrator confirms both in Pengaturan.
import { z } from 'zod';
import { DEFAULT_WORK_AREA } from './domain.ts';

export const flagTargetSchema = z.enum(['AKTIF', 'MENINGGAL', 'PINDAH', 'NONAKTIF']);
export type FlagTarget = z.infer<typeof flagTargetSchema>;

export const schemaMappingSchema = z.object({
  biodataTable: z.string().min(1),
  familyTable: z.string().min(1),
  columns: z.object({
    nik: z.string().min(1),
    kk: z.string().min(1),
    name: z.string().min(1),
    birthPlace: z.string().min(1),
    birthDate: z.string().min(1),
    sex: z.string().min(1),
    motherName: z.string().min(1),
    flagStatus: z.string().min(1),
    prop: z.string().min(1),
    kab: z.string().min(1),
    kec: z.string().min(1),
    kel: z.string().min(1),
    familyKk: z.string().min(1),
    address: z.string().min(1),
    rt: z.string().min(1),
    rw: z.string().min(1),
  }),
  /** FLAG_STATUS value -> status; any value not listed and not '0' is NONAKTIF. */
  flagStatus: z.record(z.string(), flagTargetSchema),
  /** Optional: a table whose NIK column marks persons who moved out (PINDAH_DETAIL). */
  movedOutTable: z.string().nullable(),
  /** Optional: a table whose NIK column marks deceased persons (CAPIL_MATI). */
  deathTable: z.string().nullable(),
  /** Region names: SETUP_KEC / SETUP_KEL, null to skip. */
  kecamatanTable: z.string().nullable(),
  kelurahanTable: z.string().nullable(),
  /** "73.72": active persons living outside are PINDAH / DOMISILI_LUAR_WILAYAH. Empty: off. */
  workArea: z.string().regex(/^(\d{2}(\.\d{2})?)?$/),
});
export type SchemaMapping = z.infer<typeof schemaMappingSchema>;

export const DEFAULT_SCHEMA_MAPPING: SchemaMapping = {
  biodataTable: 'BIODATA_WNI',
  familyTable: 'DATA_KELUARGA',
  columns: {
    nik: 'NIK',
    kk: 'NO_KK',
    name: 'NAMA_LGKP',
    birthPlace: 'TMPT_LHR',
    birthDate: 'TGL_LHR',
    sex: 'JENIS_KLMIN',
    motherName: 'NAMA_LGKP_IBU',
    flagStatus: 'FLAG_STATUS',
    prop: 'NO_PROP',
    kab: 'NO_KAB',
    kec: 'NO_KEC',
    kel: 'NO_KEL',
    familyKk: 'NO_KK',
    address: 'ALAMAT',
    rt: 'NO_RT',
    rw: 'NO_RW',
  },
  flagStatus: { '0': 'AKTIF', '1': 'MENINGGAL', '2': 'PINDAH' },
  movedOutTable: null,
  deathTable: null,
  kecamatanTable: 'SETUP_KEC',
  kelurahanTable: 'SETUP_KEL',
  workArea: DEFAULT_WORK_AREA,
};

/** What a FLAG_STATUS value means under a mapping. */
export function flagTarget(mapping: SchemaMapping, flag: string | null): FlagTarget {
  const key = (flag ?? '').trim();
  return mapping.flagStatus[key] ?? (key === '0' ? 'AKTIF' : 'NONAKTIF');
}
