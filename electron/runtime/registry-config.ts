// Which registry the office uses, kept in the encrypted store's settings. The Oracle
// password is kept apart from the spec and wrapped by a SecretBox (Electron safeStorage
// in the app), so it is never plain text on disk: the store itself is encrypted too.
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { DEFAULT_SCHEMA_MAPPING, schemaMappingSchema, type SchemaMapping } from '../../shared/registry-mapping.ts';
import { generateDemoRegistry } from '../demo/index.ts';
import { openRegistry, type RegistrySpec } from '../registry/open.ts';
import type { Registry } from '../registry/types.ts';
import { getSetting, setSetting } from '../store/settings.ts';

export interface SecretBox {
  seal(plain: string): string;
  open(sealed: string): string;
}

/** Outside Electron the store's own encryption is the protection. */
export const plainBox: SecretBox = { seal: (s) => s, open: (s) => s };

// The runtime's box per context, so the settings handlers seal a new password the same way.
const boxes = new WeakMap<object, SecretBox>();
export function bindSecretBox(ctx: object, box: SecretBox): void {
  boxes.set(ctx, box);
}
export function secretBoxOf(ctx: object): SecretBox {
  return boxes.get(ctx) ?? plainBox;
}

export const storedRegistrySchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo') }),
  z.object({ kind: z.literal('sqlite'), path: z.string().min(1) }),
  z.object({
    kind: z.literal('oracle'),
    host: z.string().min(1),
    port: z.number().int().min(1).max(65535),
    serviceName: z.string().min(1),
    user: z.string().min(1),
  }),
]);
export type StoredRegistry = z.infer<typeof storedRegistrySchema>;

export function demoRegistryPath(dataDir: string): string {
  return join(dataDir, 'demo', 'registry-demo.sqlite');
}

export function getStoredRegistry(db: Database): StoredRegistry {
  return getSetting(db, 'registry', storedRegistrySchema, { kind: 'demo' });
}

export function getSchemaMapping(db: Database): SchemaMapping {
  return getSetting(db, 'schemaMapping', schemaMappingSchema, DEFAULT_SCHEMA_MAPPING);
}

export function saveRegistrySettings(db: Database, stored: StoredRegistry, password: string | null, box: SecretBox): void {
  setSetting(db, 'registry', stored);
  if (stored.kind === 'oracle' && password !== null) setSetting(db, 'registrySecret', box.seal(password));
}

export function resolveRegistrySpec(db: Database, dataDir: string, box: SecretBox): RegistrySpec {
  const stored = getStoredRegistry(db);
  if (stored.kind === 'demo') return { kind: 'demo', path: demoRegistryPath(dataDir) };
  if (stored.kind === 'sqlite') return stored;
  const sealed = getSetting(db, 'registrySecret', z.string(), '');
  return { ...stored, password: sealed ? box.open(sealed) : '' };
}

/** PADAN_DEMO_PERSONS: a smaller demo registry for end-to-end tests (the default takes ~20 s). */
export function demoPersonsFromEnv(env: NodeJS.ProcessEnv = process.env): number | undefined {
  const n = Number(env.PADAN_DEMO_PERSONS);
  return Number.isInteger(n) && n >= 100 ? n : undefined;
}

/** Opens the configured registry; the first start creates the demo registry when needed. */
export async function openConfiguredRegistry(db: Database, dataDir: string, box: SecretBox = plainBox): Promise<Registry> {
  const spec = resolveRegistrySpec(db, dataDir, box);
  if (spec.kind === 'demo' && !existsSync(spec.path)) {
    await generateDemoRegistry({ dir: join(dataDir, 'demo'), persons: demoPersonsFromEnv() });
  }
  return openRegistry(spec, getSchemaMapping(db));
}
