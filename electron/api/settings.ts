import { DEFAULT_APP_SETTINGS, type AppSettings } from '../../shared/api/settings.ts';
import { z } from 'zod';
import { IDLE_LOCK_SETTING, idleLockMinutes } from '../auth/index.ts';
import { getSchemaMapping } from '../runtime/registry-config.ts';
import { appendAudit } from '../store/audit.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { operatorOf, type AppContext } from './context.ts';
import type { DomainHandlers } from './types.ts';

// Handlers of the 'settings' domain (contract: shared/api/settings.ts). The idle-lock
// minutes share their key with the auth module, which enforces them.

const AUTO_REPAIR = 'autoRepair';

export function appSettings(ctx: Pick<AppContext, 'db'>): AppSettings {
  return {
    idleLockMinutes: idleLockMinutes(ctx),
    autoRepair: getSetting(ctx.db, AUTO_REPAIR, z.boolean(), DEFAULT_APP_SETTINGS.autoRepair),
  };
}

export const settingsHandlers: DomainHandlers<'settings'> = {
  getMapping: (_a, ctx) => getSchemaMapping(ctx.db),

  saveMapping: async ({ mapping }, ctx) => {
    const before = getSchemaMapping(ctx.db);
    ctx.db.transaction(() => {
      setSetting(ctx.db, 'schemaMapping', mapping);
      appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'SETTINGS_CHANGE', detail: { key: 'schemaMapping', before, after: mapping } });
    })();
    // The open registry was built with the old mapping.
    await ctx.resetRegistry();
    return getSchemaMapping(ctx.db);
  },

  get: (_a, ctx) => appSettings(ctx),

  save: (a, ctx) => {
    const before = appSettings(ctx);
    ctx.db.transaction(() => {
      if (a.idleLockMinutes !== undefined) setSetting(ctx.db, IDLE_LOCK_SETTING, a.idleLockMinutes);
      if (a.autoRepair !== undefined) setSetting(ctx.db, AUTO_REPAIR, a.autoRepair);
      appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'SETTINGS_CHANGE', detail: { key: 'app', before, after: { ...before, ...a } } });
    })();
    return appSettings(ctx);
  },
};
