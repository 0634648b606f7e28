import { describe, expect, it } from 'vitest';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import {
  autoRepair, autoRepairCandidates, decide, effectiveCorrections, listCorrections, listRows, rowDetail, undoAutomatic, undoCorrection,
  type ReviewDeps,
} from '../../../electron/review/index.ts';
import { FakeRegistry, person } from '../match/fake-registry.ts';
import { freshStore, insertBatch } from '../match/store-helpers.ts';

const YUSUF = person({ nik: '7372011205800021', name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12', sex: '1' });
const AMINAH = person({ nik: '7372015205800022', name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: '2' });
const RAHMAN = person({ nik: '7372010304750001', name: 'ABDUL RAHMAN', birthDate: '1975-04-03', sex: '1' });
const BUDI = person({ nik: '7372011505900003', name: 'BUDI SANTOSO', birthDate: '1990-05-15', sex: '1' });

async function setup(): Promise<{ db: Database; id: number; deps: ReviewDeps; reg: FakeRegistry }> {
  const db = freshStore();
  db.prepare(`UPDATE agencies SET allowed_elements = '["NAMA"]' WHERE id = 901`).run();
  const reg = new FakeRegistry([YUSUF, AMINAH, RAHMAN, BUDI]);
  const id = insertBatch(db, [
    { nik: '7372011205800012', name: 'MUH YUSUF', birthDate: '1980-05-12', sex: 'L' }, // 0 swapped digits
    { nik: '7372015205800020', nikSuspect: true, name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: 'P' }, // 1 Excel-damaged
    { nik: RAHMAN.nik, name: 'ABDUL RAHMAN', birthDate: '1975-04-03', sex: 'L' }, // 2 clean
    { nik: BUDI.nik, name: 'BUDI SANTOSA', birthDate: '1990-05-15', sex: 'L' }, // 3 name MIRIP
    { nik: '7372011111110099', name: 'TIDAK ADA', birthDate: '1911-11-11' }, // 4 not found, no candidates
  ]);
  await matchBatch(db, reg, M, id, { operator: 'tester' });
  return { db, id, reg, deps: { registry: async () => reg, mapping: M } };
}

const reason = { reasonCode: 'SALAH_KETIK', reasonText: '', operator: 'ani' };

describe('review engine', () => {
  it('accepts a candidate: re-check gives AKTIF, correction and audit written with operator and reason', async () => {
    const { db, id, deps } = await setup();
    const res = await decide(db, deps, { ...reason, batchId: id, seqs: [0], decision: { kind: 'ACCEPT_CANDIDATE', nik: YUSUF.nik } });
    expect(res.rows[0]).toMatchObject({ seq: 0, status: 'AKTIF', matchedNik: YUSUF.nik, reviewed: true });
    const log = listCorrections(db, id);
    expect(log[0]).toMatchObject({ kind: 'NIK_CANDIDATE', operator: 'ani', reasonCode: 'SALAH_KETIK', automatic: false });
    expect(log[0]!.before).toMatchObject({ status: 'INVALID', reason: 'TIDAK_DITEMUKAN', matchedNik: null });
    const audit = db.prepare(`SELECT * FROM audit_log WHERE action = 'CORRECTION'`).all() as { operator: string; row_seq: number }[];
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ operator: 'ani', row_seq: 0 });
  });

  it('refuses a decision without a reason, a NIK not among candidates, and a malformed manual NIK', async () => {
    const { db, id, deps } = await setup();
    await expect(decide(db, deps, { ...reason, reasonCode: '', batchId: id, seqs: [3], decision: { kind: 'MARK_REVIEWED' } })).rejects.toThrow(/alasan/);
    await expect(decide(db, deps, { ...reason, reasonCode: 'LAINNYA', batchId: id, seqs: [3], decision: { kind: 'MARK_REVIEWED' } })).rejects.toThrow(/keterangan/);
    await expect(decide(db, deps, { ...reason, batchId: id, seqs: [0], decision: { kind: 'ACCEPT_CANDIDATE', nik: BUDI.nik } })).rejects.toThrow(/kandidat/);
    await expect(decide(db, deps, { ...reason, batchId: id, seqs: [4], decision: { kind: 'MANUAL_NIK', nik: '7372011399800001' } })).rejects.toThrow(/tidak mungkin/);
    expect(listCorrections(db, id)).toHaveLength(0);
  });

  it('manual NIK is re-checked; element choice SIAK only for elements in the agreement', async () => {
    const { db, id, deps } = await setup();
    const r = await decide(db, deps, { ...reason, batchId: id, seqs: [4], decision: { kind: 'MANUAL_NIK', nik: '7372-0103 0475 0001' } });
    expect(r.rows[0]).toMatchObject({ status: 'AKTIF', matchedNik: RAHMAN.nik });
    expect(r.rows[0]!.elements.NAMA).toBe('TIDAK_SESUAI');
    await expect(
      decide(db, deps, { ...reason, batchId: id, seqs: [3], decision: { kind: 'ELEMENT_CHOICE', element: 'TGL_LHR', choice: 'SIAK' } }),
    ).rejects.toThrow(/PKS/);
    const c = await decide(db, deps, { ...reason, batchId: id, seqs: [3], decision: { kind: 'ELEMENT_CHOICE', element: 'NAMA', choice: 'SIAK' } });
    expect(c.rows[0]!.elementChoice).toEqual({ NAMA: 'SIAK' });
  });

  it('undoes the last decision and any single one; the log keeps both entries', async () => {
    const { db, id, deps } = await setup();
    const a = await decide(db, deps, { ...reason, batchId: id, seqs: [0], decision: { kind: 'ACCEPT_CANDIDATE', nik: YUSUF.nik } });
    await decide(db, deps, { ...reason, batchId: id, seqs: [3], decision: { kind: 'ELEMENT_CHOICE', element: 'NAMA', choice: 'AGENCY' } });
    await decide(db, deps, { ...reason, batchId: id, seqs: [3], decision: { kind: 'ELEMENT_CHOICE', element: 'JENIS_KELAMIN', choice: 'AGENCY' } });
    // Last: the JENIS_KELAMIN choice.
    const u1 = undoCorrection(db, id, 'ani');
    expect(u1.rows[0]!.elementChoice).toEqual({ NAMA: 'AGENCY' });
    // Any single one: the first accept, although later decisions exist on other rows.
    const u2 = undoCorrection(db, id, 'ani', a.corrections[0]);
    expect(u2.rows[0]).toMatchObject({ seq: 0, status: 'INVALID', reason: 'TIDAK_DITEMUKAN', matchedNik: null, reviewed: false, candidateCount: 1 });
    const log = listCorrections(db, id);
    expect(log.filter((c) => c.kind === 'UNDO')).toHaveLength(2);
    expect(log.find((c) => c.id === a.corrections[0])!.undoneBy).toBe(u2.corrections[0]);
    expect(() => undoCorrection(db, id, 'ani', a.corrections[0])).toThrow(/sudah dibatalkan/);
    expect(() => undoCorrection(db, id, 'ani', u2.corrections[0])).toThrow(/tidak dapat dibatalkan lagi/);
    expect(listRows(db, id).matchedNik[0]).toBeNull();
  });

  it('refuses to undo a decision that a later one on the same keys overrode', async () => {
    const { db, id, deps } = await setup();
    const first = await decide(db, deps, { ...reason, batchId: id, seqs: [3], decision: { kind: 'ELEMENT_CHOICE', element: 'NAMA', choice: 'AGENCY' } });
    await decide(db, deps, { ...reason, batchId: id, seqs: [3], decision: { kind: 'ELEMENT_CHOICE', element: 'NAMA', choice: 'SIAK' } });
    expect(() => undoCorrection(db, id, 'ani', first.corrections[0])).toThrow(/diubah lagi/);
  });

  it('bulk decides on a filtered set: only rows where the decision applies, one audit entry', async () => {
    const { db, id, deps } = await setup();
    const res = await decide(db, deps, { ...reason, reasonCode: 'KONFIRMASI_OPD', batchId: id, seqs: [0, 1, 2, 3, 4], decision: { kind: 'UNREPAIRABLE' } });
    expect(res.rows.map((r) => r.seq)).toEqual([0, 1, 4]);
    const again = await decide(db, deps, { ...reason, batchId: id, seqs: [0, 1, 2, 3, 4], decision: { kind: 'MARK_REVIEWED' } });
    expect(again.rows.map((r) => r.seq)).toEqual([2, 3]);
    expect((db.prepare(`SELECT count(*) AS n FROM audit_log WHERE action = 'CORRECTION'`).get() as { n: number }).n).toBe(2);
    await expect(decide(db, deps, { ...reason, batchId: id, seqs: [0, 1], decision: { kind: 'MANUAL_NIK', nik: YUSUF.nik } })).rejects.toThrow(/satu baris/);
  });

  it('auto-repair: dry run, only the single exact candidate, automatic flag, bulk undo', async () => {
    const { db, id, deps } = await setup();
    expect(autoRepairCandidates(db, id).map((q) => q.seq)).toEqual([0, 1]);
    const dry = await autoRepair(db, deps, id, 'ani', true);
    expect(dry.dryRun).toBe(true);
    expect(listCorrections(db, id)).toHaveLength(0);
    // Row 0: MUH YUSUF = MUHAMMAD YUSUF after normalisation; row 1: the one last-digit variant.
    const done = await autoRepair(db, deps, id, 'ani', false);
    expect(done.count).toBe(dry.count);
    expect(done.count).toBeGreaterThan(0);
    expect(listCorrections(db, id).every((c) => c.automatic && c.reasonCode === 'OTOMATIS')).toBe(true);
    const undone = undoAutomatic(db, id, 'ani');
    expect(undone.rows).toHaveLength(done.count);
    expect(effectiveCorrections(db, id)).toHaveLength(0);
    expect(listRows(db, id).matchedNik.every((n) => n === null)).toBe(true);
  });

  it('counts agree with the correction log; row detail hides fields by role', async () => {
    const { db, id, deps } = await setup();
    await decide(db, deps, { ...reason, batchId: id, seqs: [0], decision: { kind: 'ACCEPT_CANDIDATE', nik: YUSUF.nik } });
    await decide(db, deps, { ...reason, batchId: id, seqs: [1], decision: { kind: 'ACCEPT_CANDIDATE', nik: AMINAH.nik } });
    await decide(db, deps, { ...reason, batchId: id, seqs: [4], decision: { kind: 'UNREPAIRABLE' } });
    undoCorrection(db, id, 'ani');
    const eff = effectiveCorrections(db, id);
    const list = listRows(db, id);
    expect(list.matchedNik.filter(Boolean)).toHaveLength(eff.filter((c) => c.kind.startsWith('NIK_')).length);
    expect(list.flags.filter((f) => f & 8)).toHaveLength(eff.filter((c) => c.kind === 'UNREPAIRABLE').length);
    const op = rowDetail(db, id, 0, 'OPERATOR');
    expect(op.registry).not.toHaveProperty('motherName');
    expect(op.registry).toHaveProperty('name', 'MUHAMMAD YUSUF');
    expect(rowDetail(db, id, 0, 'ADMIN').registry).toHaveProperty('motherName');
    expect(op.candidates[0]!.fields).toMatchObject({ NAMA: 'SESUAI', TGL_LHR: 'SESUAI' });
  });
});
