// One entry point from a registry spec (settings or CLI) to an open Registry.
import { z } from 'zod';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { RegistryError } from './errors.ts';
import { openOracleRegistry, type OracleOptions } from './oracle.ts';
import { openSqliteRegistry } from './sqlite.ts';
import type { Registry } from './types.ts';

const oracleSpecSchema = z.object({
  kind: z.literal('oracle'),
  host: z.string().min(1),
  port: z.number().int().min(1).max(65535),
  serviceName: z.string().min(1),
  user: z.string().min(1),
  password: z.string(),
});

export const registrySpecSchema = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('demo'), path: z.string().min(1) }),
  z.object({ kind: z.literal('sqlite'), path: z.string().min(1) }),
  oracleSpecSchema,
]);
export type RegistrySpec = z.infer<typeof registrySpecSchema>;

export interface OpenRegistryOptions {
  oracle?: OracleOptions;
}

export async function openRegistry(spec: RegistrySpec, mapping: SchemaMapping, opts: OpenRegistryOptions = {}): Promise<Registry> {
  switch (spec.kind) {
    case 'demo':
    case 'sqlite':
      // The spec goes with it: the candidate search reopens a registry file in a worker.
      return Object.assign(await openSqliteRegistry(spec.path, mapping, spec.kind), { spec });
    case 'oracle':
      return openOracleRegistry(spec, mapping, opts.oracle);
  }
}

/**
 * CLI forms: `demo` (the demo registry in the data folder), `sqlite:PATH`,
 * `oracle://USER@HOST:PORT/SERVICE` with the password from PADAN_ORACLE_PASSWORD, so it
 * never appears in shell history or the process list.
 */
export function parseRegistryArg(s: string, env: NodeJS.ProcessEnv = process.env, demoPath?: string): RegistrySpec {
  const arg = s.trim();
  if (arg === 'demo') {
    const dir = env.PADAN_DATA_DIR ? `${env.PADAN_DATA_DIR.replace(/[\\/]+$/, '')}/demo` : './padan-data/demo';
    return { kind: 'demo', path: demoPath ?? `${dir}/registry-demo.sqlite` };
  }
  if (arg.startsWith('demo:')) return { kind: 'demo', path: arg.slice(5) };
  if (arg.startsWith('sqlite:')) {
    const path = arg.slice('sqlite:'.length);
    if (!path) throw usage(s);
    return { kind: 'sqlite', path };
  }
  const m = /^oracle:\/\/([^@/]+)@([^:/]+|\[[^\]]+\]):(\d{1,5})\/(.+)$/.exec(arg);
  if (m) {
    // The address first: a wrong port should not be reported as a missing password.
    const spec = oracleSpecSchema.parse({ kind: 'oracle', user: decodeURIComponent(m[1]!), host: m[2]!, port: Number(m[3]), serviceName: m[4]!, password: '' });
    const password = env.PADAN_ORACLE_PASSWORD;
    if (password === undefined) {
      throw new RegistryError('REGISTRY_AUTH', 'Kata sandi Oracle belum diberikan. Setel variabel lingkungan PADAN_ORACLE_PASSWORD lalu ulangi.');
    }
    return { ...spec, password };
  }
  throw usage(s);
}

function usage(s: string): RegistryError {
  return new RegistryError('REGISTRY_ERROR',
    `Registri "${s}" tidak dikenali. Gunakan: demo, sqlite:LOKASI_BERKAS, atau oracle://PENGGUNA@HOST:PORT/SERVICE (kata sandi di PADAN_ORACLE_PASSWORD).`,
    { retryable: false });
}
