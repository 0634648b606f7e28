// Which batch_rows column and which registry field hold each element, and which registry
// fields a role may see. An operator sees SIAK values only for the elements the agency sent
// (what the comparison needs); an administrator sees the whole record. The registry record
// is personal data beyond the agency's own (UU 24/2013 art. 79), so less is shown by default.
import type { Role } from '../../shared/domain.ts';
import type { Element } from '../../shared/domain.ts';
import type { VisiblePerson } from '../../shared/api/rows.ts';

export const ROW_COLUMN: Record<Element, string> = {
  NAMA: 'name', TMPT_LHR: 'birth_place', TGL_LHR: 'birth_date', JENIS_KELAMIN: 'sex', NO_KK: 'kk', NAMA_IBU: 'mother_name',
  ALAMAT: 'address', RT: 'rt', RW: 'rw', KELURAHAN: 'kelurahan', KECAMATAN: 'kecamatan',
};

export type PersonKey = keyof VisiblePerson;

export const PERSON_FIELD: Record<Element, Exclude<PersonKey, 'nik'>> = {
  NAMA: 'name', TMPT_LHR: 'birthPlace', TGL_LHR: 'birthDate', JENIS_KELAMIN: 'sex', NO_KK: 'kk', NAMA_IBU: 'motherName',
  ALAMAT: 'address', RT: 'rt', RW: 'rw', KELURAHAN: 'kelurahanName', KECAMATAN: 'kecamatanName',
};

const ALL_KEYS: PersonKey[] = ['nik', 'kk', 'name', 'birthPlace', 'birthDate', 'sex', 'motherName', 'address', 'rt', 'rw', 'kelurahanName', 'kecamatanName'];

export function visibleKeys(role: Role | undefined, mapped: readonly Element[]): PersonKey[] {
  if (role === 'ADMIN') return ALL_KEYS;
  const keys: PersonKey[] = ['nik', 'name', ...mapped.map((el) => PERSON_FIELD[el])];
  return keys.filter((k, i) => keys.indexOf(k) === i);
}

export function visiblePerson(p: Record<string, unknown> | null | undefined, keys: readonly PersonKey[]): VisiblePerson | null {
  if (!p) return null;
  const out: VisiblePerson = {};
  for (const k of keys) {
    const v = p[k];
    out[k] = v === undefined || v === null ? null : String(v);
  }
  return out;
}
