// The SQLite adapter answers big lookups with range scans and region checks (key-plan.ts):
// the answer must be the same as probing every key alone, also after the file changes.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3-multiple-ciphers';
import { afterAll, describe, expect, it } from 'vitest';
import { generateFamilies } from '../../../electron/demo/families.ts';
import { createPrng } from '../../../electron/demo/prng.ts';
import { writeRegistry } from '../../../electron/demo/registry-writer.ts';
import { openRegistry } from '../../../electron/registry/open.ts';
import { substitutionVariants, transpositionVariants } from '../../../shared/nik.ts';
import { CONTRACT_MAPPING, CONTRACT_SEED } from './contract.ts';

const dir = mkdtempSync(join(tmpdir(), 'padan-plan-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('SQLite lookup plan', () => {
  for (const nikType of ['INTEGER', 'TEXT'] as const) {
    it(`NIK ${nikType}: one lookup of many typo variants equals a probe per key`, async () => {
      const { families, people } = generateFamilies(createPrng(CONTRACT_SEED), 3000);
      const path = join(dir, `${nikType}.sqlite`);
      writeRegistry(path, families, people, { nikType });
      const registry = await openRegistry({ kind: 'sqlite', path }, CONTRACT_MAPPING);
      const keys: string[] = [];
      for (const p of people.slice(0, 100)) keys.push(p.nik, ...substitutionVariants(p.nik), ...transpositionVariants(p.nik));
      const all = await registry.lookup(keys);
      const alone = new Map<string, unknown>();
      for (const k of new Set(keys)) for (const [nik, p] of await registry.lookup([k])) alone.set(nik, p);
      expect(all.size).toBeGreaterThanOrEqual(100);
      const sorted = (m: Map<string, unknown>): [string, unknown][] => [...m].sort(([a], [b]) => (a < b ? -1 : 1));
      expect(sorted(all)).toEqual(sorted(alone));
      await registry.close();
    });
  }

  it('sees a person added to a region it had found empty (data_version)', async () => {
    const { families, people } = generateFamilies(createPrng(CONTRACT_SEED), 500);
    const path = join(dir, 'grow.sqlite');
    writeRegistry(path, families, people, { nikType: 'INTEGER' });
    const registry = await openRegistry({ kind: 'sqlite', path }, CONTRACT_MAPPING);
    const region = '917101'; // a Papua region the demo registry does not hold
    const niks = ['0001', '0002', '0003'].map((s) => `${region}010190${s}`);
    expect((await registry.lookup(niks)).size).toBe(0);
    const db = new Database(path);
    db.prepare('INSERT INTO BIODATA_WNI (NIK, NAMA_LGKP, FLAG_STATUS) VALUES (?, ?, ?)').run(BigInt(niks[1]!), 'BARU', '0');
    db.close();
    expect([...(await registry.lookup(niks)).keys()]).toEqual([niks[1]]);
    await registry.close();
  });
});
