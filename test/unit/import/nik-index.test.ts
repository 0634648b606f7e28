// batch_niks is filled in key order: the numeric sort must give exactly SQLite's BINARY order
// of the NIK text (then seq), Papua NIKs above 2^53 included.
import Database from 'better-sqlite3-multiple-ciphers';
import { describe, expect, it } from 'vitest';
import { NikIndexBuilder } from '../../../electron/import/nik-index.ts';

function sqliteOrder(pairs: [string, number][]): unknown[] {
  const db = new Database(':memory:');
  db.exec('CREATE TABLE t (nik TEXT, seq INTEGER)');
  const ins = db.prepare('INSERT INTO t VALUES (?, ?)');
  for (const [n, s] of pairs) ins.run(n, s);
  const out = (db.prepare('SELECT nik, seq FROM t ORDER BY nik, seq').raw().all() as [string, number][]).flat();
  db.close();
  return out;
}

describe('NikIndexBuilder', () => {
  it('orders 16-digit NIKs as SQLite orders their text, duplicates by seq, nulls left out', () => {
    let x = 7;
    const rnd = (n: number): number => (x = (x * 1103515245 + 12345) % 2147483648) % n;
    const b = new NikIndexBuilder();
    const pairs: [string, number][] = [];
    for (let seq = 0; seq < 5_000; seq++) {
      // Provinces 11..96 (91-96 exceed 2^53 as numbers); every tenth NIK repeats an earlier one.
      const nik = seq % 10 === 9 ? pairs[rnd(pairs.length)]![0] : `${11 + rnd(86)}${String(rnd(1e7)).padStart(7, '0')}${String(rnd(1e7)).padStart(7, '0')}`;
      b.add(nik, seq);
      pairs.push([nik, seq]);
      if (seq % 100 === 0) b.add(null, -1);
    }
    pairs.push(['9471014107900003', 99_001], ['9471014107900002', 99_000]);
    b.add('9471014107900003', 99_001);
    b.add('9471014107900002', 99_000);
    expect(b.sorted()).toEqual(sqliteOrder(pairs));
  });

  it('falls back to text order for anything that is not 16 digits', () => {
    const b = new NikIndexBuilder();
    b.add('7372', 2);
    b.add('73720101', 1);
    b.add('7372010101800001', 0);
    expect(b.sorted()).toEqual(sqliteOrder([['7372', 2], ['73720101', 1], ['7372010101800001', 0]]));
  });
});
