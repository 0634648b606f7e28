// Sign-in, sign-out, manual lock and idle lock of the one session a Padan window holds.
// Every outcome is audited; a failed sign-in records the username tried, never the password.
import { z } from 'zod';
import type { AppContext, Session } from '../api/context.ts';
import { appendAudit } from '../store/audit.ts';
import { getSetting } from '../store/settings.ts';
import { AuthError } from './errors.ts';
import { countOperators, createOperator, findOperatorRow, type NewOperator, type Operator } from './operators.ts';
import { burnPasswordCheck, verifyPassword } from './password.ts';

export const IDLE_LOCK_SETTING = 'idleLockMinutes';
export const DEFAULT_IDLE_LOCK_MINUTES = 10;
const idleSchema = z.number().int().min(1).max(24 * 60);

export function idleLockMinutes(ctx: Pick<AppContext, 'db'>): number {
  return getSetting(ctx.db, IDLE_LOCK_SETTING, idleSchema, DEFAULT_IDLE_LOCK_MINUTES);
}

/** Who was signed in when the session locked, so the lock screen can offer that name. */
const lockedOperators = new WeakMap<AppContext, string>();

export interface AuthStatus {
  /** False on the very first start: the renderer shows "create the administrator". */
  hasAccounts: boolean;
  session: Omit<Session, 'lastActivityAt'> | null;
  lockedOperator: string | null;
  idleLockMinutes: number;
}

export function authStatus(ctx: AppContext): AuthStatus {
  const s = ctx.session;
  return {
    hasAccounts: countOperators(ctx.db) > 0,
    session: s ? { operator: s.operator, displayName: s.displayName, role: s.role, signedInAt: s.signedInAt } : null,
    lockedOperator: s ? null : (lockedOperators.get(ctx) ?? null),
    idleLockMinutes: idleLockMinutes(ctx),
  };
}

/** First start only: once any account exists this is refused, so it cannot be a back door. */
export async function setupAdmin(ctx: AppContext, input: Omit<NewOperator, 'role'>): Promise<Operator> {
  if (countOperators(ctx.db) > 0) {
    throw new AuthError('AUTH_SETUP_DONE', 'Akun administrator sudah ada. Masuk dengan akun tersebut.');
  }
  const admin = await createOperator(ctx.db, { ...input, role: 'ADMIN' }, input.username.trim(), 'ADMIN_SETUP');
  // The account-count check and the insert are not one transaction (scrypt is async); a
  // second concurrent setup would have failed on the unique username or leaves two admins,
  // both created by someone at this very PC during first start: acceptable.
  return admin;
}

/** After this many failed sign-ins within the window, the account waits out the window. */
export const MAX_FAILED_SIGN_INS = 5;
export const FAILED_SIGN_IN_WINDOW_MS = 15 * 60_000;

/**
 * Failed sign-ins for a user name in the window since its last success, read from the audit
 * log so that a restart does not reset the count. Refused attempts are logged under another
 * action and do not extend the wait.
 */
function recentFailures(ctx: AppContext, username: string, now: number): number {
  const since = new Date(now - FAILED_SIGN_IN_WINDOW_MS).toISOString();
  const row = ctx.db
    .prepare(
      `SELECT count(*) AS n FROM audit_log WHERE action = 'SIGN_IN_FAILED' AND operator = ? COLLATE NOCASE AND at > ?
         AND id > coalesce((SELECT max(id) FROM audit_log WHERE action = 'SIGN_IN' AND operator = ? COLLATE NOCASE), 0)`,
    )
    .get(username, since, username) as { n: number };
  return row.n;
}

export async function signIn(ctx: AppContext, username: string, password: string): Promise<AuthStatus> {
  const attempt = username.trim().slice(0, 64);
  if (attempt && recentFailures(ctx, attempt, Date.now()) >= MAX_FAILED_SIGN_INS) {
    appendAudit(ctx.db, { operator: attempt, action: 'SIGN_IN_REFUSED', detail: { reason: 'TOO_MANY_FAILURES' } });
    throw new AuthError(
      'AUTH_LOCKED_OUT',
      `Terlalu banyak percobaan masuk yang gagal untuk akun ini. Tunggu ${FAILED_SIGN_IN_WINDOW_MS / 60_000} menit, ` +
        'lalu coba lagi dengan kata sandi yang benar, atau minta administrator mengatur ulang kata sandi.',
    );
  }
  const row = findOperatorRow(ctx.db, username);
  const ok = row ? await verifyPassword(password, row.password_hash) : (await burnPasswordCheck(password), false);
  const tried = username.trim().slice(0, 64);
  if (!row || !ok) {
    appendAudit(ctx.db, { operator: tried || '(kosong)', action: 'SIGN_IN_FAILED', detail: { reason: row ? 'PASSWORD' : 'UNKNOWN_USER' } });
    throw new AuthError('AUTH_BAD_CREDENTIALS', 'Nama pengguna atau kata sandi salah. Periksa lalu coba lagi.');
  }
  if (row.disabled) {
    appendAudit(ctx.db, { operator: row.username, action: 'SIGN_IN_FAILED', detail: { reason: 'DISABLED' } });
    throw new AuthError('AUTH_DISABLED', 'Akun ini dinonaktifkan. Hubungi administrator.');
  }
  const now = Date.now();
  ctx.session = {
    operator: row.username,
    displayName: row.display_name,
    role: row.role,
    signedInAt: new Date(now).toISOString(),
    lastActivityAt: now,
  };
  lockedOperators.delete(ctx);
  appendAudit(ctx.db, { operator: row.username, action: 'SIGN_IN', detail: { role: row.role, host: ctx.host } });
  return authStatus(ctx);
}

export function signOut(ctx: AppContext): void {
  const s = ctx.session;
  if (!s) return;
  appendAudit(ctx.db, { operator: s.operator, action: 'SIGN_OUT' });
  ctx.session = null;
  lockedOperators.delete(ctx);
  ctx.emit('session/locked', { reason: 'SIGN_OUT' });
}

/** Manual lock ("Kunci layar"): the session ends, the name is kept for the lock screen. */
export function lockSession(ctx: AppContext, reason: 'MANUAL' | 'IDLE' = 'MANUAL'): void {
  const s = ctx.session;
  if (!s) return;
  appendAudit(ctx.db, { operator: s.operator, action: 'SESSION_LOCK', detail: { reason } });
  ctx.session = null;
  lockedOperators.set(ctx, s.operator);
  // The event vocabulary has IDLE and SIGN_OUT; a manual lock is reported as IDLE since
  // the renderer treats both the same (show the lock screen).
  ctx.emit('session/locked', { reason: 'IDLE' });
}

/** Called from a timer by the app: locks the session after idleLockMinutes without calls. */
export function checkIdle(ctx: AppContext, now: number = Date.now()): boolean {
  const s = ctx.session;
  if (!s) return false;
  if (now - s.lastActivityAt < idleLockMinutes(ctx) * 60_000) return false;
  lockSession(ctx, 'IDLE');
  return true;
}
