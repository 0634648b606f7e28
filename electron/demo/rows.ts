// Makes agency spreadsheet rows about registry persons, with the defects of domain.md §4
// injected at realistic rates, and the truth of every row.
import Database from 'better-sqlite3-multiple-ciphers';
import { compareDates, compareElement, type PersonElements, type RowElements } from '../../shared/compare.ts';
import type { Element, ElementResult } from '../../shared/domain.ts';
import { nameVariant } from './names.ts';
import { nikStructureValid } from './nik-check.ts';
import type { Prng } from './prng.ts';
import { expectedStatus, type TruthRow } from './truth.ts';

export interface SourcePerson {
  nik: string; kk: string | null; name: string; birthPlace: string | null; birthDate: string; sex: string;
  motherName: string | null; flagStatus: string; prop: string; kab: string; address: string | null;
  rt: string | null; rw: string | null; kecName: string | null; kelName: string | null;
}

/** Reads every person from a demo registry (NIKs as exact text). */
export function loadPersons(registryPath: string): SourcePerson[] {
  const db = new Database(registryPath, { readonly: true, fileMustExist: true });
  try {
    return db.prepare(`SELECT CAST(b.NIK AS TEXT) nik, CAST(b.NO_KK AS TEXT) kk, b.NAMA_LGKP name, b.TMPT_LHR birthPlace,
      b.TGL_LHR birthDate, CAST(b.JENIS_KLMIN AS TEXT) sex, b.NAMA_LGKP_IBU motherName, CAST(b.FLAG_STATUS AS TEXT) flagStatus,
      CAST(b.NO_PROP AS TEXT) prop, CAST(b.NO_KAB AS TEXT) kab, k.ALAMAT address, k.NO_RT rt, k.NO_RW rw,
      sk.NAMA_KEC kecName, sl.NAMA_KEL kelName
      FROM BIODATA_WNI b LEFT JOIN DATA_KELUARGA k ON k.NO_KK = b.NO_KK
      LEFT JOIN SETUP_KEC sk ON sk.NO_PROP = b.NO_PROP AND sk.NO_KAB = b.NO_KAB AND sk.NO_KEC = b.NO_KEC
      LEFT JOIN SETUP_KEL sl ON sl.NO_PROP = b.NO_PROP AND sl.NO_KAB = b.NO_KAB AND sl.NO_KEC = b.NO_KEC AND sl.NO_KEL = b.NO_KEL
      ORDER BY b.rowid`).all() as SourcePerson[];
  } finally {
    db.close();
  }
}

/** An Excel serial date cell. */
export interface SerialDate { serial: number }
export type Cell = string | number | SerialDate | null;
export type Column = 'NIK' | 'NO_KK' | 'NAMA' | 'TMPT_LHR' | 'TGL_LHR' | 'TTL' | 'JK' | 'NAMA_IBU' | 'ALAMAT' | 'RT' | 'RW' | 'KELURAHAN' | 'KECAMATAN';
export interface AgencyRow { cells: Partial<Record<Column, Cell>>; truth: Omit<TruthRow, 'row' | 'duplicateOfRow'> }

const MONTHS = ['Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni', 'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember'];
export type DateStyle = 'mixed' | 'text';

export function formatDate(prng: Prng, iso: string, style: DateStyle): Cell {
  const [y, m, d] = iso.split('-');
  const r = prng.int(0, style === 'mixed' ? 3 : 2);
  if (r === 0) return `${d}/${m}/${y}`;
  if (r === 1) return `${d}-${m}-${y}`;
  if (r === 2) return `${Number(d)} ${MONTHS[Number(m) - 1]} ${y}`;
  return { serial: (Date.UTC(Number(y), Number(m) - 1, Number(d)) - Date.UTC(1899, 11, 30)) / 86_400_000 };
}

export class RowMaker {
  private readonly byCategory: Record<string, SourcePerson[]>;
  private readonly niks: Set<string>;

  /**
   * elementPrng: when given, about one found row in twelve gets one other element changed
   * (place of birth, sex, family card, mother's name, address, RT, RW, kelurahan, kecamatan),
   * drawn from this second sequence so the main one, and with it every NIK, status and name
   * in the file, stays what the seed gave before.
   */
  constructor(
    private readonly prng: Prng, persons: readonly SourcePerson[], private readonly dateStyle: DateStyle = 'mixed',
    private readonly elementPrng?: Prng,
  ) {
    this.niks = new Set(persons.map((p) => p.nik));
    this.byCategory = { AKTIF: [], MENINGGAL: [], PINDAH: [], LUAR: [], NONAKTIF: [] };
    for (const p of persons) {
      const e = expectedStatus(p);
      const key = e.reason === 'DOMISILI_LUAR_WILAYAH' ? 'LUAR' : e.reason === 'NONAKTIF' ? 'NONAKTIF' : e.status;
      this.byCategory[key]!.push(p);
    }
  }

  make(): AgencyRow {
    const prng = this.prng;
    const category = prng.weighted([['AKTIF', 80], ['MENINGGAL', 5], ['PINDAH', 4], ['LUAR', 2], ['NONAKTIF', 1.5], ['ASING', 3], ['KOSONG', 1]] as const);
    if (category === 'ASING') return this.unknownPerson();
    const pool = this.byCategory[category === 'KOSONG' ? 'AKTIF' : category]!;
    const p = prng.pick(pool.length ? pool : this.byCategory.AKTIF!);
    const defects: string[] = [];
    const elements: Partial<Record<Element, ElementResult>> = {};
    let expected = expectedStatus(p);
    let nikCell: Cell = p.nik;
    if (category === 'KOSONG') {
      nikCell = null; defects.push('NIK_KOSONG'); expected = { status: 'INVALID', reason: 'KOSONG' };
    } else {
      const kind = prng.weighted([['ok', 72], ['punct', 8], ['excel', 6], ['sci', 2], ['typo', 7], ['swap', 5]] as const);
      if (kind === 'punct') {
        nikCell = prng.pick([`'${p.nik}`, `${p.nik.slice(0, 6)} ${p.nik.slice(6, 12)} ${p.nik.slice(12)}`, `${p.nik.slice(0, 2)}.${p.nik.slice(2, 4)}.${p.nik.slice(4, 6)}.${p.nik.slice(6)}`, ` ${p.nik}\u00a0`]);
        defects.push('NIK_TANDA_BACA');
      } else if (kind === 'excel' && !p.nik.endsWith('0') && !this.niks.has(p.nik.slice(0, 15) + '0')) {
        nikCell = Number(p.nik.slice(0, 15) + '0'); defects.push('NIK_ANGKA_EXCEL'); expected = { status: 'INVALID', reason: 'RUSAK_EXCEL' };
      } else if (kind === 'sci') {
        nikCell = `${p.nik[0]}.${p.nik.slice(1, 6)}E+15`; defects.push('NIK_NOTASI_ILMIAH'); expected = { status: 'INVALID', reason: 'RUSAK_EXCEL' };
      } else if (kind === 'typo' || kind === 'swap') {
        const bad = kind === 'typo' ? this.typo(p.nik) : this.swap(p.nik);
        if (bad) {
          nikCell = bad; defects.push(kind === 'typo' ? 'NIK_TYPO' : 'NIK_TERTUKAR');
          expected = { status: 'INVALID', reason: nikStructureValid(bad) ? 'TIDAK_DITEMUKAN' : 'FORMAT' };
        }
      }
    }
    let name = p.name;
    const r = prng.next();
    if (r < 0.08) { const v = nameVariant(prng, name); name = v.name; defects.push(v.kind); elements.NAMA = 'SESUAI'; }
    else if (r < 0.11) { name = this.nameTypo(name); defects.push('NAMA_SALAH_KETIK'); elements.NAMA = 'MIRIP'; }
    else if (r < 0.12) { name = this.otherName(p); defects.push('NAMA_LAIN'); elements.NAMA = 'TIDAK_SESUAI'; }
    let birthDate = p.birthDate;
    if (prng.chance(0.03)) {
      // A clearly different date: one wrong digit or day and month swapped would be MIRIP.
      do {
        const d = new Date(Date.parse(p.birthDate) + prng.int(1, 400) * 86_400_000 * (prng.chance(0.5) ? 1 : -1));
        birthDate = d.toISOString().slice(0, 10);
      } while (compareDates(p.birthDate, birthDate) !== 'TIDAK_SESUAI');
      defects.push('TGL_LHR_SALAH'); elements.TGL_LHR = 'TIDAK_SESUAI';
    }
    const tglLhr = formatDate(prng, birthDate, this.dateStyle);
    const longSex = !prng.chance(0.5);
    const v = this.otherElement(p, defects, elements);
    const sex = v.sex ?? p.sex;
    return {
      cells: {
        NIK: nikCell, NO_KK: v.kk ?? p.kk, NAMA: name, TMPT_LHR: v.birthPlace ?? p.birthPlace, TGL_LHR: tglLhr,
        TTL: `${v.birthPlace ?? p.birthPlace ?? ''}, ${birthDate.slice(8, 10)}-${birthDate.slice(5, 7)}-${birthDate.slice(0, 4)}`,
        JK: longSex ? (sex === '1' ? 'LAKI-LAKI' : 'PEREMPUAN') : sex === '1' ? 'L' : 'P',
        NAMA_IBU: v.motherName ?? p.motherName, ALAMAT: v.address ?? p.address, RT: v.rt ?? p.rt, RW: v.rw ?? p.rw,
        KELURAHAN: v.kelurahan ?? p.kelName, KECAMATAN: v.kecamatan ?? p.kecName,
      },
      truth: { defects, trueNik: p.nik, cellNik: nikCell === null ? '' : String(nikCell), expected, elements },
    };
  }

  /**
   * One element other than name and birth date written differently from the registry, with the
   * result it must get. Each change is checked against the comparison it is meant to trigger
   * (as the wrong birth date is), so the truth never claims what the rules would not give.
   */
  private otherElement(p: SourcePerson, defects: string[], elements: Partial<Record<Element, ElementResult>>): Partial<RowElements> {
    const prng = this.elementPrng;
    if (!prng || !prng.chance(1 / 12)) return {};
    const person: PersonElements = {
      name: p.name, birthPlace: p.birthPlace, birthDate: p.birthDate, sex: p.sex, kk: p.kk, motherName: p.motherName,
      address: p.address, rt: p.rt, rw: p.rw, kelurahanName: p.kelName, kecamatanName: p.kecName,
    };
    const other = () => prng.pick(this.byCategory.AKTIF!);
    const tries: [Element, string, ElementResult, () => Partial<RowElements>][] = [
      ['TMPT_LHR', 'TMPT_LHR_LAIN', 'TIDAK_SESUAI', () => ({ birthPlace: prng.pick(['JAKARTA', 'SURABAYA', 'MEDAN', 'KUPANG', 'AMBON', 'JAYAPURA']) })],
      ['JENIS_KELAMIN', 'JK_TERBALIK', 'TIDAK_SESUAI', () => ({ sex: p.sex === '1' ? '2' : '1' })],
      ['NO_KK', 'NO_KK_SALAH_KETIK', 'MIRIP', () => ({ kk: p.kk && p.kk.slice(0, 10) + ((Number(p.kk[10]) + prng.int(1, 9)) % 10) + p.kk.slice(11) })],
      ['NAMA_IBU', 'NAMA_IBU_SALAH_KETIK', 'MIRIP', () => ({ motherName: p.motherName && this.nameTypo(p.motherName, prng) })],
      ['NAMA_IBU', 'NAMA_IBU_LAIN', 'TIDAK_SESUAI', () => ({ motherName: other().motherName })],
      ['ALAMAT', 'ALAMAT_LAIN', 'TIDAK_SESUAI', () => ({ address: other().address })],
      ['RT', 'RT_LAIN', 'TIDAK_SESUAI', () => ({ rt: p.rt && String((Number(p.rt) % 20) + 1).padStart(3, '0') })],
      ['RW', 'RW_LAIN', 'TIDAK_SESUAI', () => ({ rw: p.rw && String((Number(p.rw) % 12) + 1).padStart(3, '0') })],
      ['KELURAHAN', 'KELURAHAN_LAIN', 'TIDAK_SESUAI', () => ({ kelurahan: other().kelName })],
      ['KECAMATAN', 'KECAMATAN_LAIN', 'TIDAK_SESUAI', () => ({ kecamatan: other().kecName })],
    ];
    const [element, defect, want, make] = prng.pick(tries);
    for (let attempt = 0; attempt < 5; attempt++) {
      const row = make();
      const full: RowElements = {
        name: null, birthPlace: person.birthPlace, birthDate: null, sex: person.sex, kk: person.kk, motherName: person.motherName,
        address: person.address, rt: person.rt, rw: person.rw, kelurahan: person.kelurahanName, kecamatan: person.kecamatanName, ...row,
      };
      if (Object.values(row).every((x) => x) && compareElement(element, full, person) === want) {
        defects.push(defect);
        elements[element] = want;
        return row;
      }
    }
    return {};
  }

  private unknownPerson(): AgencyRow {
    const prng = this.prng;
    let nik: string;
    let year: number;
    do {
      const y = (year = prng.int(1950, 2010)), m = prng.int(1, 12), d = prng.int(1, 28) + (prng.chance(0.5) ? 40 : 0);
      nik = `73720${prng.int(1, 4)}${String(d).padStart(2, '0')}${String(m).padStart(2, '0')}${String(y).slice(2)}${prng.int(5000, 9999)}`;
    } while (this.niks.has(nik));
    // The full year: the NIK's two digits alone would put someone born in 2001 in 1901.
    const birth = `${year}-${nik.slice(8, 10)}-${String(Number(nik.slice(6, 8)) % 40).padStart(2, '0')}`;
    return {
      cells: { NIK: nik, NAMA: 'PENDUDUK LUAR DATA', TGL_LHR: formatDate(prng, birth, this.dateStyle), TTL: `PAREPARE, ${birth.slice(8)}-${birth.slice(5, 7)}-${birth.slice(0, 4)}`, JK: 'L' },
      truth: { defects: ['NIK_TIDAK_TERDAFTAR'], trueNik: null, cellNik: nik, expected: { status: 'INVALID', reason: 'TIDAK_DITEMUKAN' }, elements: {} },
    };
  }

  /** One digit substituted somewhere after the province, never producing a registry NIK. */
  private typo(nik: string): string | null {
    for (let i = 0; i < 5; i++) {
      const pos = this.prng.int(2, 15);
      const digit = String((Number(nik[pos]) + this.prng.int(1, 9)) % 10);
      const bad = nik.slice(0, pos) + digit + nik.slice(pos + 1);
      if (!this.niks.has(bad)) return bad;
    }
    return null;
  }

  private swap(nik: string): string | null {
    for (let i = 0; i < 5; i++) {
      const pos = this.prng.int(2, 14);
      if (nik[pos] === nik[pos + 1]) continue;
      const bad = nik.slice(0, pos) + nik[pos + 1] + nik[pos] + nik.slice(pos + 2);
      if (!this.niks.has(bad)) return bad;
    }
    return null;
  }

  private nameTypo(name: string, prng: Prng = this.prng): string {
    const words = name.split(' ');
    // A typo a clerk makes in a plain word: not in an abbreviation ("MUH."), and not inside an
    // old-spelling digraph that normalisation folds (TJ, DJ, OE, ...), where one wrong key
    // would change two letters of the folded word and the truth would no longer be "MIRIP".
    const typable = (w: string) => w.length >= 4 && !w.includes('.') && !/TJ|DJ|OE|NJ|SJ|CH/.test(w);
    let longest = -1;
    words.forEach((w, i) => { if (typable(w) && (longest < 0 || w.length > words[longest]!.length)) longest = i; });
    if (longest < 0) return name + 'H';
    const w = words[longest]!;
    const pos = prng.int(1, w.length - 1);
    const letter = w[pos] === 'A' ? 'E' : 'A';
    words[longest] = w.slice(0, pos) + letter + w.slice(pos + 1);
    return words.join(' ');
  }

  private otherName(p: SourcePerson): string {
    const pool = this.byCategory.AKTIF!;
    for (;;) {
      const other = this.prng.pick(pool).name;
      if (other.split(' ').every((w) => !p.name.split(' ').includes(w))) return other;
    }
  }
}
