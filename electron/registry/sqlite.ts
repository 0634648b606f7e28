// Registry adapter for a SIAK-schema SQLite file, opened read-only (the application never
// writes to SIAK, domain.md §2). NIK columns may be INTEGER or TEXT: values are read with
// CAST(... AS TEXT) so a Papua NIK above 2^53 comes back exact, and keys are bound in the
// column's own type (BigInt for INTEGER, string for TEXT) so the lookup hits the index.
import Database from 'better-sqlite3-multiple-ciphers';
import { existsSync } from 'node:fs';
import { basename } from 'node:path';
import { setImmediate as yieldToLoop } from 'node:timers/promises';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { RegistryError, throwIfAborted } from './errors.ts';
import { planLookup } from './key-plan.ts';
import { namesResemble } from './name-key.ts';
import { chunks, DIGITS, ident, mappedSchema, PERSON_COLUMNS, personSelect, prefixRange, toPersonValues, type Dialect } from './sql.ts';
import type { NameQuery, Registry, RegistryDiagnostics, RegistryKind, RegistryPerson } from './types.ts';

type Key = string | bigint;
/** Keys joined per statement: bounds how long one join blocks the main process (~50 ms). */
const KEY_SLICE = 10_000;

type Db = InstanceType<typeof Database>;

const dialect: Dialect = {
  text: (e) => `CAST(${e} AS TEXT)`,
  // ISO text dates ('1980-05-12' or '1980-05-12 00:00:00'): the first ten characters.
  date: (e) => `substr(CAST(${e} AS TEXT), 1, 10)`,
};

function openReadOnly(path: string): Db {
  if (!existsSync(path)) {
    throw new RegistryError('REGISTRY_UNREACHABLE', `Berkas registri tidak ditemukan: ${path}. Periksa lokasi berkas di Pengaturan, atau apakah diska/folder jaringannya tersambung.`, { driverCode: 'ENOENT' });
  }
  try {
    const db = new Database(path, { readonly: true, fileMustExist: true });
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // fails here on a file that is not SQLite
    return db;
  } catch (e) {
    const code = (e as { code?: string }).code ?? null;
    const unreachable = code === 'SQLITE_CANTOPEN' || code === 'SQLITE_IOERR';
    throw new RegistryError(unreachable ? 'REGISTRY_UNREACHABLE' : 'REGISTRY_ERROR',
      unreachable ? `Berkas registri ${path} tidak dapat dibuka. Periksa izin baca berkas dan sambungan folder jaringan.`
        : `Berkas ${path} bukan basis data SQLite yang dapat dibaca (${code ?? 'galat'}). Pilih berkas registri yang benar.`,
      { cause: e, driverCode: code });
  }
}

export class SqliteRegistry implements Registry {
  readonly kind: RegistryKind;
  readonly label: string;
  private readonly db: Db;
  private readonly types = new Map<string, Map<string, string>>();
  private readonly statements = new Map<string, Database.Statement>();
  private readonly select: string;
  /** The person select driven by temp.padan_keys t (see byKeys). */
  private readonly keyedSelect: string;
  private keyTableReady = false;
  /** The person select driven by temp.padan_ranges r (see lookupPrefixes). */
  private readonly rangedSelect: string;
  private readonly nikKey: (s: string) => Key | null;
  private readonly kkKey: (s: string) => Key | null;
  private readonly nikTextual: boolean;
  /** regionExists' answers and the data_version they were read at. */
  private readonly regions = new Map<string, boolean>();
  private regionVersion: unknown = null;

  constructor(path: string, private readonly mapping: SchemaMapping, kind: RegistryKind = 'sqlite') {
    this.kind = kind;
    this.label = `${kind === 'demo' ? 'Registri demo' : 'SQLite'}: ${basename(path)}`;
    this.db = openReadOnly(path);
    if (this.typeOf(mapping.biodataTable, mapping.columns.nik) === null) {
      this.db.close();
      throw new RegistryError('REGISTRY_SCHEMA', `Tabel ${mapping.biodataTable} dengan kolom ${mapping.columns.nik} tidak ada di ${basename(path)}. Periksa pemetaan skema di Pengaturan.`);
    }
    this.select = personSelect(mapping, dialect, (t, c) => this.typeOf(t, c));
    this.keyedSelect = personSelect(mapping, dialect, (t, c) => this.typeOf(t, c), 'temp.padan_keys t');
    this.rangedSelect = personSelect(mapping, dialect, (t, c) => this.typeOf(t, c), 'temp.padan_ranges r');
    this.nikKey = this.keyBinder(mapping.biodataTable, mapping.columns.nik);
    this.nikTextual = /CHAR|CLOB|TEXT/.test(this.typeOf(mapping.biodataTable, mapping.columns.nik) ?? '');
    this.kkKey = this.keyBinder(mapping.biodataTable, mapping.columns.kk);
  }

  /** Declared type of a column (case-insensitive names), '' when undeclared, null when missing. */
  private typeOf(table: string, column: string): string | null {
    const t = table.toUpperCase();
    let cols = this.types.get(t);
    if (!cols) {
      cols = new Map();
      const name = ident(table).split('.').pop()!;
      const exists = this.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table','view') AND upper(name) = upper(?)").get(name) as { name: string } | undefined;
      if (exists) {
        for (const r of this.db.pragma(`table_info("${exists.name}")`) as { name: string; type: string }[]) cols.set(r.name.toUpperCase(), r.type.toUpperCase());
      }
      this.types.set(t, cols);
    }
    return cols.get(column.toUpperCase()) ?? null;
  }

  /**
   * Binds a key in the column's affinity: a string compared with an INTEGER column would
   * be converted per row and skip the index; a BigInt keeps 16 digits exact.
   */
  private keyBinder(table: string, column: string): (s: string) => Key | null {
    const type = this.typeOf(table, column) ?? '';
    const textual = /CHAR|CLOB|TEXT/.test(type);
    if (textual) return (s) => s;
    return (s) => (DIGITS.test(s) ? BigInt(s) : null);
  }

  /**
   * A person select read as arrays (cheaper than a keyed object per row, then another);
   * its columns are checked once against PERSON_COLUMNS so a change to personSelect fails loudly.
   */
  private personStatement(sql: string): Database.Statement {
    const st = this.statement(sql);
    if (!st.reader || st.columns().some((c, i) => c.name !== PERSON_COLUMNS[i])) {
      throw new Error('personSelect columns differ from PERSON_COLUMNS');
    }
    return st.raw(true);
  }

  private statement(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  /**
   * Every key of the call in a temp table, then one join per slice of KEY_SLICE keys: one
   * statement instead of one padded 1000-bind IN list per 1000 keys, and the keys are bound
   * once each. The CROSS JOIN keeps the key table as the outer loop, so each key is one probe
   * of the column's index (bound in the column's type, see keyBinder).
   */
  private async byKeys(column: string, keys: readonly Key[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    if (!this.keyTableReady) {
      this.db.exec('CREATE TEMP TABLE IF NOT EXISTS padan_keys (k PRIMARY KEY) WITHOUT ROWID');
      this.keyTableReady = true;
    }
    const clear = this.statement('DELETE FROM temp.padan_keys');
    const insert = this.statement('INSERT OR IGNORE INTO temp.padan_keys (k) VALUES (?)');
    const select = this.personStatement(`${this.keyedSelect} WHERE b.${ident(column)} = t.k`);
    const fill = this.db.transaction((part: readonly Key[]) => {
      clear.run();
      for (const k of part) insert.run(k);
    });
    const out: RegistryPerson[] = [];
    for (const part of chunks(keys, KEY_SLICE)) {
      throwIfAborted(signal);
      fill(part);
      for (const r of select.all() as unknown[][]) out.push(toPersonValues(r));
      await yieldToLoop(); // keep the main process responsive between slices
    }
    clear.run();
    return out;
  }

  private keys(values: readonly string[], bind: (s: string) => Key | null): Key[] {
    const seen = new Set<string>();
    const out: Key[] = [];
    for (const v of values) {
      const s = v.trim();
      if (seen.has(s)) continue;
      seen.add(s);
      const k = bind(s);
      if (k !== null) out.push(k);
    }
    return out;
  }

  /** See key-plan.ts: dense 12-digit prefixes are scanned, keys of empty regions not probed. */
  async lookup(niks: readonly string[], signal?: AbortSignal): Promise<Map<string, RegistryPerson>> {
    const plan = planLookup(niks, this.nikTextual ? undefined : this.regionExists());
    const found = await this.byKeys(this.mapping.columns.nik, this.keys(plan.probes, this.nikKey), signal);
    if (plan.dense.length > 0) for (const p of await this.lookupPrefixes(plan.dense, signal)) if (plan.inDense.has(p.nik)) found.push(p);
    return new Map(found.map((p) => [p.nik, p]));
  }

  /**
   * Whether any NIK starts with a 6-digit region code. Remembered across calls (a batch asks
   * about the same few hundred codes in every chunk) until the file changes: PRAGMA
   * data_version moves whenever another connection commits to it.
   */
  private regionExists(): (code6: string) => boolean {
    const version = this.db.pragma('data_version', { simple: true });
    if (version !== this.regionVersion) {
      this.regions.clear();
      this.regionVersion = version;
    }
    const st = this.statement(`SELECT 1 FROM ${ident(this.mapping.biodataTable)} WHERE ${ident(this.mapping.columns.nik)} BETWEEN ? AND ? LIMIT 1`);
    return (code6) => {
      let hit = this.regions.get(code6);
      if (hit === undefined) {
        const [lo, hi] = prefixRange(code6);
        this.regions.set(code6, (hit = st.get(this.nikKey(lo), this.nikKey(hi)) !== undefined));
      }
      return hit;
    };
  }

  /**
   * Persons in any of the [lo, hi] ranges, range by range in the order given: one temp table
   * of ranges and one join per KEY_SLICE ranges. A statement run per range paid its setup
   * (the automatic index on the region tables) thousands of times per batch.
   */
  private async inRanges(where: string, ranges: readonly [Key | null, Key | null][], signal?: AbortSignal): Promise<RegistryPerson[]> {
    this.db.exec('CREATE TEMP TABLE IF NOT EXISTS padan_ranges (lo, hi)');
    const clear = this.statement('DELETE FROM temp.padan_ranges');
    const insert = this.statement('INSERT INTO temp.padan_ranges (rowid, lo, hi) VALUES (?, ?, ?)');
    const select = this.personStatement(`${this.rangedSelect} WHERE ${where} ORDER BY r.rowid`);
    const fill = this.db.transaction((part: readonly [Key | null, Key | null][]) => {
      clear.run();
      part.forEach(([lo, hi], i) => insert.run(i, lo, hi));
    });
    const out: RegistryPerson[] = [];
    for (const part of chunks(ranges, KEY_SLICE)) {
      throwIfAborted(signal);
      fill(part);
      for (const r of select.all() as unknown[][]) out.push(toPersonValues(r));
      await yieldToLoop();
    }
    clear.run();
    return out;
  }

  async lookupPrefixes(prefixes: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    const ranges = [...new Set(prefixes.map((x) => x.trim()))]
      .filter((p) => DIGITS.test(p))
      .map((p): [Key | null, Key | null] => prefixRange(p).map(this.nikKey) as [Key | null, Key | null]);
    return this.inRanges(`b.${ident(this.mapping.columns.nik)} BETWEEN r.lo AND r.hi`, ranges, signal);
  }

  async searchByNameAndBirthDate(queries: readonly NameQuery[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    const byDate = new Map<string, string[]>();
    for (const q of queries) {
      if (!/^\d{4}-\d{2}-\d{2}$/.test(q.birthDate)) continue;
      byDate.set(q.birthDate, [...(byDate.get(q.birthDate) ?? []), q.name]);
    }
    const col = ident(this.mapping.columns.birthDate);
    // Range per date so both '1980-05-12' and '1980-05-12 00:00:00' match and the index is used.
    const ranges = [...byDate.keys()].map((d): [Key, Key] => [d, d + '~']);
    const out = new Map<string, RegistryPerson>();
    for (const p of await this.inRanges(`b.${col} >= r.lo AND b.${col} < r.hi`, ranges, signal)) {
      // The person's birthDate is the column's first ten characters: the date of its range.
      const names = byDate.get(p.birthDate ?? '') ?? [];
      if (names.some((n) => namesResemble(n, p.name))) out.set(p.nik, p);
    }
    return [...out.values()];
  }

  async familyMembers(kks: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    return this.byKeys(this.mapping.columns.kk, this.keys(kks, this.kkKey), signal);
  }

  async diagnostics(): Promise<RegistryDiagnostics> {
    const m = this.mapping;
    const count = (table: string): number =>
      this.typeOf(table, m.columns.nik) !== null || this.typeOf(table, m.columns.familyKk) !== null
        ? Number((this.db.prepare(`SELECT count(*) AS n FROM ${ident(table)}`).get() as { n: number }).n) : 0;
    const flag = ident(m.columns.flagStatus);
    const flagStatus = this.typeOf(m.biodataTable, m.columns.flagStatus) === null ? [] :
      (this.db.prepare(`SELECT CAST(${flag} AS TEXT) AS value, count(*) AS count FROM ${ident(m.biodataTable)} GROUP BY 1 ORDER BY 2 DESC`).all() as { value: string | null; count: number }[])
        .map((r) => ({ value: r.value ?? '(kosong)', count: Number(r.count) }));
    return {
      kind: this.kind, label: this.label,
      persons: count(m.biodataTable), families: count(m.familyTable), flagStatus,
      schema: mappedSchema(m).map(({ table, column }) => ({
        table, column,
        exists: column === null ? (this.typeOf(table, '__none__'), this.types.get(table.toUpperCase())!.size > 0) : this.typeOf(table, column) !== null,
      })),
    };
  }

  async close(): Promise<void> {
    this.statements.clear();
    if (this.db.open) this.db.close();
  }
}

export async function openSqliteRegistry(path: string, mapping: SchemaMapping, kind: RegistryKind = 'sqlite'): Promise<Registry> {
  return new SqliteRegistry(path, mapping, kind);
}
