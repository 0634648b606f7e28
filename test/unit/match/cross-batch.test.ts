// Cross-batch marks (issue 5 item 4): a NIK sent this year by another agency or program is
// marked in both batches, whichever was matched first, and the batch page's count agrees.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { DEFAULT_SCHEMA_MAPPING as M } from '../../../shared/registry-mapping.ts';
import type { BatchDetail } from '../../../shared/api/batch.ts';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { matchBatch } from '../../../electron/match/run.ts';
import { purgeBatches } from '../../../electron/retention/purge.ts';
import { makeCtx, signInAs, tempDir } from '../store/helpers.ts';
import { FakeRegistry, person } from './fake-registry.ts';
import { freshStore, insertBatch, results, type TestRow } from './store-helpers.ts';

const YUSUF = person({ nik: '7372011205800021', name: 'MUHAMMAD YUSUF', birthDate: '1980-05-12', sex: '1' });
const AMINAH = person({ nik: '7372015205800022', name: 'SITTI AMINAH', birthDate: '1980-05-12', sex: '2' });
const RAHMAN = person({ nik: '7372010304750001', name: 'ABDUL RAHMAN', birthDate: '1975-04-03', sex: '1' });
const LAIN = '7372010505900003'; // sent by one agency only
const registry = new FakeRegistry([YUSUF, AMINAH, RAHMAN]);

interface Mark { batchId: number; agency: string; program: string | null; row: number }
const marks = (db: Database, batchId: number): Mark[][] => results(db, batchId).map((r) => JSON.parse(r.cross_batches) as Mark[]);
const rows = (...niks: string[]): TestRow[] => niks.map((nik) => ({ nik }));
const match = (db: Database, id: number) => matchBatch(db, registry, M, id, { operator: 't' });

function api(db: Database) {
  const ctx = makeCtx(db, tempDir());
  signInAs(ctx, 'admin', 'ADMIN');
  const call = createDispatch(handlers, ctx, () => {});
  return {
    /** The batch page's "NIK juga ada di batch OPD/program lain tahun ini" count. */
    async crossCount(batchId: number): Promise<number> {
      const r = (await call('batch/get', { batchId })) as { ok: true; value: BatchDetail };
      return r.value.crossBatch;
    },
    delete: (batchId: number) => call('batch/delete', { batchId, reason: 'salah kirim berkas' }),
  };
}

describe('cross-batch marks', () => {
  it('marks the earlier batch too when a later batch of another agency shares its NIKs', async () => {
    const db = freshStore();
    const a = insertBatch(db, rows(YUSUF.nik, AMINAH.nik, LAIN), { agencyId: 901, programId: 901 });
    await match(db, a);
    expect(marks(db, a).flat()).toEqual([]); // nothing to share yet
    // B sends YUSUF twice (rows 3 and 4) and AMINAH once (row 5).
    const b = insertBatch(db, rows(RAHMAN.nik, YUSUF.nik, YUSUF.nik, AMINAH.nik), { agencyId: 902, programId: 902 });
    await match(db, b);
    const B = { batchId: b, agency: 'Uji Dinas B', program: 'Uji Program B' };
    const A = { batchId: a, agency: 'Uji Dinas A', program: 'Uji Program A' };
    expect(marks(db, a)).toEqual([[{ ...B, row: 3 }, { ...B, row: 4 }], [{ ...B, row: 5 }], []]);
    expect(marks(db, b)).toEqual([[], [{ ...A, row: 2 }], [{ ...A, row: 2 }], [{ ...A, row: 3 }]]);
    const page = api(db);
    expect(await page.crossCount(a)).toBe(2);
    expect(await page.crossCount(b)).toBe(3);
  });

  it('counts another program of the same agency, not a resend of the same program, another year or a damaged NIK', async () => {
    const db = freshStore();
    db.prepare(`INSERT INTO programs (id, name, code, agency_id, created_at) VALUES (903, 'Uji Program A2', 'UJI_PA2', 901, '2025-01-01')`).run();
    // Serial 0000: Excel's lost digit, the same 16 digits for different people.
    const damaged: TestRow = { nik: '7372011205800000', nikReason: 'RUSAK_EXCEL' };
    const resend = insertBatch(db, [...rows(YUSUF.nik), damaged], { agencyId: 901, programId: 901 });
    const lastYear = insertBatch(db, rows(YUSUF.nik), { agencyId: 902, programId: 902, createdAt: '2024-06-01T00:00:00Z' });
    const otherProgram = insertBatch(db, [...rows(YUSUF.nik), damaged], { agencyId: 901, programId: 903 });
    for (const id of [resend, lastYear, otherProgram]) await match(db, id);
    const a = insertBatch(db, [...rows(YUSUF.nik), damaged], { agencyId: 901, programId: 901 });
    await match(db, a);
    expect(marks(db, a)).toEqual([[{ batchId: otherProgram, agency: 'Uji Dinas A', program: 'Uji Program A2', row: 2 }], []]);
    expect(marks(db, otherProgram)[0]!.map((m) => m.batchId).sort()).toEqual([a, resend].sort());
    expect(marks(db, lastYear).flat()).toEqual([]);
    expect(marks(db, resend)[0]!.map((m) => m.batchId)).toEqual([otherProgram]);
    expect(marks(db, resend)[1]).toEqual([]);
  });

  it('keeps one mark per row when a batch is matched again, next to a third batch’s marks', async () => {
    const db = freshStore();
    const a = insertBatch(db, rows(YUSUF.nik), { agencyId: 901, programId: 901 });
    const b = insertBatch(db, rows(YUSUF.nik), { agencyId: 902, programId: 902 });
    for (const id of [a, b]) await match(db, id);
    const c = insertBatch(db, rows(AMINAH.nik, YUSUF.nik), { agencyId: 902, programId: null });
    for (const id of [c, b]) await match(db, id); // b again: the rerun replaces its marks
    expect(marks(db, a)[0]!.map((m) => [m.batchId, m.row])).toEqual([[b, 2], [c, 3]].sort((x, y) => x[0]! - y[0]!));
    expect(marks(db, b)[0]!.map((m) => m.batchId).sort()).toEqual([a, c].sort());
    expect(marks(db, c)[1]!.map((m) => m.batchId).sort()).toEqual([a, b].sort());
  });

  it('stops counting a batch once it is deleted or purged at the end of retention', async () => {
    const db = freshStore();
    const a = insertBatch(db, rows(YUSUF.nik, AMINAH.nik, RAHMAN.nik), { agencyId: 901, programId: 901 });
    const deleted = insertBatch(db, rows(YUSUF.nik, AMINAH.nik), { agencyId: 902, programId: 902 });
    const purged = insertBatch(db, rows(AMINAH.nik, RAHMAN.nik), { agencyId: 902, programId: null });
    for (const id of [a, deleted, purged]) await match(db, id);
    const page = api(db);
    expect(await page.crossCount(a)).toBe(3);

    expect(await page.delete(deleted)).toMatchObject({ ok: true });
    expect(marks(db, a).map((l) => l.map((m) => m.batchId))).toEqual([[], [purged], [purged]]);
    expect(await page.crossCount(a)).toBe(2);
    expect(await page.crossCount(purged)).toBe(2);

    db.prepare(`UPDATE batches SET state = 'EXPORTED', exported_at = '2025-01-01T00:00:00Z' WHERE id = ?`).run(purged);
    await purgeBatches(db, [purged], 'admin', new Date('2025-12-31T00:00:00Z'));
    expect(marks(db, a).flat()).toEqual([]);
    expect(await page.crossCount(a)).toBe(0);
  });
});
