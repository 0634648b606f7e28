import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { appendAudit, entryHash, verifyAudit } from '../../../electron/store/audit.ts';
import { makeCtx, openTemp, signInAs } from '../store/helpers.ts';

function store(n: number) {
  const t = openTemp();
  const ins = t.db.transaction(() => {
    for (let i = 1; i <= n; i++) appendAudit(t.db, { operator: i % 2 ? 'admin' : 'op1', action: i % 3 ? 'VIEW' : 'EXPORT', batchId: (i % 4) + 1, detail: { i } });
  });
  ins();
  return t;
}

// The triggers forbid UPDATE/DELETE; an attacker with the key could drop them. So do we.
function dropTriggers(db: ReturnType<typeof store>['db']) {
  db.exec('DROP TRIGGER audit_log_no_update; DROP TRIGGER audit_log_no_delete;');
}

describe('audit chain', () => {
  it('detects a changed entry', () => {
    const { db } = store(50);
    expect(verifyAudit(db)).toMatchObject({ ok: true, checked: 50, headId: 50 });
    dropTriggers(db);
    db.prepare(`UPDATE audit_log SET operator = 'orang-lain' WHERE id = 17`).run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 17, checked: 16 });
    expect(verifyAudit(db).problem).toMatch(/diubah/);
  });

  it('detects a changed entry whose hash was recomputed (the next link breaks)', () => {
    const { db } = store(20);
    dropTriggers(db);
    const r = db.prepare('SELECT * FROM audit_log WHERE id = 5').get() as Parameters<typeof entryHash>[0];
    const forged = { ...r, detail: '{"i":999}' };
    db.prepare('UPDATE audit_log SET detail = ?, hash = ? WHERE id = 5').run(forged.detail, entryHash(forged));
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 6 });
  });

  it('detects a deleted entry', () => {
    const { db } = store(30);
    dropTriggers(db);
    db.prepare('DELETE FROM audit_log WHERE id = 12').run();
    expect(verifyAudit(db)).toMatchObject({ ok: false, brokenAt: 12 });
    expect(verifyAudit(db).problem).toMatch(/hilang/);
  });

  it('verifies 100k entries quickly', () => {
    const { db } = store(100_000);
    const t0 = performance.now();
    const r = verifyAudit(db);
    const ms = performance.now() - t0;
    expect(r).toMatchObject({ ok: true, checked: 100_000 });
    expect(ms).toBeLessThan(5000);
  }, 120_000);
});

describe('audit API', () => {
  it('lists newest first with filters and paging, lists actions, exports CSV (audited)', async () => {
    const t = store(40);
    const ctx = makeCtx(t.db, t.dir);
    const call = createDispatch(handlers, ctx, () => {});
    signInAs(ctx, 'admin', 'ADMIN');
    const page = (await call('audit/list', { action: 'EXPORT', operator: 'admin', offset: 0, limit: 3 })) as { ok: true; value: { total: number; entries: { id: number }[] } };
    expect(page.value.total).toBe(7); // odd multiples of 3 up to 40
    expect(page.value.entries.map((e) => e.id)).toEqual([39, 33, 27]);
    const byBatch = (await call('audit/list', { batchId: 2 })) as { ok: true; value: { total: number } };
    expect(byBatch.value.total).toBe(10);
    const future = (await call('audit/list', { from: '2999-01-01' })) as { ok: true; value: { total: number } };
    expect(future.value.total).toBe(0);
    const today = new Date().toISOString().slice(0, 10);
    expect(((await call('audit/list', { from: today, to: today })) as { ok: true; value: { total: number } }).value.total).toBe(40);
    expect(await call('audit/actions', {})).toEqual({ ok: true, value: ['EXPORT', 'VIEW'] });
    expect(await call('audit/verify', {})).toMatchObject({ ok: true, value: { ok: true, checked: 40 } });

    appendAudit(t.db, { operator: '=HYPERLINK("http://x")', action: 'SIGN_IN_FAILED' });
    const path = join(t.dir, 'audit.csv');
    expect(await call('audit/export', { path })).toMatchObject({ ok: true, value: { entries: 41, chainOk: true } });
    const csv = readFileSync(path, 'utf8');
    expect(csv.split('\r\n').filter(Boolean)).toHaveLength(42);
    expect(csv).toContain(`"'=HYPERLINK(""http://x"")"`);
    expect(t.db.prepare(`SELECT action FROM audit_log ORDER BY id DESC LIMIT 1`).get()).toEqual({ action: 'AUDIT_EXPORT' });

    // An operator sees only their own entries and cannot export.
    signInAs(ctx, 'op1', 'OPERATOR');
    const own = (await call('audit/list', {})) as { ok: true; value: { total: number; entries: { operator: string }[] } };
    expect(own.value.total).toBe(20);
    expect(own.value.entries.every((e) => e.operator === 'op1')).toBe(true);
    expect(await call('audit/export', { path })).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
  });
});
