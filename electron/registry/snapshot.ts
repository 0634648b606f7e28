// The registry record a verdict was made from, as row_results.registry stores it: a JSON array
// of the values in FIELDS order, without the field names. Written for every checked row, the
// names made up nearly half of its ~330 bytes: 100,000 rows wrote 15 MB less with the array.
// Snapshots stored before as JSON objects are read all the same.
import type { RegistryPerson } from './types.ts';

const FIELDS = [
  'nik', 'kk', 'name', 'birthPlace', 'birthDate', 'sex', 'motherName', 'flagStatus', 'prop', 'kab', 'kec', 'kel',
  'address', 'rt', 'rw', 'kecamatanName', 'kelurahanName', 'movedOut', 'deceased',
] as const satisfies readonly (keyof RegistryPerson)[];

// Every field of RegistryPerson must be in FIELDS, or a new field would silently not be kept.
type Missing = Exclude<keyof RegistryPerson, (typeof FIELDS)[number]>;
const everyField: [Missing] extends [never] ? true : Missing = true;
void everyField;

export function encodeSnapshot(p: RegistryPerson): string {
  const values: unknown[] = new Array(FIELDS.length);
  for (let i = 0; i < FIELDS.length; i++) values[i] = p[FIELDS[i]!];
  return JSON.stringify(values);
}

/** The stored text back as a person; null for none or for text that is not a snapshot. */
export function decodeSnapshot(text: string | null | undefined): RegistryPerson | null {
  if (!text) return null;
  let v: unknown;
  try {
    v = JSON.parse(text);
  } catch {
    return null;
  }
  if (Array.isArray(v)) {
    const p: Record<string, unknown> = {};
    for (let i = 0; i < FIELDS.length; i++) p[FIELDS[i]!] = v[i] ?? null;
    return p as unknown as RegistryPerson;
  }
  return v && typeof v === 'object' ? (v as RegistryPerson) : null;
}
