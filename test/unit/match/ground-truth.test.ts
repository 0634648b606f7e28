// The demo generator writes, next to each sample agency file, what it injected into every
// row and which status and reason matching must give. This test runs the real pipeline
// (generator → import → match) and compares every row with that ground truth.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';
import { generateDemoRegistry, generateSampleWorkbooks, type TruthFile } from '../../../electron/demo/index.ts';
import { importFile } from '../../../electron/import/index.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { openRegistry } from '../../../electron/registry/open.ts';
import type { Registry } from '../../../electron/registry/types.ts';
import { openStoreDb } from '../../../electron/store/open.ts';

let dir: string;
let files: { path: string; truthPath: string; agency: string }[];
let registry: Registry;

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'padan-truth-'));
  const demo = await generateDemoRegistry({ dir, persons: 20_000, seed: 7 });
  files = (await generateSampleWorkbooks({ dir, registryPath: demo.path, seed: 7 })).files;
  registry = await openRegistry({ kind: 'demo', path: demo.path }, DEFAULT_SCHEMA_MAPPING);
}, 120_000);

afterAll(async () => {
  await registry?.close();
  rmSync(dir, { recursive: true, force: true });
});

describe('matching against the generator ground truth', () => {
  it('gives every row of every sample file the status, reason and element results the generator put there', async () => {
    const db = openStoreDb({ path: join(dir, 'padan.db'), key: 'truth' });
    const agencyId = (name: string) =>
      (db.prepare('SELECT id FROM agencies WHERE name = ?').get(name) as { id: number } | undefined)?.id ??
      (db.prepare("SELECT id FROM agencies WHERE code = 'DINSOS'").get() as { id: number }).id;
    const mismatches: string[] = [];
    let compared = 0;
    for (const f of files) {
      const truth = JSON.parse(readFileSync(f.truthPath, 'utf8')) as TruthFile;
      const { batchId } = await importFile(db, f.path, { operator: 'uji', purpose: { agencyId: agencyId(f.agency) } });
      const outcome = await matchBatch(db, registry, DEFAULT_SCHEMA_MAPPING, batchId, { operator: 'uji' });
      expect(outcome.state).toBe('MATCHED');
      const rows = new Map(
        (
          db
            .prepare(
              `SELECT r.row_no AS row, x.status, x.reason, x.elements, r.name, r.birth_date AS birthDate, x.registry FROM batch_rows r
               JOIN row_results x ON x.batch_id = r.batch_id AND x.seq = r.seq WHERE r.batch_id = ?`,
            )
            .all(batchId) as { row: number; status: string; reason: string | null; elements: string; name: string | null; birthDate: string | null; registry: string | null }[]
        ).map((r) => [r.row, r]),
      );
      expect(rows.size).toBe(truth.rows.length);
      for (const t of truth.rows) {
        const got = rows.get(t.row);
        compared++;
        if (!got) {
          mismatches.push(`${truth.file} row ${t.row}: missing`);
          continue;
        }
        if (got.status !== t.expected.status || got.reason !== t.expected.reason) {
          mismatches.push(`${truth.file} row ${t.row} [${t.defects.join('+')}]: expected ${t.expected.status}/${t.expected.reason} got ${got.status}/${got.reason}`);
        }
        const elements = JSON.parse(got.elements) as Record<string, string>;
        for (const [el, want] of Object.entries(t.elements)) {
          if (elements[el] !== undefined && elements[el] !== want) {
            const person = got.registry ? (JSON.parse(got.registry) as { name?: string; birthDate?: string }) : {};
            const [mine, theirs] = el === 'NAMA' ? [got.name, person.name] : [got.birthDate, person.birthDate];
            mismatches.push(`${truth.file} row ${t.row} ${el}: expected ${want} got ${elements[el]} ("${mine}" vs "${theirs}")`);
          }
        }
      }
    }
    db.close();
    expect(compared).toBeGreaterThan(7000);
    expect(mismatches.slice(0, 25)).toEqual([]);
  }, 240_000);
});
