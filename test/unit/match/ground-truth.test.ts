// The demo generator writes, next to each sample agency file, what it injected into every
// row and which status, reason and element results matching must give. This test runs the
// real pipeline (generator → import → match) once and compares every row of every file with
// that ground truth: status and reason, every element, duplicates, Excel-damage candidates.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ELEMENTS, REASONS, type ElementResult } from '../../../shared/domain.ts';
import { compareNames } from '../../../shared/names.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';
import { generateDemoRegistry, generateSampleWorkbooks, type TruthFile, type TruthRow } from '../../../electron/demo/index.ts';
import { loadPersons, type SourcePerson } from '../../../electron/demo/rows.ts';
import { importFile } from '../../../electron/import/index.ts';
import type { Candidate } from '../../../electron/match/rows.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { openRegistry } from '../../../electron/registry/open.ts';
import { openStoreDb } from '../../../electron/store/open.ts';

/** One matched row as stored: the import's batch_rows joined with row_results. */
interface Got {
  row: number; nik: string | null; name: string | null; birthDate: string | null; duplicateOfRow: number | null;
  status: string; reason: string | null; elements: string; registry: string | null; candidates: string | null;
}
interface Matched { truth: TruthFile; rows: Map<number, Got> }

let dir: string;
let matched: Matched[];
/** Registry persons by their first 15 NIK digits: the ten last-digit variants of a damaged NIK. */
let byPrefix: Map<string, SourcePerson[]>;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'padan-truth-'));
  const demo = await generateDemoRegistry({ dir, persons: 20_000, seed: 7 });
  const files = (await generateSampleWorkbooks({ dir, registryPath: demo.path, seed: 7 })).files;
  byPrefix = new Map();
  for (const p of loadPersons(demo.path)) byPrefix.set(p.nik.slice(0, 15), [...(byPrefix.get(p.nik.slice(0, 15)) ?? []), p]);
  const registry = await openRegistry({ kind: 'demo', path: demo.path }, DEFAULT_SCHEMA_MAPPING);
  const db = openStoreDb({ path: join(dir, 'padan.db'), key: 'truth' });
  const agencyId = (name: string) =>
    (db.prepare('SELECT id FROM agencies WHERE name = ?').get(name) as { id: number } | undefined)?.id ??
    (db.prepare("SELECT id FROM agencies WHERE code = 'DINSOS'").get() as { id: number }).id;
  try {
    matched = [];
    for (const f of files) {
      const truth = JSON.parse(readFileSync(f.truthPath, 'utf8')) as TruthFile;
      const { batchId } = await importFile(db, f.path, { operator: 'uji', purpose: { agencyId: agencyId(f.agency) } });
      const outcome = await matchBatch(db, registry, DEFAULT_SCHEMA_MAPPING, batchId, { operator: 'uji' });
      expect(outcome.state).toBe('MATCHED');
      const rows = db
        .prepare(
          `SELECT r.row_no AS row, r.nik, r.name, r.birth_date AS birthDate, r.duplicate_of_row AS duplicateOfRow,
             x.status, x.reason, x.elements, x.registry, x.candidates
           FROM batch_rows r JOIN row_results x ON x.batch_id = r.batch_id AND x.seq = r.seq WHERE r.batch_id = ?`,
        )
        .all(batchId) as Got[];
      matched.push({ truth, rows: new Map(rows.map((r) => [r.row, r])) });
    }
  } finally {
    db.close();
    await registry.close();
  }
}, 240_000);

afterAll(() => {
  if (dir) rmSync(dir, { recursive: true, force: true });
});

/** Every truth row with its stored result; a row the import lost is reported, not skipped. */
function* eachRow(): Generator<{ file: string; t: TruthRow; got: Got }> {
  for (const { truth, rows } of matched) {
    for (const t of truth.rows) {
      const got = rows.get(t.row);
      if (!got) throw new Error(`${truth.file} row ${t.row}: not imported`);
      yield { file: truth.file, t, got };
    }
  }
}

/** A registry record is found, and its elements compared, for every status but a NIK that found nobody. */
const expectFound = (t: TruthRow): boolean => t.expected.status !== 'INVALID' || t.expected.reason === 'NONAKTIF';

describe('matching against the generator ground truth', () => {
  it('gives every row the status and reason the generator put there, and every status and reason occurs', () => {
    const mismatches: string[] = [];
    const seen = new Set<string>();
    for (const { file, t, got } of eachRow()) {
      seen.add(`${t.expected.status}/${t.expected.reason}`);
      if (got.status !== t.expected.status || got.reason !== t.expected.reason) {
        mismatches.push(`${file} row ${t.row} [${t.defects.join('+')}]: expected ${t.expected.status}/${t.expected.reason} got ${got.status}/${got.reason}`);
      }
    }
    for (const { truth, rows } of matched) expect(rows.size, truth.file).toBe(truth.rows.length);
    expect(mismatches.slice(0, 25)).toEqual([]);
    // So a generator change cannot quietly leave a status or a reason untested.
    const required = ['AKTIF/null', 'MENINGGAL/null', 'PINDAH/null', ...REASONS.map((r) => `${r === 'DOMISILI_LUAR_WILAYAH' ? 'PINDAH' : 'INVALID'}/${r}`)];
    expect([...seen].sort()).toEqual(expect.arrayContaining(required));
    expect(required).toHaveLength(9);
  });

  it('compares every element the file carries: SESUAI unless the generator changed or blanked it', () => {
    const mismatches: string[] = [];
    const results = new Map<string, Set<ElementResult>>();
    for (const { file, t, got } of eachRow()) {
      const elements = JSON.parse(got.elements) as Record<string, string>;
      if (!expectFound(t)) {
        if (got.registry !== null || Object.keys(elements).length > 0) mismatches.push(`${file} row ${t.row}: a record was applied to a row that names nobody found`);
        continue;
      }
      const carried = matched.find((m) => m.truth.file === file)!.truth.elements;
      const want = Object.fromEntries(carried.map((el) => [el, t.elements[el] ?? 'SESUAI']));
      for (const [el, r] of Object.entries(want)) results.set(el, (results.get(el) ?? new Set()).add(r));
      for (const el of new Set([...Object.keys(want), ...Object.keys(elements)])) {
        if (elements[el] !== want[el]) mismatches.push(`${file} row ${t.row} ${el} [${t.defects.join('+')}]: expected ${want[el]} got ${elements[el]}`);
      }
    }
    expect(mismatches.slice(0, 25)).toEqual([]);
    // Every element is compared somewhere, and every result the generator plants occurs.
    expect([...results.keys()].sort()).toEqual([...ELEMENTS].sort());
    const all = new Set([...results.values()].flatMap((s) => [...s]));
    expect([...all].sort()).toEqual(['KOSONG', 'MIRIP', 'SESUAI', 'TIDAK_SESUAI']);
    // And every element is proved to tell a difference, not only to agree.
    const differs = [...results].filter(([, s]) => s.has('MIRIP') || s.has('TIDAK_SESUAI')).map(([el]) => el);
    expect(differs.sort()).toEqual([...ELEMENTS].sort());
  });

  it('points every repeated NIK at its first row and marks no other row', () => {
    const mismatches: string[] = [];
    let planted = 0;
    for (const { file, t, got } of eachRow()) {
      if (got.duplicateOfRow !== t.duplicateOfRow) mismatches.push(`${file} row ${t.row} [${t.defects.join('+')}]: expected duplicate of ${t.duplicateOfRow} got ${got.duplicateOfRow}`);
      if (t.defects.includes('DUPLIKAT') && t.duplicateOfRow !== null) planted++;
    }
    expect(mismatches.slice(0, 25)).toEqual([]);
    expect(planted).toBeGreaterThan(10);
  });

  it('offers the one last-digit variant that agrees with name and birth date first, without applying it', () => {
    const mismatches: string[] = [];
    const cases = { one: 0, other: 0 };
    for (const { file, t, got } of eachRow()) {
      if (!t.defects.includes('NIK_ANGKA_EXCEL')) continue;
      const at = `${file} row ${t.row}`;
      const agreeing = (byPrefix.get(t.trueNik!.slice(0, 15)) ?? []).filter(
        (p) => p.birthDate === got.birthDate && ['SESUAI', 'MIRIP'].includes(compareNames(got.name, p.name)),
      );
      const candidates = JSON.parse(got.candidates ?? '[]') as Candidate[];
      // Never applied by itself: the row keeps the damaged NIK, its status, and no record.
      if (got.nik !== t.cellNik || got.registry !== null || got.elements !== '{}') mismatches.push(`${at}: a candidate was applied`);
      if (got.status !== t.expected.status || got.reason !== t.expected.reason) mismatches.push(`${at}: ${got.status}/${got.reason}`);
      if (agreeing.length === 1) {
        cases.one++;
        if (agreeing[0]!.nik !== t.trueNik) mismatches.push(`${at}: the one agreeing variant is not the true NIK`);
        const top = candidates[0];
        if (top?.nik !== t.trueNik || top.source !== 'LAST_DIGIT' || top.suggested !== true) {
          mismatches.push(`${at}: top candidate ${top?.nik}/${top?.source}/${top?.suggested}, true NIK ${t.trueNik}`);
        }
        if (candidates.slice(1).some((c) => c.suggested)) mismatches.push(`${at}: a second candidate is marked as agreed`);
      } else {
        cases.other++;
        if (candidates.some((c) => c.suggested)) mismatches.push(`${at}: ${agreeing.length} variants agree, yet one is marked as agreed`);
      }
    }
    expect(mismatches.slice(0, 25)).toEqual([]);
    expect(cases.one).toBeGreaterThan(50);
  });
});
