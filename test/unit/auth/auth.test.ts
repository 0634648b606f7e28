import { describe, expect, it } from 'vitest';
import { createDispatch, handlers } from '../../../electron/api/index.ts';
import { hashPassword, verifyPassword, SCRYPT_PARAMS } from '../../../electron/auth/password.ts';
import { checkIdle } from '../../../electron/auth/session.ts';
import { cliOperator } from '../../../electron/auth/cli-operator.ts';
import { can } from '../../../electron/auth/roles.ts';
import { setSetting } from '../../../electron/store/settings.ts';
import { verifyAudit } from '../../../electron/store/audit.ts';
import { makeCtx, openTemp } from '../store/helpers.ts';

function setup() {
  const { db, dir } = openTemp();
  const events: [string, unknown][] = [];
  const ctx = makeCtx(db, dir, events);
  const call = createDispatch(handlers, ctx, () => {});
  return { db, ctx, call, events };
}

describe('password hashing', () => {
  it('uses scrypt with N>=2^15, a random salt, and verifies only the right password', async () => {
    expect(SCRYPT_PARAMS.N).toBeGreaterThanOrEqual(2 ** 15);
    const a = await hashPassword('rahasia-sekali');
    const b = await hashPassword('rahasia-sekali');
    expect(a).not.toBe(b);
    expect(a).toMatch(/^scrypt\$32768\$8\$1\$/);
    expect(await verifyPassword('rahasia-sekali', a)).toBe(true);
    expect(await verifyPassword('rahasia-sekalI', a)).toBe(false);
    expect(await verifyPassword('x', 'garbage')).toBe(false);
  });
});

describe('accounts and sessions through the dispatcher', () => {
  it('first start: status, setupAdmin once, sign-in, roles, lock, sign-out, all audited without passwords', async () => {
    const { db, ctx, call, events } = setup();
    expect((await call('auth/status', {})) as unknown).toMatchObject({ ok: true, value: { hasAccounts: false, session: null } });
    expect(await call('auth/listOperators', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });

    const setup1 = await call('auth/setupAdmin', { username: 'admin', displayName: 'Admin Dukcapil', password: 'Sandi-Admin-1' });
    expect(setup1.ok).toBe(true);
    const again = await call('auth/setupAdmin', { username: 'admin2', displayName: 'X', password: 'Sandi-Admin-2' });
    expect(again).toMatchObject({ ok: false, error: { code: 'AUTH_SETUP_DONE' } });

    const bad = await call('auth/signIn', { username: 'admin', password: 'salah-sandi' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_CREDENTIALS' } });
    const unknown = await call('auth/signIn', { username: 'siapa', password: 'salah-sandi' });
    expect(unknown).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_CREDENTIALS' } });
    expect(ctx.session).toBeNull();

    expect(await call('auth/signIn', { username: 'ADMIN', password: 'Sandi-Admin-1' })).toMatchObject({
      ok: true,
      value: { session: { operator: 'admin', role: 'ADMIN' } },
    });
    expect(await call('auth/createOperator', { username: 'op1', displayName: 'Operator Satu', password: 'Sandi-Op-01', role: 'OPERATOR' })).toMatchObject({ ok: true });
    expect(await call('auth/createOperator', { username: 'op1', displayName: 'Lagi', password: 'Sandi-Op-01', role: 'OPERATOR' })).toMatchObject({
      ok: false,
      error: { code: 'AUTH_USERNAME_TAKEN' },
    });
    expect(await call('auth/setOperatorDisabled', { username: 'admin', disabled: true })).toMatchObject({ ok: false, error: { code: 'AUTH_LAST_ADMIN' } });
    expect(await call('auth/resetPassword', { username: 'op1', password: 'Sandi-Op-02' })).toMatchObject({ ok: true });
    expect(await call('auth/lock', {})).toMatchObject({ ok: true });
    expect(events.at(-1)).toEqual(['session/locked', { reason: 'IDLE' }]);
    expect(await call('auth/status', {})).toMatchObject({ value: { session: null, lockedOperator: 'admin' } });

    // An operator may not manage accounts.
    await call('auth/signIn', { username: 'op1', password: 'Sandi-Op-02' });
    expect(await call('auth/listOperators', {})).toMatchObject({ ok: false, error: { code: 'FORBIDDEN' } });
    expect(await call('auth/signOut', {})).toMatchObject({ ok: true });
    expect(events.at(-1)).toEqual(['session/locked', { reason: 'SIGN_OUT' }]);

    // A disabled account cannot sign in.
    await call('auth/signIn', { username: 'admin', password: 'Sandi-Admin-1' });
    await call('auth/setOperatorDisabled', { username: 'op1', disabled: true });
    expect(await call('auth/signIn', { username: 'op1', password: 'Sandi-Op-02' })).toMatchObject({ ok: false, error: { code: 'AUTH_DISABLED' } });

    const log = db.prepare('SELECT operator, action, detail FROM audit_log ORDER BY id').all() as { operator: string; action: string; detail: string }[];
    expect(log.map((e) => e.action)).toEqual([
      'ADMIN_SETUP', 'SIGN_IN_FAILED', 'SIGN_IN_FAILED', 'SIGN_IN', 'OPERATOR_CREATE', 'OPERATOR_PASSWORD_RESET',
      'SESSION_LOCK', 'SIGN_IN', 'SIGN_OUT', 'SIGN_IN', 'OPERATOR_DISABLE', 'SIGN_IN_FAILED',
    ]);
    const text = JSON.stringify(log);
    for (const secret of ['Sandi-Admin-1', 'salah-sandi', 'Sandi-Op-01', 'Sandi-Op-02', 'scrypt$']) expect(text).not.toContain(secret);
    expect(verifyAudit(db).ok).toBe(true);
  });

  it('checkIdle locks after idleLockMinutes (default 10, configurable) and emits session/locked', async () => {
    const { db, ctx, call, events } = setup();
    await call('auth/setupAdmin', { username: 'admin', displayName: 'Admin', password: 'Sandi-Admin-1' });
    await call('auth/signIn', { username: 'admin', password: 'Sandi-Admin-1' });
    const t0 = ctx.session!.lastActivityAt;
    expect(checkIdle(ctx, t0 + 9 * 60_000)).toBe(false);
    expect(ctx.session).not.toBeNull();
    expect(checkIdle(ctx, t0 + 10 * 60_000)).toBe(true);
    expect(ctx.session).toBeNull();
    expect(events.at(-1)).toEqual(['session/locked', { reason: 'IDLE' }]);

    setSetting(db, 'idleLockMinutes', 2);
    await call('auth/signIn', { username: 'admin', password: 'Sandi-Admin-1' });
    const t1 = ctx.session!.lastActivityAt;
    expect(checkIdle(ctx, t1 + 119_000)).toBe(false);
    expect(checkIdle(ctx, t1 + 120_000)).toBe(true);
    expect(await call('auth/listOperators', {})).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});

describe('roles and CLI operator', () => {
  it('ADMIN configures, OPERATOR works on batches', () => {
    expect(can('ADMIN', 'BACKUP')).toBe(true);
    expect(can('OPERATOR', 'BACKUP')).toBe(false);
    expect(can('OPERATOR', 'EXPORT')).toBe(true);
    expect(can(null, 'IMPORT')).toBe(false);
  });
  it('takes --operator, then PADAN_OPERATOR, then the OS user', () => {
    expect(cliOperator(['node', 'padan', 'match', '--operator', 'budi'], { PADAN_OPERATOR: 'x' })).toBe('budi');
    expect(cliOperator(['node', 'padan', '--operator=sari'], {})).toBe('sari');
    expect(cliOperator(['node', 'padan'], { PADAN_OPERATOR: 'dewi' })).toBe('dewi');
    expect(cliOperator(['node', 'padan'], {})).toMatch(/.+/);
  });
});

describe('repeated failed sign-ins', () => {
  it('lock the account out for the window after five failures, audited, while another account still signs in', async () => {
    const { db, call } = setup();
    expect((await call('auth/setupAdmin', { username: 'admin', displayName: 'Admin', password: 'Sandi-Admin-1' })).ok).toBe(true);
    for (let i = 0; i < 5; i++) {
      expect(await call('auth/signIn', { username: 'admin', password: 'salah-' + i })).toMatchObject({ ok: false, error: { code: 'AUTH_BAD_CREDENTIALS' } });
    }
    // Even the right password waits now: whoever guessed five times must not get a sixth try.
    const refused = await call('auth/signIn', { username: 'ADMIN', password: 'Sandi-Admin-1' });
    expect(refused).toMatchObject({ ok: false, error: { code: 'AUTH_LOCKED_OUT' } });
    if (!refused.ok) expect(refused.error.message).toMatch(/Tunggu 15 menit/);
    const actions = (db.prepare(`SELECT action FROM audit_log ORDER BY id`).all() as { action: string }[]).map((r) => r.action);
    expect(actions.filter((a) => a === 'SIGN_IN_FAILED')).toHaveLength(5);
    expect(actions.at(-1)).toBe('SIGN_IN_REFUSED');
    // Failures older than the window no longer count.
    db.exec(`DROP TRIGGER audit_log_no_update`);
    db.prepare(`UPDATE audit_log SET at = '2000-01-01T00:00:00.000Z' WHERE action = 'SIGN_IN_FAILED'`).run();
    expect((await call('auth/signIn', { username: 'admin', password: 'Sandi-Admin-1' })).ok).toBe(true);
  });
});
