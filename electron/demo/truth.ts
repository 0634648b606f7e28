// Ground truth written next to each sample workbook (DIR/<name>.truth.json), so matching
// tests can compare their result per row with what the generator injected.
import type { Element, ElementResult, Reason, Status } from '../../shared/domain.ts';

export interface TruthRow {
  /** 1-based sheet row (CSV: 1-based line). */
  row: number;
  /** Defects injected in this row, e.g. ['NIK_ANGKA_EXCEL'], ['NIK_TYPO', 'TGL_LHR_SALAH']; [] for a clean row. */
  defects: string[];
  /** The registry NIK of the person this row is about; null when the row names nobody in it. */
  trueNik: string | null;
  /** The NIK cell as written: text as is, a numeric cell as its digits. */
  cellNik: string;
  /** Under the default schema mapping (work area 73.72, no PINDAH_DETAIL / death table). */
  expected: { status: Status; reason: Reason | null };
  /**
   * Elements the generator changed, and those it wrote blank (KOSONG); every other element of
   * the file (TruthFile.elements) is SESUAI when the person is found.
   */
  elements: Partial<Record<Element, ElementResult>>;
  /** The first earlier row whose NIK cell spells the same valid NIK (planted copy or the same person drawn twice); else null. */
  duplicateOfRow: number | null;
}

export interface TruthFile {
  file: string;
  agency: string;
  sheet: string;
  seed: number;
  /** The elements the file's columns carry (a TTL column carries TMPT_LHR and TGL_LHR). */
  elements: Element[];
  headerRow: number;
  firstDataRow: number;
  /** Rows with nothing in them, between data rows. */
  blankRows: number[];
  totalsRow: number | null;
  rows: TruthRow[];
}

export interface PersonFacts { flagStatus: string | null; prop: string | null; kab: string | null }

/** Status of a found person under the default mapping (domain.md §2). */
export function expectedStatus(p: PersonFacts): { status: Status; reason: Reason | null } {
  switch ((p.flagStatus ?? '').trim()) {
    case '0':
      return p.prop === '73' && p.kab === '72' ? { status: 'AKTIF', reason: null } : { status: 'PINDAH', reason: 'DOMISILI_LUAR_WILAYAH' };
    case '1': return { status: 'MENINGGAL', reason: null };
    case '2': return { status: 'PINDAH', reason: null };
    default: return { status: 'INVALID', reason: 'NONAKTIF' };
  }
}
