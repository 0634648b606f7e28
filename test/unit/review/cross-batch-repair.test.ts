// Cross-batch marks follow a NIK repair in Koreksi: a damaged NIK repaired to a NIK another
// agency's batch of this year also sent is the double-aid case the marks exist for. The
// repaired row and the other batch's row are marked with each other in the correction's
// transaction, an undo takes the marks back, and a repair away from a shared NIK removes them;
// the batch page's count and the grid's cross-batch flag agree on both batches.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import type { BatchDetail } from '../../../shared/api/batch.ts';
import { ROW_FLAG } from '../../../shared/api/rows.ts';
import { fromList, withState } from '../../../renderer/src/pages/koreksi/model.ts';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { purgeBatches } from '../../../electron/retention/purge.ts';
import { autoRepair, decide, listRows, undoAutomatic, undoCorrection, type ReviewDeps } from '../../../electron/review/index.ts';
import { makeCtx, signInAs, tempDir } from '../store/helpers.ts';
import { FakeRegistry, person } from '../match/fake-registry.ts';
import { freshStore, insertBatch, results, type TestRow } from '../match/store-helpers.ts';

const YUSUF = person({ nik: '7372011205800021', name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12', sex: '1' });
const AMINAH = person({ nik: '7372015205800022', name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: '2' });
const RAHMAN = person({ nik: '7372010304750001', name: 'ABDUL RAHMAN', birthDate: '1975-04-03', sex: '1' });
const reg = new FakeRegistry([YUSUF, AMINAH, RAHMAN]);
const deps: ReviewDeps = { registry: async () => reg, mapping: M };
const why = { reasonCode: 'SALAH_KETIK', reasonText: '', operator: 'ani' };

const yusuf: TestRow = { nik: YUSUF.nik, name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12', sex: 'L' };
/** YUSUF with two digits swapped: a well-formed NIK nobody has, whose one candidate is YUSUF. */
const yusufTypo: TestRow = { nik: '7372011205800012', name: 'MUH YUSUF', birthDate: '1980-05-12', sex: 'L' };
const aminah: TestRow = { nik: AMINAH.nik, name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: 'P' };
/** AMINAH as Excel left her (last digit lost): one exact candidate, which the automatic step takes. */
const aminahExcel: TestRow = { nik: '7372015205800020', nikSuspect: true, name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: 'P' };
const rahman: TestRow = { nik: RAHMAN.nik, name: 'ABDUL RAHMAN', birthDate: '1975-04-03', sex: 'L' };

// The store helpers name agency 901 'Uji Dinas A' (think Dinas Sosial) and 902 'Uji Dinas B' (Dinas Kesehatan).
const SOSIAL = { agencyId: 901, programId: 901 };
const KESEHATAN = { agencyId: 902, programId: 902 };

/** Per row: [batchId, row] of each mark. */
const marks = (db: Database, batchId: number): [number, number][][] =>
  results(db, batchId).map((r) => (JSON.parse(r.cross_batches) as { batchId: number; row: number }[]).map((m) => [m.batchId, m.row]));

async function store(batches: [TestRow[], { agencyId: number; programId: number | null; createdAt?: string }][]) {
  const db = freshStore();
  const ids: number[] = [];
  for (const [rows, opts] of batches) {
    const id = insertBatch(db, rows, opts);
    await matchBatch(db, reg, M, id, { operator: 't' });
    ids.push(id);
  }
  const ctx = makeCtx(db, tempDir());
  signInAs(ctx, 'admin', 'ADMIN');
  const call = createDispatch(handlers, ctx, () => {});
  /** The batch page's "NIK juga ada di batch OPD/program lain tahun ini" and the grid's rows flagged so (crossBatch=1). */
  const counts = async (batchId: number): Promise<{ page: number; grid: number }> => {
    const r = (await call('batch/get', { batchId })) as { ok: true; value: BatchDetail };
    return { page: r.value.crossBatch, grid: listRows(db, batchId).flags.filter((f) => f & ROW_FLAG.CROSS_BATCH).length };
  };
  const nik = (batchId: number, seq: number, kind: 'ACCEPT_CANDIDATE' | 'MANUAL_NIK', value: string) =>
    decide(db, deps, { ...why, batchId, seqs: [seq], decision: { kind, nik: value } });
  /** A batch with corrections leaves only through the retention purge. */
  const purge = async (batchId: number) => {
    db.prepare(`UPDATE batches SET state = 'EXPORTED', exported_at = '2025-01-01T00:00:00Z' WHERE id = ?`).run(batchId);
    await purgeBatches(db, [batchId], 'admin', new Date('2025-12-31T00:00:00Z'));
  };
  return { db, ids: ids as [number, number, number], counts, nik, purge };
}

describe('cross-batch marks after a NIK repair', () => {
  it('marks both batches when a damaged NIK is repaired to one another agency sent, and unmarks both on undo', async () => {
    const { db, ids: [a, b], counts, nik } = await store([
      [[yusuf, rahman], SOSIAL],
      [[aminah, yusufTypo], KESEHATAN],
    ]);
    expect(marks(db, a)).toEqual([[], []]);
    expect(marks(db, b)).toEqual([[], []]);

    const before = fromList(listRows(db, b)).find((r) => r.seq === 1)!;
    const fixed = await nik(b, 1, 'ACCEPT_CANDIDATE', YUSUF.nik);
    // The open grid takes the returned state: the row gains the flag without a reload.
    expect(before.flags & ROW_FLAG.CROSS_BATCH).toBe(0);
    expect(withState(before, fixed.rows[0]!).flags & ROW_FLAG.CROSS_BATCH).toBe(ROW_FLAG.CROSS_BATCH);
    // The open grid updates the row from this state: its cross-batch flag comes with it.
    expect(fixed.rows[0]).toMatchObject({ matchedNik: YUSUF.nik, status: 'AKTIF', crossBatch: true });
    // Rows are numbered from 2 (row 1 is the header).
    expect(marks(db, b)).toEqual([[], [[a, 2]]]);
    expect(marks(db, a)).toEqual([[[b, 3]], []]);
    const A = JSON.parse(results(db, b)[1]!.cross_batches)[0];
    expect(A).toEqual({ batchId: a, agency: 'Uji Dinas A', program: 'Uji Program A', row: 2 });
    expect(await counts(a)).toEqual({ page: 1, grid: 1 });
    expect(await counts(b)).toEqual({ page: 1, grid: 1 });

    const undone = undoCorrection(db, b, 'ani', fixed.corrections[0]);
    expect(undone.rows[0]).toMatchObject({ matchedNik: null, crossBatch: false });
    expect(marks(db, a)).toEqual([[], []]);
    expect(marks(db, b)).toEqual([[], []]);
    expect(await counts(a)).toEqual({ page: 0, grid: 0 });
    expect(await counts(b)).toEqual({ page: 0, grid: 0 });
  });

  it('a repair away from a shared NIK removes its marks on both sides and marks the new NIK’s batches; undo restores', async () => {
    const { db, ids: [a, b, c], counts, nik } = await store([
      [[aminah], SOSIAL],
      // The health office sent AMINAH's NIK for a man: the operator types ABDUL RAHMAN's.
      [[{ ...rahman, nik: AMINAH.nik }], KESEHATAN],
      [[rahman], { agencyId: 902, programId: null }],
    ]);
    expect(marks(db, a)).toEqual([[[b, 2]]]);
    expect(marks(db, b)).toEqual([[[a, 2]]]);
    expect(marks(db, c)).toEqual([[]]);

    const typed = await nik(b, 0, 'MANUAL_NIK', RAHMAN.nik);
    expect(marks(db, a)).toEqual([[]]);
    expect(marks(db, b)).toEqual([[[c, 2]]]);
    expect(marks(db, c)).toEqual([[[b, 2]]]);
    expect((await Promise.all([a, b, c].map(counts))).map((n) => n.page)).toEqual([0, 1, 1]);

    undoCorrection(db, b, 'ani', typed.corrections[0]);
    expect(marks(db, a)).toEqual([[[b, 2]]]);
    expect(marks(db, b)).toEqual([[[a, 2]]]);
    expect(marks(db, c)).toEqual([[]]);
    expect((await Promise.all([a, b, c].map(counts))).map((n) => n.page)).toEqual([1, 1, 0]);
  });

  it('keeps the other rows of a batch with the NIK, and finds rows repaired to it in other batches', async () => {
    const { db, ids: [a, b], counts, nik } = await store([
      [[{ ...yusufTypo, nik: '7372011205800031' }], SOSIAL], // another typo than B's
      [[yusuf, yusufTypo], KESEHATAN],
    ]);
    expect(marks(db, a)).toEqual([[]]);
    // A's row repaired first: B sent YUSUF's NIK as is in row 2.
    await nik(a, 0, 'MANUAL_NIK', YUSUF.nik);
    expect(marks(db, a)).toEqual([[[b, 2]]]);
    expect(marks(db, b)).toEqual([[[a, 2]], []]);
    // B's damaged row too: found through A's repaired NIK, and A's row lists both B rows.
    const second = await nik(b, 1, 'ACCEPT_CANDIDATE', YUSUF.nik);
    expect(marks(db, a)).toEqual([[[b, 2], [b, 3]]]);
    expect(marks(db, b)).toEqual([[[a, 2]], [[a, 2]]]);
    expect(await counts(b)).toEqual({ page: 2, grid: 2 });
    // Undoing B's repair takes only that row's mark out of A's row.
    undoCorrection(db, b, 'ani', second.corrections[0]);
    expect(marks(db, a)).toEqual([[[b, 2]]]);
    expect(marks(db, b)).toEqual([[[a, 2]], []]);
    expect(await counts(a)).toEqual({ page: 1, grid: 1 });
    expect(await counts(b)).toEqual({ page: 1, grid: 1 });
  });

  it('a batch matched after a repair elsewhere goes by the repaired NIK, not the one sent', async () => {
    const { db, ids: [a], nik } = await store([[[yusufTypo, { ...rahman, nik: AMINAH.nik }], SOSIAL]]);
    await nik(a, 0, 'ACCEPT_CANDIDATE', YUSUF.nik); // row 2 now holds YUSUF's NIK
    await nik(a, 1, 'MANUAL_NIK', RAHMAN.nik); // row 3 sent AMINAH's NIK, repaired away from it
    const b = insertBatch(db, [yusuf, aminah], KESEHATAN);
    await matchBatch(db, reg, M, b, { operator: 't' });
    expect(marks(db, b)).toEqual([[[a, 2]], []]);
    expect(marks(db, a)).toEqual([[[b, 2]], []]);
    // Matching it again finds the same, once.
    await matchBatch(db, reg, M, b, { operator: 't' });
    expect(marks(db, b)).toEqual([[[a, 2]], []]);
    expect(marks(db, a)).toEqual([[[b, 2]], []]);
  });

  it('does not mark a row whose sent NIK was repaired to another one', async () => {
    const { db, ids: [a, b], counts, nik } = await store([
      [[{ ...rahman, nik: YUSUF.nik }, rahman], SOSIAL], // row 2: YUSUF's NIK sent for ABDUL RAHMAN
      [[yusufTypo], KESEHATAN],
    ]);
    await nik(a, 0, 'MANUAL_NIK', RAHMAN.nik);
    await nik(b, 0, 'ACCEPT_CANDIDATE', YUSUF.nik);
    expect(marks(db, a)).toEqual([[], []]);
    expect(marks(db, b)).toEqual([[]]);
    expect(await counts(b)).toEqual({ page: 0, grid: 0 });
  });

  it('purging a batch takes the marks its repaired rows made out of the other batches', async () => {
    const { db, ids: [a, b, c], counts, nik, purge } = await store([
      [[yusuf], SOSIAL],
      [[yusufTypo], KESEHATAN],
      [[{ ...yusufTypo, nik: '7372011205800031' }], { agencyId: 902, programId: null }],
    ]);
    await nik(b, 0, 'ACCEPT_CANDIDATE', YUSUF.nik);
    await nik(c, 0, 'MANUAL_NIK', YUSUF.nik);
    expect(marks(db, a)).toEqual([[[b, 2], [c, 2]].sort((x, y) => x[0]! - y[0]!)]);
    await purge(b);
    expect(marks(db, a)).toEqual([[[c, 2]]]);
    expect(marks(db, c)).toEqual([[[a, 2]]]);
    await purge(c);
    expect(marks(db, a)).toEqual([[]]);
    expect(await counts(a)).toEqual({ page: 0, grid: 0 });
  });

  it('the automatic step and its bulk undo move the marks too', async () => {
    const { db, ids: [a, b], counts } = await store([
      [[aminah], SOSIAL],
      [[rahman, aminahExcel], KESEHATAN],
    ]);
    expect(marks(db, b)).toEqual([[], []]);
    const done = await autoRepair(db, deps, b, 'ani', false);
    expect(done.seqs).toEqual([1]);
    expect(marks(db, a)).toEqual([[[b, 3]]]);
    expect(marks(db, b)).toEqual([[], [[a, 2]]]);
    expect(await counts(b)).toEqual({ page: 1, grid: 1 });
    undoAutomatic(db, b, 'ani');
    expect(marks(db, a)).toEqual([[]]);
    expect(marks(db, b)).toEqual([[], []]);
    expect(await counts(a)).toEqual({ page: 0, grid: 0 });
  });

  it('does not mark a resend of the same program or another year’s batch', async () => {
    const { db, ids: [same, lastYear, b], nik } = await store([
      [[yusuf], SOSIAL],
      [[yusuf], { ...KESEHATAN, createdAt: '2024-06-01T00:00:00Z' }],
      [[yusufTypo], SOSIAL], // the same agency and program as the first: a resend, not double aid
    ]);
    await nik(b, 0, 'ACCEPT_CANDIDATE', YUSUF.nik);
    expect([same, lastYear, b].map((id) => marks(db, id))).toEqual([[[]], [[]], [[]]]);
  });
});
