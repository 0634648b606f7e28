// SQL text shared by the SQLite and Oracle adapters. Table and column names come from the
// schema mapping (settings), so they are checked against an identifier pattern before they
// reach SQL: values are always bound, names never interpolated unchecked.
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { RegistryError } from './errors.ts';
import type { RegistryPerson } from './types.ts';

const IDENT = /^[A-Za-z_][A-Za-z0-9_$#]{0,127}(\.[A-Za-z_][A-Za-z0-9_$#]{0,127})?$/;

export function ident(name: string): string {
  if (!IDENT.test(name)) {
    throw new RegistryError('REGISTRY_SCHEMA', `Nama tabel/kolom "${name}" tidak sah. Periksa pemetaan skema di Pengaturan.`);
  }
  return name;
}

/** Column type as the database reports it, or null when the column is missing. */
export type ColumnTypeOf = (table: string, column: string) => string | null;

export interface Dialect {
  /** Expression that yields the value as exact text (NIK above 2^53 included). */
  text(expr: string, type: string): string;
  /** Expression that yields a yyyy-mm-dd calendar date as text. */
  date(expr: string, type: string): string;
}

/** Columns the setup tables have in SIAK (not part of the mapping). */
const SETUP_KEC_NAME = 'NAMA_KEC';
const SETUP_KEL_NAME = 'NAMA_KEL';

/**
 * SELECT ... FROM biodata b LEFT JOIN family k ... (no WHERE): one row per person. `driver`
 * is a table placed before the biodata with CROSS JOIN (SQLite then keeps it as the outer
 * loop), e.g. a temp table of keys that the caller's WHERE joins to an indexed column.
 */
export function personSelect(m: SchemaMapping, d: Dialect, typeOf: ColumnTypeOf, driver?: string): string {
  const c = m.columns;
  const bio = ident(m.biodataTable);
  const fam = ident(m.familyTable);
  const col = (alias: string, table: string, column: string, as: string, kind: 'text' | 'date' = 'text'): string => {
    const type = typeOf(table, column);
    if (type === null) return `NULL AS "${as}"`;
    const expr = `${alias}.${ident(column)}`;
    return `${kind === 'date' ? d.date(expr, type) : d.text(expr, type)} AS "${as}"`;
  };
  const hasFamily = typeOf(fam, c.familyKk) !== null;
  const parts = [
    col('b', bio, c.nik, 'nik'), col('b', bio, c.kk, 'kk'), col('b', bio, c.name, 'name'),
    col('b', bio, c.birthPlace, 'birthPlace'), col('b', bio, c.birthDate, 'birthDate', 'date'),
    col('b', bio, c.sex, 'sex'), col('b', bio, c.motherName, 'motherName'), col('b', bio, c.flagStatus, 'flagStatus'),
    col('b', bio, c.prop, 'prop'), col('b', bio, c.kab, 'kab'), col('b', bio, c.kec, 'kec'), col('b', bio, c.kel, 'kel'),
    hasFamily ? col('k', fam, c.address, 'address') : 'NULL AS "address"',
    hasFamily ? col('k', fam, c.rt, 'rt') : 'NULL AS "rt"',
    hasFamily ? col('k', fam, c.rw, 'rw') : 'NULL AS "rw"',
  ];
  const joins: string[] = [];
  if (hasFamily && typeOf(bio, c.kk) !== null) joins.push(`LEFT JOIN ${fam} k ON k.${ident(c.familyKk)} = b.${ident(c.kk)}`);
  const regionCols = { NO_PROP: c.prop, NO_KAB: c.kab, NO_KEC: c.kec, NO_KEL: c.kel };
  const region = (alias: string, keys: (keyof typeof regionCols)[]): string =>
    keys.map((k) => `${alias}.${k} = b.${ident(regionCols[k])}`).join(' AND ');
  if (m.kecamatanTable && typeOf(m.kecamatanTable, SETUP_KEC_NAME) !== null) {
    joins.push(`LEFT JOIN ${ident(m.kecamatanTable)} sk ON ${region('sk', ['NO_PROP', 'NO_KAB', 'NO_KEC'])}`);
    parts.push(`sk.${SETUP_KEC_NAME} AS "kecamatanName"`);
  } else parts.push('NULL AS "kecamatanName"');
  if (m.kelurahanTable && typeOf(m.kelurahanTable, SETUP_KEL_NAME) !== null) {
    joins.push(`LEFT JOIN ${ident(m.kelurahanTable)} sl ON ${region('sl', ['NO_PROP', 'NO_KAB', 'NO_KEC', 'NO_KEL'])}`);
    parts.push(`sl.${SETUP_KEL_NAME} AS "kelurahanName"`);
  } else parts.push('NULL AS "kelurahanName"');
  const marker = (table: string | null, as: string): string =>
    table && typeOf(table, 'NIK') !== null
      ? `CASE WHEN EXISTS (SELECT 1 FROM ${ident(table)} x WHERE x.NIK = b.${ident(c.nik)}) THEN 1 ELSE 0 END AS "${as}"`
      : `0 AS "${as}"`;
  parts.push(marker(m.movedOutTable, 'movedOut'), marker(m.deathTable, 'deceased'));
  return `SELECT ${parts.join(', ')} FROM ${driver ? `${driver} CROSS JOIN ` : ''}${bio} b ${joins.join(' ')}`;
}

type Row = Record<string, unknown>;
const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v).trim() || null);

export function toPerson(r: Row): RegistryPerson {
  return {
    nik: String(r.nik).trim(), kk: str(r.kk), name: str(r.name) ?? '', birthPlace: str(r.birthPlace),
    birthDate: str(r.birthDate), sex: str(r.sex), motherName: str(r.motherName), flagStatus: str(r.flagStatus),
    prop: str(r.prop), kab: str(r.kab), kec: str(r.kec), kel: str(r.kel), address: str(r.address),
    rt: str(r.rt), rw: str(r.rw), kecamatanName: str(r.kecamatanName), kelurahanName: str(r.kelurahanName),
    movedOut: Number(r.movedOut) === 1, deceased: Number(r.deceased) === 1,
  };
}

/** Column order of personSelect, for reading its rows as arrays (see toPersonValues). */
export const PERSON_COLUMNS = [
  'nik', 'kk', 'name', 'birthPlace', 'birthDate', 'sex', 'motherName', 'flagStatus', 'prop', 'kab', 'kec', 'kel',
  'address', 'rt', 'rw', 'kecamatanName', 'kelurahanName', 'movedOut', 'deceased',
] as const;

/** toPerson of a row read as an array in PERSON_COLUMNS order: no keyed object per row first. */
export function toPersonValues(v: readonly unknown[]): RegistryPerson {
  return {
    nik: String(v[0]).trim(), kk: str(v[1]), name: str(v[2]) ?? '', birthPlace: str(v[3]),
    birthDate: str(v[4]), sex: str(v[5]), motherName: str(v[6]), flagStatus: str(v[7]),
    prop: str(v[8]), kab: str(v[9]), kec: str(v[10]), kel: str(v[11]), address: str(v[12]),
    rt: str(v[13]), rw: str(v[14]), kecamatanName: str(v[15]), kelurahanName: str(v[16]),
    movedOut: Number(v[17]) === 1, deceased: Number(v[18]) === 1,
  };
}

/** The mapped tables and columns that diagnostics report on. */
export function mappedSchema(m: SchemaMapping): { table: string; column: string | null }[] {
  const c = m.columns;
  const out: { table: string; column: string | null }[] = [];
  for (const k of ['nik', 'kk', 'name', 'birthPlace', 'birthDate', 'sex', 'motherName', 'flagStatus', 'prop', 'kab', 'kec', 'kel'] as const) {
    out.push({ table: m.biodataTable, column: c[k] });
  }
  for (const k of ['familyKk', 'address', 'rt', 'rw'] as const) out.push({ table: m.familyTable, column: c[k] });
  if (m.kecamatanTable) out.push({ table: m.kecamatanTable, column: SETUP_KEC_NAME });
  if (m.kelurahanTable) out.push({ table: m.kelurahanTable, column: SETUP_KEL_NAME });
  if (m.movedOutTable) out.push({ table: m.movedOutTable, column: 'NIK' });
  if (m.deathTable) out.push({ table: m.deathTable, column: 'NIK' });
  return out;
}

/** [lo, hi] of 16-digit NIKs that start with a digit prefix. */
export function prefixRange(prefix: string): [string, string] {
  return [prefix.padEnd(16, '0'), prefix.padEnd(16, '9')];
}

export function chunks<T>(items: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += size) out.push(items.slice(i, i + size));
  return out;
}

export const DIGITS = /^\d{1,16}$/;
