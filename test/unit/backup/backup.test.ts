import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { inspectBackup, restoreBackup } from '../../../electron/backup/backup.ts';
import { BACKUP_MESSAGES } from '../../../electron/backup/format.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { appendAudit, verifyAudit } from '../../../electron/store/audit.ts';
import { dumpAll, makeCtx, openTemp, sampleNik, seedBatch, signInAs } from '../store/helpers.ts';

const PASS = 'Cadangan-Dukcapil-2025';

function tablesExcept(db: Parameters<typeof dumpAll>[0], skip: string[]): Record<string, unknown[]> {
  const out: Record<string, unknown[]> = {};
  for (const { name } of db.prepare(`SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name`).all() as { name: string }[]) {
    if (skip.includes(name)) continue;
    out[name] = db.prepare(`SELECT * FROM "${name}"`).safeIntegers(true).raw(true).all();
  }
  return out;
}

describe('backup and restore', () => {
  it('a backup restores to an identical store, keeps a copy of the replaced one, is audited', async () => {
    const src = openTemp();
    seedBatch(src.db, { rows: 120, corrections: 2, exportedAt: new Date().toISOString() });
    appendAudit(src.db, { operator: 'admin', action: 'VIEW', batchId: 1 });
    const ctx = makeCtx(src.db, src.dir);
    const call = createDispatch(handlers, ctx, () => {});
    signInAs(ctx, 'admin');
    const snapshot = tablesExcept(src.db, []);
    const file = join(src.dir, 'cadangan.padanbak');
    const created = (await call('backup/create', { path: file, passphrase: PASS })) as { ok: true; value: { batches: number } };
    expect(created).toMatchObject({ ok: true, value: { batches: 1, auditChainOk: true } });
    const bytes = readFileSync(file);
    expect(bytes.subarray(0, 8).toString()).toBe('PADANBAK');
    expect(bytes.includes(sampleNik(3))).toBe(false);

    // Another PC, another store key, different data.
    const dst = openTemp(undefined, 'another-pc-key');
    seedBatch(dst.db, { rows: 10, offset: 700 });
    const dctx = makeCtx(dst.db, dst.dir);
    const dcall = createDispatch(handlers, dctx, () => {});
    signInAs(dctx, 'admin2');
    expect(await dcall('backup/inspect', { path: file, passphrase: PASS })).toMatchObject({ ok: true, value: { batches: 1, createdBy: 'admin' } });
    expect(await dcall('backup/restore', { path: file, passphrase: PASS })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(() => restoreBackup(dst.db, file, PASS, { confirm: false, operator: 'x' })).toThrow(/konfirmasi/);
    const restored = (await dcall('backup/restore', { path: file, passphrase: PASS, confirm: true })) as { ok: true; value: { previousCopy: string } };
    expect(restored.ok).toBe(true);

    // Identical apart from the restore's own audit entry.
    const after = tablesExcept(dst.db, []);
    // The image was taken before BACKUP_CREATE was logged; the restore adds BACKUP_RESTORE.
    const n = snapshot.audit_log!.length;
    expect(after.audit_log!.length).toBe(n + 1);
    expect((after.audit_log!.at(-1) as unknown[])[3]).toBe('BACKUP_RESTORE');
    expect({ ...after, audit_log: after.audit_log!.slice(0, n) }).toEqual(snapshot);
    expect(verifyAudit(dst.db).ok).toBe(true);
    expect(dumpAll(dst.db)).not.toContain(sampleNik(705));
    // Triggers are back.
    expect(() => dst.db.exec('DELETE FROM audit_log')).toThrow(/append-only/);

    // The copy of the replaced store is kept, still encrypted with this PC's key.
    expect(restored.value.previousCopy).toMatch(/padan\.db\.before-restore-/);
    expect(existsSync(restored.value.previousCopy)).toBe(true);
    expect(readFileSync(restored.value.previousCopy).includes(sampleNik(705))).toBe(false);
    const old = openStoreDb({ path: restored.value.previousCopy, key: 'another-pc-key' });
    expect(dumpAll(old)).toContain(sampleNik(705));
    old.close();
  });

  it('refuses a wrong passphrase, a truncated and an altered file with clear Indonesian messages', async () => {
    const { db, dir } = openTemp();
    seedBatch(db, { rows: 5 });
    const ctx = makeCtx(db, dir);
    const call = createDispatch(handlers, ctx, () => {});
    signInAs(ctx, 'admin');
    const file = join(dir, 'b.padanbak');
    await call('backup/create', { path: file, passphrase: PASS });
    const bytes = readFileSync(file);

    expect(() => inspectBackup(file, 'bukan-sandinya')).toThrow(BACKUP_MESSAGES.wrongPassphrase);
    expect(await call('backup/restore', { path: file, passphrase: 'bukan-sandinya', confirm: true })).toMatchObject({
      ok: false,
      error: { code: 'BACKUP_WRONG_PASSPHRASE', message: BACKUP_MESSAGES.wrongPassphrase },
    });

    const truncated = join(dir, 'truncated.padanbak');
    writeFileSync(truncated, bytes.subarray(0, bytes.length - 1000));
    expect(() => inspectBackup(truncated, PASS)).toThrow(BACKUP_MESSAGES.damaged);

    const altered = join(dir, 'altered.padanbak');
    const copy = Buffer.from(bytes);
    copy[Math.floor(copy.length / 2)]! ^= 0x01;
    writeFileSync(altered, copy);
    expect(() => inspectBackup(altered, PASS)).toThrow(BACKUP_MESSAGES.damaged);

    const notBackup = join(dir, 'x.xlsx');
    writeFileSync(notBackup, 'PK\u0003\u0004 bukan cadangan');
    expect(() => inspectBackup(notBackup, PASS)).toThrow(BACKUP_MESSAGES.notBackup);

    // Nothing was touched by the refused restores.
    expect(db.prepare('SELECT count(*) AS n FROM batch_rows').get()).toEqual({ n: 5 });
  });
});
