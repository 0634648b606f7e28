import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import type { RegistrySettingsInfo, RegistrySettingsInput, RegistryTestResult } from '../../shared/api/registry.ts';
import { flagTarget } from '../../shared/registry-mapping.ts';
import { generateDemoRegistry } from '../demo/index.ts';
import { RegistryError } from '../registry/errors.ts';
import { openRegistry, type RegistrySpec } from '../registry/open.ts';
import { matchService } from '../runtime/match-service.ts';
import {
  demoPersonsFromEnv, demoRegistryPath, getSchemaMapping, getStoredRegistry, resolveRegistrySpec,
  saveRegistrySettings, secretBoxOf, type StoredRegistry,
} from '../runtime/registry-config.ts';
import { appendAudit } from '../store/audit.ts';
import { getSetting } from '../store/settings.ts';
import { operatorOf, type AppContext } from './context.ts';
import type { DomainHandlers } from './types.ts';

// Handlers of the 'registry' domain (contract: shared/api/registry.ts). The Oracle
// password goes in, sealed, and never comes back out, not even into the audit log.

/** A NIK that cannot exist (province 00): a cheap question that still needs a live session. */
const PROBE_NIK = '0000000000000000';

function hasPassword(ctx: AppContext): boolean {
  return getSetting(ctx.db, 'registrySecret', z.string(), '') !== '';
}

function info(ctx: AppContext): RegistrySettingsInfo {
  const s = getStoredRegistry(ctx.db);
  return s.kind === 'oracle' ? { ...s, hasPassword: hasPassword(ctx) } : s;
}

function toStored(s: RegistrySettingsInput): StoredRegistry {
  if (s.kind === 'oracle') return { kind: 'oracle', host: s.host, port: s.port, serviceName: s.serviceName, user: s.user };
  return s;
}

/** Unsaved settings to a spec; an omitted Oracle password means the stored one. */
function specOf(ctx: AppContext, s: RegistrySettingsInput): RegistrySpec {
  if (s.kind === 'demo') return { kind: 'demo', path: demoRegistryPath(ctx.dataDir) };
  if (s.kind === 'sqlite') return s;
  let password = s.password;
  if (password === undefined) {
    const saved = resolveRegistrySpec(ctx.db, ctx.dataDir, secretBoxOf(ctx));
    password = saved.kind === 'oracle' ? saved.password : '';
  }
  return { kind: 'oracle', host: s.host, port: s.port, serviceName: s.serviceName, user: s.user, password };
}

export async function testRegistry(ctx: AppContext, spec: RegistrySpec): Promise<RegistryTestResult> {
  const started = Date.now();
  try {
    if (spec.kind === 'demo' && !existsSync(spec.path)) {
      await generateDemoRegistry({ dir: join(ctx.dataDir, 'demo'), persons: demoPersonsFromEnv() });
    }
    // One attempt and a short connect timeout: the administrator is waiting for the answer.
    const registry = await openRegistry(spec, getSchemaMapping(ctx.db), { oracle: { connectTimeoutSec: 8, retryAttempts: 1 } });
    try {
      await registry.lookup([PROBE_NIK]);
      return { ok: true, label: registry.label, code: null, message: `Terhubung ke ${registry.label}.`, millis: Date.now() - started };
    } finally {
      await registry.close();
    }
  } catch (err) {
    if (err instanceof RegistryError) {
      return { ok: false, label: null, code: err.code, message: err.message, millis: Date.now() - started };
    }
    throw err;
  }
}

export const registryHandlers: DomainHandlers<'registry'> = {
  get: (_a, ctx) => info(ctx),

  save: async (a, ctx) => {
    const before = getStoredRegistry(ctx.db);
    const stored = toStored(a);
    const password = a.kind === 'oracle' && a.password !== undefined ? a.password : null;
    ctx.db.transaction(() => {
      saveRegistrySettings(ctx.db, stored, password, secretBoxOf(ctx));
      appendAudit(ctx.db, {
        operator: operatorOf(ctx), action: 'SETTINGS_CHANGE',
        detail: { key: 'registry', before, after: stored, passwordChanged: password !== null },
      });
    })();
    await ctx.resetRegistry();
    return info(ctx);
  },

  test: async (a, ctx) => {
    const spec = a.settings ? specOf(ctx, a.settings) : resolveRegistrySpec(ctx.db, ctx.dataDir, secretBoxOf(ctx));
    const result = await testRegistry(ctx, spec);
    // Only a test of the saved settings says something about the registry the app uses.
    if (!a.settings) matchService(ctx).noteRegistry(result.ok, result.label);
    return result;
  },

  diagnostics: async (_a, ctx) => {
    const registry = await ctx.registry();
    const d = await registry.diagnostics();
    const mapping = getSchemaMapping(ctx.db);
    matchService(ctx).noteRegistry(true, registry.label);
    return {
      kind: d.kind, label: d.label, persons: d.persons, families: d.families, schema: d.schema,
      flagStatus: d.flagStatus.map((f) => ({ ...f, mappedTo: flagTarget(mapping, f.value) })),
    };
  },

  state: (_a, ctx) => matchService(ctx).registryState(),

  probe: async (_a, ctx) => {
    await matchService(ctx).probeNow();
    return matchService(ctx).registryState();
  },
};
