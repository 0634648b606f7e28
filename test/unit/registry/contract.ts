// The behaviour every Registry must show, run against each adapter on the same demo data
// (generated in memory from a seed, so the expectations are known without reading back).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DemoFamily, DemoPerson } from '../../../electron/demo/families.ts';
import type { Registry } from '../../../electron/registry/types.ts';
import { DEFAULT_SCHEMA_MAPPING, type SchemaMapping } from '../../../shared/registry-mapping.ts';

export interface ContractFixture { registry: Registry; people: DemoPerson[]; families: DemoFamily[] }

/** The mapping the contract runs under: defaults plus the optional event tables. */
export const CONTRACT_MAPPING: SchemaMapping = { ...DEFAULT_SCHEMA_MAPPING, movedOutTable: 'PINDAH_DETAIL', deathTable: 'CAPIL_MATI' };
export const CONTRACT_SEED = 7;
export const CONTRACT_PERSONS = 3000;

export function registryContract(name: string, make: () => Promise<ContractFixture>, skip = false): void {
  describe.skipIf(skip)(`Registry contract: ${name}`, () => {
    let f: ContractFixture;
    beforeAll(async () => { f = await make(); });
    afterAll(async () => { await f?.registry.close(); });

    it('looks up a person with biodata, family address and region names', async () => {
      const p = f.people.find((x) => x.flagStatus === '0' && x.kab === 72)!;
      const fam = f.families.find((x) => x.kk === p.kk)!;
      const got = (await f.registry.lookup([p.nik])).get(p.nik)!;
      expect(got).toMatchObject({
        nik: p.nik, kk: p.kk, name: p.name, birthPlace: p.birthPlace, birthDate: p.birthDate, sex: p.sex,
        motherName: p.motherName, flagStatus: '0', prop: '73', kab: '72', kec: String(p.kec), kel: String(p.kel),
        address: fam.address, rt: fam.rt, rw: fam.rw, movedOut: false, deceased: false,
      });
      expect(got.kecamatanName).toMatch(/^[A-Z ]+$/);
      expect(got.kelurahanName).toMatch(/^[A-Z ]+$/);
    });

    it('returns Papua NIKs above 2^53 exactly', async () => {
      const papua = f.people.filter((x) => Number(x.nik.slice(0, 2)) >= 91);
      expect(papua.length).toBeGreaterThan(0);
      const got = await f.registry.lookup(papua.map((x) => x.nik));
      expect([...got.keys()].sort()).toEqual(papua.map((x) => x.nik).sort());
      for (const p of papua) expect(got.get(p.nik)!.name).toBe(p.name);
    });

    it('chunks large key lists and ignores unknown, duplicate and malformed keys', async () => {
      const niks = f.people.slice(0, 2500).map((x) => x.nik);
      const keys = [...niks, ...niks.slice(0, 10), '7372019999990001', 'ABC', '', '7.37201E+15', '73720'];
      const got = await f.registry.lookup(keys);
      expect(got.size).toBe(2500);
      expect(got.has('7372019999990001')).toBe(false);
    });

    it('reports FLAG_STATUS and the optional death / moved-out tables', async () => {
      const dead = f.people.find((x) => x.deceased)!;
      const moved = f.people.find((x) => x.movedOut)!;
      const other = f.people.find((x) => x.flagStatus === '3' || x.flagStatus === '4')!;
      const got = await f.registry.lookup([dead.nik, moved.nik, other.nik]);
      expect(got.get(dead.nik)).toMatchObject({ flagStatus: '1', deceased: true });
      expect(got.get(moved.nik)).toMatchObject({ flagStatus: '2', movedOut: true });
      expect(got.get(other.nik)!.flagStatus).toBe(other.flagStatus);
    });

    it('reports domicile outside the work area as region numbers', async () => {
      const away = f.people.find((x) => x.kab !== 72)!;
      expect((await f.registry.lookup([away.nik])).get(away.nik)).toMatchObject({ prop: '73', kab: String(away.kab) });
    });

    it('finds the NIKs sharing the 15 digits Excel kept', async () => {
      const p = f.people[10]!;
      const got = await f.registry.lookupPrefixes([p.nik.slice(0, 15), 'x']);
      expect(got.map((x) => x.nik)).toContain(p.nik);
      for (const x of got) expect(x.nik.startsWith(p.nik.slice(0, 15))).toBe(true);
    });

    it('searches by birth date and a resembling name', async () => {
      const p = f.people.find((x) => x.name.split(' ').length >= 2)!;
      const variant = p.name.replace(/^(H\.|HJ\.|DRS\.) /, '').replace(/\bMUHAMMAD\b/, 'MUH.');
      const got = await f.registry.searchByNameAndBirthDate([{ name: variant, birthDate: p.birthDate }, { name: 'X', birthDate: 'bad' }]);
      expect(got.map((x) => x.nik)).toContain(p.nik);
      for (const x of got) expect(x.birthDate).toBe(p.birthDate);
    });

    it('lists the members of family cards', async () => {
      const fam = f.families.find((x) => f.people.filter((p) => p.kk === x.kk).length >= 3)!;
      const got = await f.registry.familyMembers([fam.kk, '0000000000000000']);
      expect(got.map((x) => x.nik).sort()).toEqual(f.people.filter((p) => p.kk === fam.kk).map((p) => p.nik).sort());
    });

    it('gives diagnostics: counts, FLAG_STATUS distribution, mapped schema', async () => {
      const d = await f.registry.diagnostics();
      expect(d.persons).toBe(f.people.length);
      expect(d.families).toBe(f.families.length);
      const zero = d.flagStatus.find((x) => x.value === '0')!;
      expect(zero.count).toBe(f.people.filter((p) => p.flagStatus === '0').length);
      expect(d.schema.every((s) => s.exists)).toBe(true);
    });

    it('stops when the caller aborts', async () => {
      const ac = new AbortController();
      ac.abort();
      await expect(f.registry.lookup([f.people[0]!.nik], ac.signal)).rejects.toThrow();
    });
  });
}
