import type { RegistrySpec } from './open.ts';

// The one interface every registry kind (demo, SIAK-schema SQLite file, Oracle SIAK)
// implements. NIK and KK values are strings everywhere: a 16-digit number above 2^53
// (provinces 91-96) is not exact in a JavaScript number (domain.md §2).

/** A person as matching needs them: biodata, the family card's address, region, status facts. */
export interface RegistryPerson {
  nik: string;
  kk: string | null;
  name: string;
  birthPlace: string | null;
  /** Calendar date yyyy-mm-dd, never shifted by a timezone. */
  birthDate: string | null;
  /** '1' laki-laki, '2' perempuan, as JENIS_KLMIN. */
  sex: string | null;
  motherName: string | null;
  /** FLAG_STATUS as text ('0' active). */
  flagStatus: string | null;
  /** Current domicile region numbers as text, e.g. '73', '72', '1', '1001'. */
  prop: string | null;
  kab: string | null;
  kec: string | null;
  kel: string | null;
  /** From DATA_KELUARGA via NO_KK. */
  address: string | null;
  rt: string | null;
  rw: string | null;
  /** Region names (SETUP_KEC / SETUP_KEL) when the registry has them. */
  kecamatanName: string | null;
  kelurahanName: string | null;
  /** NIK present in PINDAH_DETAIL (when that source is configured). */
  movedOut: boolean;
  /** NIK present in the configured death table. */
  deceased: boolean;
}

export interface RegistryDiagnostics {
  kind: RegistryKind;
  label: string;
  persons: number;
  families: number;
  /** SELECT FLAG_STATUS, COUNT(*) GROUP BY FLAG_STATUS */
  flagStatus: { value: string; count: number }[];
  /** Every mapped table and column, and whether it exists. */
  schema: { table: string; column: string | null; exists: boolean }[];
}

export type RegistryKind = 'demo' | 'sqlite' | 'oracle';

export interface NameQuery {
  /** Normalised name (shared/names normalizeName). */
  name: string;
  birthDate: string;
}

export interface Registry {
  readonly kind: RegistryKind;
  readonly label: string;
  /** Many NIKs at once; the adapter chunks to at most 1000 keys per query. */
  lookup(niks: readonly string[], signal?: AbortSignal): Promise<Map<string, RegistryPerson>>;
  /** All persons whose NIK starts with one of the prefixes (e.g. the 15 digits Excel kept). */
  lookupPrefixes(prefixes: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]>;
  /** Persons born on one of the dates whose normalised name equals or resembles the query. */
  searchByNameAndBirthDate(queries: readonly NameQuery[], signal?: AbortSignal): Promise<RegistryPerson[]>;
  /** Members of the given family cards. */
  familyMembers(kks: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]>;
  diagnostics(): Promise<RegistryDiagnostics>;
  close(): Promise<void>;
  /** How it was opened (openRegistry), so a worker thread can open the same registry itself. */
  readonly spec?: RegistrySpec;
}
