import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFamilies } from '../../../electron/demo/families.ts';
import { createPrng } from '../../../electron/demo/prng.ts';
import { writeRegistry } from '../../../electron/demo/registry-writer.ts';
import { openRegistry } from '../../../electron/registry/open.ts';
import { RegistryError } from '../../../electron/registry/errors.ts';
import { DEFAULT_SCHEMA_MAPPING } from '../../../shared/registry-mapping.ts';
import { CONTRACT_MAPPING, CONTRACT_PERSONS, CONTRACT_SEED, registryContract } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'padan-registry-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

for (const variant of [{ nikType: 'INTEGER', flagType: 'TEXT' }, { nikType: 'TEXT', flagType: 'INTEGER' }] as const) {
  registryContract(`SQLite, NIK ${variant.nikType}, FLAG_STATUS ${variant.flagType}`, async () => {
    const { families, people } = generateFamilies(createPrng(CONTRACT_SEED), CONTRACT_PERSONS);
    const path = join(dir, `${variant.nikType}.sqlite`);
    writeRegistry(path, families, people, variant);
    return { registry: await openRegistry({ kind: 'sqlite', path }, CONTRACT_MAPPING), families, people };
  });
}

describe('SQLite adapter specifics', () => {
  it('binds keys in the column affinity so lookups use the NIK index', () => {
    const path = join(dir, 'INTEGER.sqlite');
    const db = new Database(path, { readonly: true });
    const plan = db.prepare('EXPLAIN QUERY PLAN SELECT * FROM BIODATA_WNI WHERE NIK IN (?, ?)').all(1n, 2n) as { detail: string }[];
    expect(plan.map((p) => p.detail).join()).toMatch(/USING INDEX BIODATA_WNI_NIK/);
    db.close();
  });

  it('a missing file is REGISTRY_UNREACHABLE (the engine queues the batch)', async () => {
    const err = await openRegistry({ kind: 'sqlite', path: join(dir, 'nope.sqlite') }, DEFAULT_SCHEMA_MAPPING).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(RegistryError);
    expect(err).toMatchObject({ code: 'REGISTRY_UNREACHABLE', retryable: true });
  });

  it('a file that is not SQLite, or lacks the mapped table, is a clear error', async () => {
    const junk = join(dir, 'junk.sqlite');
    writeFileSync(junk, 'not a database at all, just text'.repeat(100));
    await expect(openRegistry({ kind: 'sqlite', path: junk }, DEFAULT_SCHEMA_MAPPING)).rejects.toMatchObject({ code: 'REGISTRY_ERROR' });
    await expect(openRegistry({ kind: 'sqlite', path: join(dir, 'INTEGER.sqlite') }, { ...DEFAULT_SCHEMA_MAPPING, biodataTable: 'BIODATA' }))
      .rejects.toMatchObject({ code: 'REGISTRY_SCHEMA' });
  });

  it('opens read-only: the file cannot be written through the adapter connection', async () => {
    const reg = await openRegistry({ kind: 'sqlite', path: join(dir, 'INTEGER.sqlite') }, DEFAULT_SCHEMA_MAPPING);
    const d = await reg.diagnostics();
    expect(d.schema.find((s) => s.table === 'PINDAH_DETAIL')).toBeUndefined(); // not mapped by default
    await reg.close();
  });
});
