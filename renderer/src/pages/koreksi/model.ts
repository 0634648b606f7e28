// The grid's row model: the columnar list from rows/list turned into one plain object per
// row, and the facets (OpenRefine style) computed over those objects in the page.
import type { Element, ElementResult, Status } from '../../../../shared/domain.ts';
import { IMPORT_FLAGS, type ImportFlag } from '../../../../shared/columns.ts';
import { RESULT_CODES, ROW_FLAG, importFlagBit, type RowList, type RowState } from '../../../../shared/api/rows.ts';

export interface GridRow {
  seq: number;
  rowNo: number;
  nikInput: string | null;
  matchedNik: string | null;
  status: Status;
  reason: string | null;
  flags: number;
  results: Partial<Record<Element, ElementResult>>;
  values: Partial<Record<Element, string | null>>;
  choices: Partial<Record<Element, 'AGENCY' | 'SIAK'>>;
}

export function fromList(list: RowList): GridRow[] {
  const rows = new Array<GridRow>(list.count);
  for (let i = 0; i < list.count; i++) {
    const results: GridRow['results'] = {};
    const values: GridRow['values'] = {};
    const choices: GridRow['choices'] = {};
    for (const el of list.elements) {
      const r = list.results[el]![i]!;
      if (r >= 0) results[el] = RESULT_CODES[r];
      values[el] = list.values[el]![i] ?? null;
      const c = list.choices[el]![i];
      if (c) choices[el] = c === 1 ? 'AGENCY' : 'SIAK';
    }
    const ri = list.reason[i]!;
    rows[i] = {
      seq: list.seq[i]!, rowNo: list.rowNo[i]!, nikInput: list.nikInput[i] ?? null, matchedNik: list.matchedNik[i] ?? null,
      status: list.statuses[list.status[i]!]!, reason: ri >= 0 ? list.reasons[ri]! : null, flags: list.flags[i]!,
      results, values, choices,
    };
  }
  return rows;
}

/** A new row object (the grid sees a changed row by identity) with the decision's state. */
export function withState(row: GridRow, s: RowState): GridRow {
  let flags = row.flags & ~(ROW_FLAG.REVIEWED | ROW_FLAG.UNREPAIRABLE | ROW_FLAG.REPAIRED | ROW_FLAG.HAS_CANDIDATES | ROW_FLAG.CROSS_BATCH);
  if (s.reviewed) flags |= ROW_FLAG.REVIEWED;
  if (s.unrepairable) flags |= ROW_FLAG.UNREPAIRABLE;
  if (s.matchedNik) flags |= ROW_FLAG.REPAIRED;
  if (s.candidateCount > 0) flags |= ROW_FLAG.HAS_CANDIDATES;
  if (s.crossBatch) flags |= ROW_FLAG.CROSS_BATCH;
  return { ...row, status: s.status, reason: s.reason, matchedNik: s.matchedNik, results: s.elements, choices: s.elementChoice, flags };
}

const differs = (r: ElementResult | undefined): boolean => r === 'MIRIP' || r === 'TIDAK_SESUAI';

/** INVALID rows and rows whose elements differ from SIAK wait for an operator until reviewed. */
export function needsReview(row: GridRow): boolean {
  if (row.flags & ROW_FLAG.REVIEWED) return false;
  if (row.status === 'INVALID') return true;
  for (const el in row.results) if (differs(row.results[el as Element])) return true;
  return false;
}

export interface Facet {
  key: string;
  /** i18n key of the title, with its options. */
  title: string;
  titleArgs?: Record<string, string>;
  /** The row's value; a row may carry several (import findings): it passes when any is chosen. */
  value(row: GridRow): string | readonly string[];
  /** Values in display order; others found in the data are appended. */
  order: readonly string[];
  /** i18n key prefix for value labels. */
  labels: string;
}

/** Import findings as a facet; NIK_GANDA has its own (dup), from duplicate_of_row. */
const FINDINGS: readonly ImportFlag[] = IMPORT_FLAGS.filter((f) => f !== 'NIK_GANDA');
const FINDING_BITS = FINDINGS.reduce((bits, f) => bits | importFlagBit(f), 0);

function findings(row: GridRow): string | string[] {
  // Most rows have none: no array for them (facet counts run over every row).
  if ((row.flags & FINDING_BITS) === 0) return 'NO_FINDING';
  return FINDINGS.filter((f) => row.flags & importFlagBit(f));
}

export function buildFacets(elements: readonly Element[]): Facet[] {
  const facets: Facet[] = [
    { key: 'review', title: 'facets.review', labels: 'koreksi:facets.values.', order: ['NEEDS', 'DONE', 'OTHER'],
      value: (r) => (needsReview(r) ? 'NEEDS' : r.flags & ROW_FLAG.REVIEWED ? 'DONE' : 'OTHER') },
    { key: 'status', title: 'facets.status', labels: 'common:status.', order: ['AKTIF', 'MENINGGAL', 'PINDAH', 'INVALID', 'BELUM_DIPERIKSA'], value: (r) => r.status },
    { key: 'reason', title: 'facets.reason', labels: 'common:reason.', order: ['RUSAK_EXCEL', 'TIDAK_DITEMUKAN', 'FORMAT', 'KOSONG', 'NONAKTIF', 'DOMISILI_LUAR_WILAYAH', 'NO_REASON'],
      value: (r) => r.reason ?? 'NO_REASON' },
    { key: 'repair', title: 'facets.repair', labels: 'koreksi:facets.values.', order: ['OPEN', 'REPAIRED', 'UNREPAIRABLE'],
      value: (r) => (r.flags & ROW_FLAG.REPAIRED ? 'REPAIRED' : r.flags & ROW_FLAG.UNREPAIRABLE ? 'UNREPAIRABLE' : 'OPEN') },
  ];
  for (const el of elements) {
    facets.push({ key: `el:${el}`, title: 'facets.element', titleArgs: { el }, labels: 'common:elementResult.', order: ['SESUAI', 'MIRIP', 'TIDAK_SESUAI', 'KOSONG', 'NOT_COMPARED'],
      value: (r) => r.results[el] ?? 'NOT_COMPARED' });
  }
  facets.push(
    { key: 'dup', title: 'facets.dup', labels: 'koreksi:facets.values.', order: ['yes', 'no'], value: (r) => (r.flags & ROW_FLAG.DUPLICATE ? 'yes' : 'no') },
    { key: 'xb', title: 'facets.xb', labels: 'koreksi:facets.values.', order: ['yes', 'no'], value: (r) => (r.flags & ROW_FLAG.CROSS_BATCH ? 'yes' : 'no') },
    // Finding labels are the batch page's own (beranda:flag.*), so a new finding needs one label.
    { key: 'imp', title: 'facets.imp', labels: 'beranda:flag.', order: [...FINDINGS, 'NO_FINDING'], value: findings },
  );
  return facets;
}

export type Selection = Record<string, string[]>;

const chosenHas = (chosen: readonly string[], v: string | readonly string[]): boolean =>
  typeof v === 'string' ? chosen.includes(v) : v.some((x) => chosen.includes(x));

/** Within a facet any chosen value passes; across facets all must pass. */
export function passes(row: GridRow, facets: readonly Facet[], sel: Selection, skip?: string): boolean {
  for (const f of facets) {
    if (f.key === skip) continue;
    const chosen = sel[f.key];
    if (chosen && chosen.length > 0 && !chosenHas(chosen, f.value(row))) return false;
  }
  return true;
}

/**
 * Counts per facet value among the rows that pass the other facets, so a facet shows what
 * choosing one of its values would give (one pass over the rows, all facets at once).
 */
export function facetCounts(rows: readonly GridRow[], facets: readonly Facet[], sel: Selection): Record<string, Map<string, number>> {
  const out: Record<string, Map<string, number>> = {};
  const active = facets.filter((f) => (sel[f.key]?.length ?? 0) > 0);
  for (const f of facets) out[f.key] = new Map();
  for (const row of rows) {
    let failed: Facet | null = null;
    let failures = 0;
    for (const f of active) {
      if (!chosenHas(sel[f.key]!, f.value(row))) {
        failures++;
        failed = f;
        if (failures > 1) break;
      }
    }
    if (failures > 1) continue;
    for (const f of facets) {
      if (failures === 1 && failed !== f) continue;
      const v = f.value(row);
      const m = out[f.key]!;
      if (typeof v === 'string') m.set(v, (m.get(v) ?? 0) + 1);
      else for (const x of v) m.set(x, (m.get(x) ?? 0) + 1);
    }
  }
  return out;
}

/**
 * Initial facets from the batch page's count links, such as #/koreksi/12?status=INVALID,
 * ?reason=RUSAK_EXCEL, ?element=NAMA&result=MIRIP, ?flag=NIK_CURIGA_EXCEL, ?flag=NIK_GANDA
 * (the duplicates facet) or ?crossBatch=1: each opens exactly the rows the link counted.
 */
export function selectionFromQuery(q: URLSearchParams): Selection {
  const sel: Selection = {};
  const list = (k: string): string[] => q.getAll(k).flatMap((v) => v.split(',')).filter(Boolean);
  if (list('status').length) sel.status = list('status');
  if (list('reason').length) sel.reason = list('reason');
  for (const el of list('element')) sel[`el:${el}`] = list('result').length ? list('result') : ['MIRIP', 'TIDAK_SESUAI'];
  if (q.get('review') === 'needs') sel.review = ['NEEDS'];
  for (const f of list('flag')) {
    if (f === 'NIK_GANDA') sel.dup = ['yes'];
    else (sel.imp ??= []).push(f);
  }
  if (q.get('crossBatch') === '1') sel.xb = ['yes'];
  return sel;
}
