// row_results.registry: the compact array form round-trips every field, and snapshots stored
// as JSON objects before it keep being read.
import { describe, expect, it } from 'vitest';
import { decodeSnapshot, encodeSnapshot } from '../../../electron/registry/snapshot.ts';
import type { RegistryPerson } from '../../../electron/registry/types.ts';

const person: RegistryPerson = {
  nik: '9471014107900003', kk: '9471010101100001', name: 'YOHANA KOGOYA', birthPlace: 'JAYAPURA', birthDate: '1990-07-01',
  sex: '2', motherName: 'MARIA', flagStatus: '0', prop: '94', kab: '71', kec: '1', kel: '1001', address: 'JL. SENTANI',
  rt: '001', rw: '002', kecamatanName: 'ABEPURA', kelurahanName: 'ASANO', movedOut: false, deceased: true,
};

describe('registry snapshot', () => {
  it('round-trips every field, NIKs above 2^53 as exact text', () => {
    const text = encodeSnapshot(person);
    expect(text.startsWith('[')).toBe(true);
    expect(decodeSnapshot(text)).toEqual(person);
    expect(text.length).toBeLessThan(JSON.stringify(person).length * 0.7);
  });

  it('reads the object form stored before, and nothing from empty or broken text', () => {
    expect(decodeSnapshot(JSON.stringify(person))).toEqual(person);
    expect(decodeSnapshot(null)).toBeNull();
    expect(decodeSnapshot('')).toBeNull();
    expect(decodeSnapshot('{not json')).toBeNull();
  });
});
