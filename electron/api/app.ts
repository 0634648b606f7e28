import { readFileSync } from 'node:fs';
import type { DomainHandlers } from './types.ts';

const pkg = JSON.parse(readFileSync(new URL('../../package.json', import.meta.url), 'utf8')) as { version: string };

export const appHandlers: DomainHandlers<'app'> = {
  info: async (_args, ctx) => {
    let registryLabel: string | null = null;
    const row = ctx.db.prepare("SELECT value FROM settings WHERE key = 'registry'").get() as { value: string } | undefined;
    if (row) registryLabel = (JSON.parse(row.value) as { kind?: string }).kind ?? null;
    return {
      name: 'Padan',
      version: pkg.version,
      host: ctx.host,
      dataDir: ctx.dataDir,
      keyProtection: ctx.keyProtection,
      registryLabel,
      storeEncrypted: true,
    };
  },
  chooseSavePath: async ({ suggestedName }, ctx) => ({ path: await ctx.chooseSavePath(suggestedName) }),
  ping: ({ text }) => ({ pong: text }),
};
