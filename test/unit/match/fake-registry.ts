// An in-memory Registry for matching tests: counts lookups per NIK and can fail on demand.
import type { NameQuery, Registry, RegistryDiagnostics, RegistryPerson } from '../../../electron/registry/types.ts';
import { normalizeName, compareNames } from '../../../shared/names.ts';

export function person(p: Partial<RegistryPerson> & { nik: string }): RegistryPerson {
  return {
    kk: null, name: 'NAMA', birthPlace: 'PAREPARE', birthDate: '1980-05-12', sex: '1', motherName: null,
    flagStatus: '0', prop: '73', kab: '72', kec: '1', kel: '1001', address: null, rt: null, rw: null,
    kecamatanName: null, kelurahanName: null, movedOut: false, deceased: false, ...p,
  };
}

export class FakeRegistryError extends Error {
  constructor(readonly code: string, message: string, readonly retryable = true) {
    super(message);
  }
}

export class FakeRegistry implements Registry {
  readonly kind = 'demo' as const;
  readonly label = 'fake';
  readonly byNik = new Map<string, RegistryPerson>();
  /** How often each NIK was asked for in lookup(). */
  readonly lookups = new Map<string, number>();
  /** Every lookup() call's NIKs, in order. */
  readonly lookupCalls: string[][] = [];
  calls = { lookup: 0, lookupPrefixes: 0, search: 0, family: 0 };
  /** Throw on the lookup() call with this 1-based number (and all after while failing). */
  failOnLookupCall: number | null = null;
  failing = false;

  constructor(persons: RegistryPerson[] = []) {
    for (const p of persons) this.byNik.set(p.nik, p);
  }

  async lookup(niks: readonly string[]): Promise<Map<string, RegistryPerson>> {
    this.calls.lookup++;
    if (this.failing || (this.failOnLookupCall !== null && this.calls.lookup >= this.failOnLookupCall)) {
      this.failing = true;
      throw new FakeRegistryError('REGISTRY_DROPPED', 'Koneksi ke SIAK terputus.');
    }
    this.lookupCalls.push([...niks]);
    const out = new Map<string, RegistryPerson>();
    for (const n of niks) {
      this.lookups.set(n, (this.lookups.get(n) ?? 0) + 1);
      const p = this.byNik.get(n);
      if (p) out.set(n, p);
    }
    return out;
  }

  async lookupPrefixes(prefixes: readonly string[]): Promise<RegistryPerson[]> {
    this.calls.lookupPrefixes++;
    const set = new Set(prefixes);
    return [...this.byNik.values()].filter((p) => set.has(p.nik.slice(0, 15)));
  }

  async searchByNameAndBirthDate(queries: readonly NameQuery[]): Promise<RegistryPerson[]> {
    this.calls.search++;
    return [...this.byNik.values()].filter((p) =>
      queries.some((q) => q.birthDate === p.birthDate && compareNames(q.name, normalizeName(p.name)) !== 'TIDAK_SESUAI'),
    );
  }

  async familyMembers(kks: readonly string[]): Promise<RegistryPerson[]> {
    this.calls.family++;
    const set = new Set(kks);
    return [...this.byNik.values()].filter((p) => p.kk !== null && set.has(p.kk));
  }

  async diagnostics(): Promise<RegistryDiagnostics> {
    return { kind: 'demo', label: this.label, persons: this.byNik.size, families: 0, flagStatus: [], schema: [] };
  }

  async close(): Promise<void> {}
}
