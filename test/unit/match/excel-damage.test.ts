// A numeric NIK cell whose 16th digit Excel replaced by 0 (domain.md §4): the ten NIKs sharing
// its first 15 digits are its candidates. Only when exactly one of them agrees with the row's
// name and birth date is it offered first as the agreed one (issue 5); with none or several,
// the operator chooses among plain candidates. Nothing is ever applied by matching itself.
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { candidatesForRow } from '../../../electron/match/candidates.ts';
import type { Candidate } from '../../../electron/match/rows.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { FakeRegistry, person } from './fake-registry.ts';
import { freshStore, insertBatch, results } from './store-helpers.ts';

const DAMAGED = '7372011205800010';
const ROW = { nik: DAMAGED, nikSuspect: true, name: 'MUH. YUSUF', birthDate: '1980-05-12', sex: 'L' };
const variant = (last: string, name: string, birthDate = '1980-05-12') =>
  person({ nik: DAMAGED.slice(0, 15) + last, name, birthDate, sex: '1' });

const YUSUF = variant('3', 'MUHAMMAD YUSUF');
const YUSUP = variant('4', 'MOCH YUSUP'); // a typo-level spelling: agrees as MIRIP
const BUDI = variant('5', 'BUDI SANTOSO');
const YUSUF_OTHER_DATE = variant('6', 'MUHAMMAD YUSUF', '1979-01-01');

async function matchDamagedRow(registry: FakeRegistry) {
  const db = freshStore();
  const id = insertBatch(db, [ROW]);
  await matchBatch(db, registry, M, id, { operator: 't' });
  const [r] = results(db, id);
  const nik = (db.prepare('SELECT nik FROM batch_rows WHERE batch_id = ?').get(id) as { nik: string }).nik;
  const onDemand = await candidatesForRow(db, registry, id, 0);
  return { r: r!, nik, candidates: JSON.parse(r!.candidates) as Candidate[], onDemand };
}

describe('Excel-damaged NIK: the last-digit variants', () => {
  it.each([
    ['exactly one agrees: it is offered first as the agreed one', [BUDI, YUSUF, YUSUF_OTHER_DATE], YUSUF.nik],
    ['none agrees (other names, or the name with another birth date): none is marked', [BUDI, YUSUF_OTHER_DATE], null],
    // The first variant found agrees: ranking it alone must not mark it.
    ['two agree: none is marked, the operator chooses', [YUSUF, YUSUP, BUDI], null],
  ] as const)('%s', async (_, persons, agreed) => {
    const { r, nik, candidates, onDemand } = await matchDamagedRow(new FakeRegistry([...persons]));
    // Matching never applies a candidate: damaged NIK kept, no record, no element results.
    expect([r.status, r.reason]).toEqual(['INVALID', 'RUSAK_EXCEL']);
    expect(nik).toBe(DAMAGED);
    expect(r.registry).toBeNull();
    expect(r.elements).toBe('{}');
    // Every variant the registry holds is offered, whatever its name.
    expect(candidates.map((c) => c.nik).sort()).toEqual(persons.map((p) => p.nik).sort());
    expect(candidates.every((c) => c.source === 'LAST_DIGIT')).toBe(true);
    for (const list of [candidates, onDemand]) {
      expect(list.filter((c) => c.suggested).map((c) => c.nik)).toEqual(agreed ? [agreed] : []);
      if (agreed) expect(list[0]!.nik).toBe(agreed);
    }
  });
});
