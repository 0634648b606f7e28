import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { candidatesForRow } from '../../../electron/match/candidates.ts';
import { markCrossBatches } from '../../../electron/match/cross-batch.ts';
import type { Candidate } from '../../../electron/match/rows.ts';
import { FakeRegistry, person } from './fake-registry.ts';
import { freshStore, insertBatch, results } from './store-helpers.ts';

const YUSUF = person({ nik: '7372011205800021', name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12', sex: '1', kk: '7372010101100001' });
const AMINAH = person({ nik: '7372015205800022', name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: '2', kk: '7372010101100001' });
const OTHER = person({ nik: '7372011205800031', name: 'BUDI SANTOSO', birthDate: '1980-05-12', sex: '1' });
const RAHMAN = person({ nik: '7372010304750001', name: 'ABDUL RAHMAN', birthDate: '1975-04-03', sex: '1', kk: '7372010101200002' });

const cands = (json: string): Candidate[] => JSON.parse(json) as Candidate[];

describe('candidates for INVALID rows', () => {
  it('ranks a transposition, a substitution and drops other people', async () => {
    const db = freshStore();
    const reg = new FakeRegistry([YUSUF, AMINAH, OTHER, RAHMAN]);
    const id = insertBatch(db, [
      { nik: '7372011205800012', name: 'MUH YUSUF', birthDate: '1980-05-12', sex: 'L' }, // 21 -> 12 swapped
      { nik: '7372015205800025', name: 'SITI AMINAH', birthDate: '1980-05-12', sex: 'P' }, // 22 -> 25 substituted
      { nik: '7372011205800099', name: 'ORANG LAIN', birthDate: '1990-01-01' },
    ]);
    await matchBatch(db, reg, M, id, { operator: 't' });
    const r = results(db, id);
    expect(r.map((x) => x.reason)).toEqual(['TIDAK_DITEMUKAN', 'TIDAK_DITEMUKAN', 'TIDAK_DITEMUKAN']);
    const c0 = cands(r[0]!.candidates);
    expect(c0[0]).toMatchObject({ nik: YUSUF.nik, source: 'TRANSPOSITION', status: 'AKTIF' });
    expect(c0[0]!.fields).toEqual({ NAMA: 'SESUAI', TGL_LHR: 'SESUAI', JENIS_KELAMIN: 'SESUAI', NO_KK: 'KOSONG' });
    expect(c0[0]!.person.name).toBe('MUHAMMAD YUSUF');
    expect(c0.some((c) => c.nik === OTHER.nik)).toBe(false);
    const c1 = cands(r[1]!.candidates);
    expect(c1[0]).toMatchObject({ nik: AMINAH.nik, source: 'SUBSTITUTION' });
    expect(c1[0]!.score).toBeGreaterThan(0.8);
    expect(cands(r[2]!.candidates)).toEqual([]);
    // One lookup for the chunk, one for every variant of every row.
    expect(reg.calls.lookup).toBe(2);
  });

  it('15- and 17-digit input, family card, and name + birth date', async () => {
    const db = freshStore();
    const reg = new FakeRegistry([YUSUF, AMINAH, RAHMAN]);
    const id = insertBatch(db, [
      { nik: null, nikInput: '737201120580021', nikReason: 'FORMAT', name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12' },
      { nik: null, nikInput: '73720103047500011', nikReason: 'FORMAT', name: 'ABD. RAHMAN', birthDate: '1975-04-03' },
      { nik: null, nikInput: '', nikReason: 'KOSONG', name: 'ST AMINAH', kk: '7372010101100001' },
      { nik: null, nikInput: '7.37201E+15', nikReason: 'RUSAK_EXCEL', name: 'H. ABDUL RAHMAN', birthDate: '1975-04-03' },
    ], { columns: ['NIK', 'NAMA', 'TGL_LHR', 'NO_KK'] });
    await matchBatch(db, reg, M, id, { operator: 't' });
    const r = results(db, id).map((x) => cands(x.candidates)[0]);
    expect(r[0]).toMatchObject({ nik: YUSUF.nik, source: 'MISSING_DIGIT' });
    expect(r[1]).toMatchObject({ nik: RAHMAN.nik, source: 'EXTRA_DIGIT' });
    expect(r[2]).toMatchObject({ nik: AMINAH.nik, source: 'FAMILY' });
    expect(r[2]!.fields.NO_KK).toBe('SESUAI');
    expect(r[3]).toMatchObject({ nik: RAHMAN.nik, source: 'NAME_DOB' });
    expect(reg.calls.family).toBe(1);
    expect(reg.calls.search).toBe(1);
  });

  it('candidatesForRow searches one row on demand and stores the list', async () => {
    const db = freshStore();
    const reg = new FakeRegistry([RAHMAN]);
    const id = insertBatch(db, [{ nik: null, nikInput: 'x', nikReason: 'FORMAT', name: 'ABDUL RAHMAN', birthDate: '1975-04-03' }]);
    const list = await candidatesForRow(db, reg, id, 0);
    expect(list[0]).toMatchObject({ nik: RAHMAN.nik, source: 'NAME_DOB' });
    expect(cands(results(db, id)[0]!.candidates)[0]!.nik).toBe(RAHMAN.nik);
    const ac = new AbortController();
    ac.abort();
    await expect(candidatesForRow(db, reg, id, 0, ac.signal)).rejects.toThrow();
  });
});

describe('cross-batch marks', () => {
  it('marks NIKs sent this year by another agency or program, not the same program or another year', async () => {
    const db = freshStore();
    const nik = YUSUF.nik;
    const other = insertBatch(db, [{ nik: RAHMAN.nik }, { nik }], { agencyId: 902, programId: 902 });
    insertBatch(db, [{ nik }], { agencyId: 901, programId: 901 }); // same agency and program
    insertBatch(db, [{ nik }], { agencyId: 902, programId: 902, createdAt: '2024-06-01T00:00:00Z' }); // last year
    const id = insertBatch(db, [{ nik }, { nik: AMINAH.nik }], { agencyId: 901, programId: 901 });
    await matchBatch(db, new FakeRegistry([YUSUF, AMINAH]), M, id, { operator: 't' });
    const r = results(db, id);
    expect(JSON.parse(r[0]!.cross_batches)).toEqual([{ batchId: other, agency: 'Uji Dinas B', program: 'Uji Program B', row: 3 }]);
    expect(JSON.parse(r[1]!.cross_batches)).toEqual([]);
    expect(markCrossBatches(db, id)).toBe(1);
  });
});
