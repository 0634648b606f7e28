import { setSetting } from '../store/settings.ts';
import { appendAudit } from '../store/audit.ts';
import { createOperator, listOperators, resetPassword, setOperatorDisabled } from '../auth/operators.ts';
import { authStatus, IDLE_LOCK_SETTING, lockSession, setupAdmin, signIn, signOut } from '../auth/session.ts';
import { operatorOf } from './context.ts';
import type { DomainHandlers } from './types.ts';

// Handlers of the 'auth' domain (contract: shared/api/auth.ts).
export const authHandlers: DomainHandlers<'auth'> = {
  status: (_a, ctx) => authStatus(ctx),
  setupAdmin: (a, ctx) => setupAdmin(ctx, a),
  signIn: (a, ctx) => signIn(ctx, a.username, a.password),
  signOut: (_a, ctx) => {
    signOut(ctx);
    return null;
  },
  lock: (_a, ctx) => {
    lockSession(ctx, 'MANUAL');
    return null;
  },
  setIdleLockMinutes: (a, ctx) => {
    ctx.db.transaction(() => {
      setSetting(ctx.db, IDLE_LOCK_SETTING, a.minutes);
      appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'SETTINGS_CHANGE', detail: { key: IDLE_LOCK_SETTING, value: a.minutes } });
    })();
    return authStatus(ctx);
  },
  listOperators: (_a, ctx) => listOperators(ctx.db),
  createOperator: (a, ctx) => createOperator(ctx.db, a, operatorOf(ctx)),
  setOperatorDisabled: (a, ctx) => setOperatorDisabled(ctx.db, a.username, a.disabled, operatorOf(ctx)),
  resetPassword: async (a, ctx) => {
    await resetPassword(ctx.db, a.username, a.password, operatorOf(ctx));
    return null;
  },
};
