// A purge leaves no personal data: not in any table (read with the key), not in the raw
// bytes of an unencrypted store's file, -wal and -shm; the encrypted file never holds a
// plaintext NIK at all; and the statistics still add up.
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { planPurge } from '../../../electron/retention/plan.ts';
import { purgeBatches } from '../../../electron/retention/purge.ts';
import { migrate } from '../../../electron/store/migrate.ts';
import { MIGRATIONS } from '../../../electron/store/migrations/index.ts';
import { verifyAudit } from '../../../electron/store/audit.ts';
import { dumpAll, makeCtx, openTemp, sampleName, sampleNik, seedBatch, signInAs, tempDir } from '../store/helpers.ts';

const NOW = new Date('2025-06-30T00:00:00Z');
const DAY = 86_400_000;
const ago = (days: number) => new Date(NOW.getTime() - days * DAY).toISOString();

function fileBytes(path: string): Buffer {
  return Buffer.concat([path, `${path}-wal`, `${path}-shm`].filter(existsSync).map((p) => readFileSync(p)));
}

function knownValues(offset: number, rows: number): string[] {
  const v: string[] = [];
  for (let i = offset; i < offset + rows; i++) v.push(sampleNik(i), sampleName(i));
  return v;
}

describe('retention plan', () => {
  it('lists exported batches past their agency retention_days, counted from exported_at', () => {
    const { db } = openTemp();
    db.prepare(`UPDATE agencies SET retention_days = 30 WHERE code = 'DINKES'`).run();
    const due = seedBatch(db, { rows: 3, exportedAt: ago(91) });
    seedBatch(db, { rows: 3, exportedAt: ago(89) }); // DINSOS 90 days: not yet
    seedBatch(db, { rows: 3, exportedAt: null }); // never exported: kept
    const dinkes = seedBatch(db, { agencyCode: 'DINKES', rows: 2, exportedAt: ago(31) });
    const plan = planPurge(db, NOW);
    expect(plan.map((p) => p.batchId).sort()).toEqual([due, dinkes].sort());
    expect(plan.find((p) => p.batchId === due)).toMatchObject({ agencyName: 'Dinas Sosial', rowCount: 3, retentionDays: 90 });
  });

  it('refuses to purge a batch that is not due', async () => {
    const { db } = openTemp();
    const b = seedBatch(db, { rows: 2, exportedAt: ago(10) });
    await expect(purgeBatches(db, [b], 'admin', NOW)).rejects.toMatchObject({ code: 'PURGE_NOT_DUE' });
  });
});

describe('purge', () => {
  it('removes every trace of the batch from an unencrypted store file, keeps counts and the audit chain', async () => {
    // Unencrypted on purpose, so the raw bytes can be searched for leftovers.
    const dir = tempDir();
    const path = join(dir, 'plain.db');
    const db = new Database(path);
    db.pragma('journal_mode = WAL');
    db.pragma('secure_delete = ON');
    db.pragma('foreign_keys = ON');
    migrate(db, MIGRATIONS);
    const old = seedBatch(db, { rows: 300, offset: 0, exportedAt: ago(120), corrections: 5 });
    const kept = seedBatch(db, { rows: 50, offset: 500, exportedAt: ago(5) });
    const gone = knownValues(0, 300);
    expect(fileBytes(path).includes(sampleNik(7))).toBe(true); // the search itself works

    const out = await purgeBatches(db, [old], 'admin', NOW);
    expect(out).toEqual([{ batchId: old, rows: 300, corrections: 5 }]);

    const dump = dumpAll(db);
    const bytes = fileBytes(path);
    for (const v of [...gone, sampleNik(8000)]) {
      expect(dump.includes(v), `table still holds ${v}`).toBe(false);
      expect(bytes.includes(v), `file still holds ${v}`).toBe(false);
    }
    // The other batch is untouched.
    expect(dump).toContain(sampleNik(520));
    expect(db.prepare('SELECT count(*) AS n FROM batch_rows WHERE batch_id = ?').get(kept)).toEqual({ n: 50 });
    // Counts the monthly statistics need survive.
    expect(db.prepare('SELECT state, row_count, purged_at IS NOT NULL AS p FROM batches WHERE id = ?').get(old)).toEqual({ state: 'PURGED', row_count: 300, p: 1 });
    const purge = db.prepare('SELECT * FROM batch_purges WHERE batch_id = ?').get(old) as { status_counts: string; correction_count: number };
    expect(JSON.parse(purge.status_counts)).toEqual({ AKTIF: 240, INVALID: 60 });
    expect(purge.correction_count).toBe(5);
    expect(db.prepare('SELECT rows, aktif, invalid, corrections FROM batch_stats WHERE batch_id = ?').get(old)).toEqual({ rows: 300, aktif: 240, invalid: 60, corrections: 5 });
    const entry = db.prepare(`SELECT batch_id, detail FROM audit_log WHERE action = 'PURGE'`).get() as { batch_id: number; detail: string };
    expect(entry.batch_id).toBe(old);
    expect(verifyAudit(db).ok).toBe(true);
    expect(planPurge(db, NOW)).toEqual([]);
  });

  it('encrypted store: no plaintext NIK in its files at any time; after purge none in any table', async () => {
    const { db, dir, path } = openTemp();
    const ctx = makeCtx(db, dir);
    const call = createDispatch(handlers, ctx, () => {});
    const b = seedBatch(db, { rows: 200, exportedAt: new Date(Date.now() - 100 * DAY).toISOString(), corrections: 3 });
    const values = knownValues(0, 200);
    const before = fileBytes(path);
    for (const v of values.slice(0, 40)) expect(before.includes(v)).toBe(false);
    expect(dumpAll(db)).toContain(sampleNik(3));

    signInAs(ctx, 'op1', 'OPERATOR');
    expect(await call('backup/purgePlan', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    signInAs(ctx, 'admin', 'ADMIN');
    const plan = (await call('backup/purgePlan', {})) as { ok: true; value: { batchId: number }[] };
    expect(plan.value.map((p) => p.batchId)).toEqual([b]);
    expect(await call('backup/purge', { batchIds: [b] })).toMatchObject({ ok: true, value: [{ batchId: b, rows: 200, corrections: 3 }] });

    const dump = dumpAll(db);
    for (const v of values) expect(dump.includes(v)).toBe(false);
    const after = fileBytes(path);
    for (const v of values.slice(0, 40)) expect(after.includes(v)).toBe(false);
  });
});
