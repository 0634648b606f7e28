import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING, type SchemaMapping } from '../../../shared/registry-mapping.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { recheckRow } from '../../../electron/match/recheck.ts';
import type { Candidate } from '../../../electron/match/rows.ts';
import { FakeRegistry, person } from './fake-registry.ts';
import { freshStore, insertBatch, results } from './store-helpers.ts';

const M = DEFAULT_SCHEMA_MAPPING;
const A = '7372011205800001'; // active, Parepare
const D = '7372011205800002'; // flag 1: deceased
const P = '7372011205800003'; // flag 2: moved
const X = '7372011205800004'; // flag 9: not mapped -> NONAKTIF
const O = '7372011205800005'; // active, living in Makassar (73.71)
const T = '7372011205800006'; // in the death table only
const Q = '7372011205800007'; // in PINDAH_DETAIL only

function registry(): FakeRegistry {
  return new FakeRegistry([
    person({ nik: A, name: 'MUHAMMAD YUSUF', kk: '7372010101800001' }),
    person({ nik: D, name: 'BASO', flagStatus: '1' }),
    person({ nik: P, name: 'TENRI', flagStatus: '2' }),
    person({ nik: X, name: 'LA ODE', flagStatus: '9' }),
    person({ nik: O, name: 'WE TENRI', kab: '71' }),
    person({ nik: T, name: 'I MADE', deceased: true }),
    person({ nik: Q, name: 'DAENG', movedOut: true }),
  ]);
}

describe('matchBatch: statuses and reasons', () => {
  it('settles every status and reason', async () => {
    const db = freshStore();
    const reg = registry();
    const id = insertBatch(db, [
      { nik: A, name: 'Muh. Yusuf', birthDate: '1980-05-12', sex: 'L' },
      { nik: D }, { nik: P }, { nik: X }, { nik: O }, { nik: T }, { nik: Q },
      { nik: '7372011205800099', name: 'ORANG LAIN' },
      { nik: null, nikInput: '', nikReason: 'KOSONG' },
      { nik: null, nikInput: '12345', nikReason: 'FORMAT' },
      { nik: null, nikInput: '7.37201E+15', nikReason: 'RUSAK_EXCEL' },
      { nik: '7372011205800010', nikSuspect: true, name: 'X' },
      { nik: A, duplicateOfRow: 2, name: 'MUHAMMAD YUSUF' },
    ]);
    const res = await matchBatch(db, reg, M, id, { operator: 'tester' });
    expect(res.state).toBe('MATCHED');
    const r = results(db, id).map((x) => [x.status, x.reason]);
    expect(r).toEqual([
      ['AKTIF', null], ['MENINGGAL', null], ['PINDAH', null], ['INVALID', 'NONAKTIF'],
      ['PINDAH', 'DOMISILI_LUAR_WILAYAH'], ['MENINGGAL', null], ['PINDAH', null],
      ['INVALID', 'TIDAK_DITEMUKAN'], ['INVALID', 'KOSONG'], ['INVALID', 'FORMAT'], ['INVALID', 'RUSAK_EXCEL'],
      ['INVALID', 'RUSAK_EXCEL'], ['AKTIF', null],
    ]);
    expect(JSON.parse(results(db, id)[0]!.elements)).toEqual({ NAMA: 'SESUAI', TGL_LHR: 'SESUAI', JENIS_KELAMIN: 'SESUAI' });
    // The duplicate NIK was asked for once.
    expect(reg.lookups.get(A)).toBe(1);
    const audit = db.prepare(`SELECT action, detail FROM audit_log WHERE batch_id = ?`).all(id) as { action: string; detail: string }[];
    expect(audit.map((a) => a.action)).toEqual(['MATCH']);
    expect(JSON.parse(audit[0]!.detail).registry).toBe('fake');
    expect(db.prepare('SELECT state FROM batches WHERE id = ?').pluck().get(id)).toBe('MATCHED');
  });

  it('empty work area turns the domicile check off; the status map is editable', async () => {
    const db = freshStore();
    const mapping: SchemaMapping = { ...M, workArea: '', flagStatus: { '0': 'AKTIF', '9': 'PINDAH' } };
    const id = insertBatch(db, [{ nik: O }, { nik: X }, { nik: D }]);
    await matchBatch(db, registry(), mapping, id, { operator: 't' });
    expect(results(db, id).map((x) => [x.status, x.reason])).toEqual([['AKTIF', null], ['PINDAH', null], ['INVALID', 'NONAKTIF']]);
  });

  it('a suspect numeric NIK offers the one agreeing last-digit variant first, without applying it', async () => {
    const db = freshStore();
    const reg = new FakeRegistry([
      person({ nik: '7372011205800013', name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: '2' }),
      person({ nik: '7372011205800014', name: 'BUDI', birthDate: '1980-05-12' }),
      person({ nik: '7372011205800015', name: 'SITI AMINAH', birthDate: '1979-01-01' }),
    ]);
    const id = insertBatch(db, [{ nik: '7372011205800010', nikSuspect: true, name: 'ST. AMINAH', birthDate: '1980-05-12', sex: 'P' }]);
    await matchBatch(db, reg, M, id, { operator: 't' });
    const [r] = results(db, id);
    expect([r!.status, r!.reason]).toEqual(['INVALID', 'RUSAK_EXCEL']);
    const c = JSON.parse(r!.candidates) as Candidate[];
    expect(c[0]).toMatchObject({ nik: '7372011205800013', source: 'LAST_DIGIT', suggested: true });
    expect(c[0]!.fields).toMatchObject({ NAMA: 'SESUAI', TGL_LHR: 'SESUAI', JENIS_KELAMIN: 'SESUAI' });
    expect(r!.registry).toBeNull();
    expect(c).toHaveLength(3);
    expect(reg.calls.lookupPrefixes).toBe(1);
  });

  it('recheckRow re-matches one row with a repaired NIK and writes nothing', async () => {
    const db = freshStore();
    const id = insertBatch(db, [{ nik: '7372011205800099', name: 'MUHAMMAD YUSUF' }]);
    await matchBatch(db, registry(), M, id, { operator: 't' });
    const v = await recheckRow(db, registry(), M, id, 0, A);
    expect(v.status).toBe('AKTIF');
    expect(v.elements.NAMA).toBe('SESUAI');
    expect(results(db, id)[0]!.status).toBe('INVALID');
  });
});

describe('matchBatch: resuming after a dropped registry', () => {
  it('queues at 60%, never marks unchecked rows INVALID, and the resumed run checks every row once', async () => {
    const db = freshStore();
    const persons = [];
    const rows = [];
    for (let i = 0; i < 5000; i++) {
      // Not-found NIKs lie two digits away from every person, so their typo variants hit nobody.
      const nik = i % 10 === 0 ? `737209010190${String(i + 1).padStart(4, '0')}` : `737201120580${String(i + 1).padStart(4, '0')}`;
      if (i % 10 !== 0) persons.push(person({ nik, name: `NAMA ${i}` }));
      rows.push({ nik, name: `NAMA ${i}` });
    }
    const reg = new FakeRegistry(persons);
    const id = insertBatch(db, rows);
    // Chunk lookups go 1 (chunk), 2 (variants) per chunk: call 7 is chunk 4's first lookup (60%).
    reg.failOnLookupCall = 7;
    const progress: number[] = [];
    const first = await matchBatch(db, reg, M, id, { operator: 't', onProgress: (p) => progress.push(p.done) });
    expect(first.state).toBe('QUEUED');
    expect(first.checked).toBe(3000);
    expect(progress).toEqual([1000, 2000, 3000]);
    const batch = db.prepare('SELECT state, last_error FROM batches WHERE id = ?').get(id) as { state: string; last_error: string };
    expect(batch.state).toBe('QUEUED');
    expect(batch.last_error).toMatch(/SIAK tidak dapat dihubungi/);
    const after = results(db, id);
    expect(after.slice(3000).every((r) => r.status === 'BELUM_DIPERIKSA' && r.reason === null)).toBe(true);
    expect(after.slice(0, 3000).some((r) => r.status === 'BELUM_DIPERIKSA')).toBe(false);

    reg.failing = false;
    reg.failOnLookupCall = null;
    const second = await matchBatch(db, reg, M, id, { operator: 't' });
    expect(second.state).toBe('MATCHED');
    expect(second.checked).toBe(2000);
    // Chunk lookups ask for the rows' own NIKs only; variant lookups ask for edits of them.
    const rowNiks = new Set(rows.map((r) => r.nik));
    const asked = new Map<string, number>();
    for (const call of reg.lookupCalls.filter((c) => c.every((n) => rowNiks.has(n)))) {
      for (const n of call) asked.set(n, (asked.get(n) ?? 0) + 1);
    }
    expect(asked.size).toBe(5000);
    expect([...asked.values()].every((n) => n === 1)).toBe(true);
    expect(second.counts.status).toEqual({ AKTIF: 4500, INVALID: 500 });
    const actions = (db.prepare('SELECT action FROM audit_log WHERE batch_id = ? ORDER BY id').pluck().all(id) as string[]);
    expect(actions).toEqual(['MATCH_QUEUED', 'MATCH']);
  });

  it('a cancelled run leaves the rest BELUM_DIPERIKSA and resumes later', async () => {
    const db = freshStore();
    const rows = Array.from({ length: 2500 }, (_, i) => ({ nik: `737201120580${String(i + 1).padStart(4, '0')}` }));
    const reg = new FakeRegistry(rows.map((r) => person({ nik: r.nik })));
    const id = insertBatch(db, rows);
    const ac = new AbortController();
    const res = await matchBatch(db, reg, M, id, { operator: 't', signal: ac.signal, onProgress: () => ac.abort() });
    expect(res.state).toBe('CANCELLED');
    expect(results(db, id).filter((r) => r.status === 'BELUM_DIPERIKSA')).toHaveLength(1500);
    expect((await matchBatch(db, reg, M, id, { operator: 't' })).checked).toBe(1500);
  });
});
