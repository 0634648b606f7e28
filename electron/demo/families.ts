// Families of realistic size living in Parepare's real kecamatan/kelurahan, with NIKs and
// KK numbers whose structure agrees with the person (domain.md §3).
import { OTHER_REGENCIES, PAREPARE_KELURAHAN } from '../../shared/wilayah/index.ts';
import { BIRTH_PLACES, femaleName, maleName, STREETS } from './names.ts';
import type { Prng } from './prng.ts';

export interface DemoPerson {
  nik: string;
  kk: string;
  name: string;
  birthPlace: string;
  birthDate: string; // yyyy-mm-dd
  sex: '1' | '2';
  motherName: string;
  relation: number; // STAT_HBKEL
  marital: number; // STAT_KWN
  flagStatus: string;
  prop: number; kab: number; kec: number; kel: number;
  /** Listed in PINDAH_DETAIL / CAPIL_MATI. */
  movedOut: boolean;
  deceased: boolean;
}

export interface DemoFamily {
  kk: string; address: string; rt: string; rw: string;
  prop: number; kab: number; kec: number; kel: number;
  head: string;
}

const pad = (n: number, w: number): string => String(n).padStart(w, '0');
const REF_YEAR = 2025;

/** NIK/KK serials are unique per 12-digit prefix (region + date). */
export class SerialBook {
  private readonly next = new Map<string, number>();
  take(prefix12: string): string {
    const n = (this.next.get(prefix12) ?? 0) + 1;
    this.next.set(prefix12, n);
    if (n > 9999) throw new Error('serial overflow ' + prefix12);
    return prefix12 + pad(n, 4);
  }
}

export function nikFor(region6: string, birthDate: string, sex: '1' | '2', serials: SerialBook): string {
  const [y, m, d] = birthDate.split('-');
  const day = Number(d) + (sex === '2' ? 40 : 0);
  return serials.take(region6 + pad(day, 2) + m + y!.slice(2));
}

function randomDate(prng: Prng, year: number): string {
  const month = prng.int(1, 12);
  const days = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return `${year}-${pad(month, 2)}-${pad(prng.int(1, days), 2)}`;
}

/** Where the NIK was first issued: mostly the family's kecamatan, some elsewhere, a few Papua. */
function issuingRegion(prng: Prng, kec: number): string {
  const r = prng.next();
  if (r < 0.85) return '7372' + pad(kec, 2);
  if (r < 0.995) {
    const other = prng.pick(OTHER_REGENCIES.filter((x) => !x.code.startsWith('9')));
    return other.code + pad(prng.int(1, 12), 2);
  }
  return prng.pick(OTHER_REGENCIES.filter((x) => x.code.startsWith('9'))).code + pad(prng.int(1, 9), 2);
}

function flagFor(prng: Prng, age: number): string {
  const r = prng.next();
  const deadP = age > 70 ? 0.12 : 0.02;
  if (r < deadP) return '1';
  if (r < deadP + 0.025) return '2';
  if (r < deadP + 0.028) return '3';
  if (r < deadP + 0.029) return '4';
  return '0';
}

/** Generates families until exactly `persons` people exist. */
export function generateFamilies(prng: Prng, persons: number): { families: DemoFamily[]; people: DemoPerson[] } {
  const serials = new SerialBook();
  const kkSerials = new SerialBook();
  const families: DemoFamily[] = [];
  const people: DemoPerson[] = [];
  while (people.length < persons) {
    const home = prng.pick(PAREPARE_KELURAHAN);
    // About 1% of active families live outside 73.72 now (domicile elsewhere, domain.md §2).
    const away = prng.chance(0.01);
    const prop = 73, kab = away ? prng.pick([71, 15, 11, 14]) : 72;
    const kec = away ? prng.int(1, 9) : Number(home.kec);
    const kel = away ? 1000 + prng.int(1, 9) : Number(home.code);
    const issued = randomDate(prng, prng.int(2005, 2024));
    const kk = kkSerials.take(`73${pad(kab, 2)}${pad(kec, 2)}${issued.slice(8, 10)}${issued.slice(5, 7)}${issued.slice(2, 4)}`);
    const size = Math.min(persons - people.length, prng.weighted([[1, 8], [2, 14], [3, 20], [4, 24], [5, 17], [6, 9], [7, 5], [8, 3]] as const));
    const headYear = prng.int(REF_YEAR - 80, REF_YEAR - 22);
    const members: DemoPerson[] = [];
    const add = (sex: '1' | '2', year: number, relation: number, marital: number, mother: string): DemoPerson => {
      const birthDate = randomDate(prng, Math.min(year, REF_YEAR - 1));
      const name = sex === '1' ? maleName(prng, year) : femaleName(prng, year);
      const flagStatus = away ? '0' : flagFor(prng, REF_YEAR - year);
      const p: DemoPerson = {
        nik: nikFor(issuingRegion(prng, kec), birthDate, sex, serials), kk, name,
        birthPlace: prng.weighted(BIRTH_PLACES), birthDate, sex, motherName: mother, relation, marital,
        flagStatus, prop, kab, kec, kel, movedOut: flagStatus === '2' && prng.chance(0.8), deceased: flagStatus === '1' && prng.chance(0.8),
      };
      members.push(p);
      return p;
    };
    const headSex = prng.chance(0.85) ? '1' : '2';
    const head = add(headSex, headYear, 1, size > 1 ? 2 : prng.pick([1, 3, 4]), femaleName(prng, headYear - 25));
    let mother = head.sex === '2' ? head.name : '';
    if (size > 1 && headSex === '1') {
      const wifeYear = headYear + prng.int(-2, 8);
      mother = add('2', wifeYear, 3, 2, femaleName(prng, wifeYear - 25)).name;
    }
    while (members.length < size) {
      if (members.length === size - 1 && size >= 5 && prng.chance(0.3)) {
        add(prng.chance(0.7) ? '2' : '1', headYear - prng.int(20, 30), 6, 4, femaleName(prng, headYear - 45));
      } else {
        const childYear = Math.min(headYear + prng.int(20, 42), REF_YEAR - 1);
        add(prng.chance(0.5) ? '1' : '2', childYear, 4, REF_YEAR - childYear > 22 && prng.chance(0.3) ? 2 : 1, mother || femaleName(prng, headYear));
      }
    }
    families.push({
      kk, head: head.nik, prop, kab, kec, kel,
      address: `${prng.pick(STREETS)} NO. ${prng.int(1, 150)}`,
      rt: pad(prng.int(1, 6), 3), rw: pad(prng.int(1, 8), 3),
    });
    people.push(...members);
  }
  return { families, people };
}
