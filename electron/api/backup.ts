import { createBackup, inspectBackup, restoreBackup } from '../backup/backup.ts';
import { planPurge } from '../retention/plan.ts';
import { purgeBatches } from '../retention/purge.ts';
import { operatorOf } from './context.ts';
import type { DomainHandlers } from './types.ts';

// Handlers of the 'backup' domain (contract: shared/api/backup.ts).
export const backupHandlers: DomainHandlers<'backup'> = {
  create: (a, ctx) => createBackup(ctx.db, a.path, a.passphrase, operatorOf(ctx)),
  inspect: (a) => inspectBackup(a.path, a.passphrase),
  restore: (a, ctx) => {
    const result = restoreBackup(ctx.db, a.path, a.passphrase, { confirm: a.confirm, operator: operatorOf(ctx) });
    ctx.emit('batch/changed', { batchId: null });
    return result;
  },
  purgePlan: (_a, ctx) => planPurge(ctx.db),
  purge: async (a, ctx) => {
    const done = await purgeBatches(ctx.db, a.batchIds, operatorOf(ctx));
    ctx.emit('batch/changed', { batchId: null });
    return done;
  },
};
