// Registry adapter for Oracle SIAK over node-oracledb Thin mode (no Instant Client: never
// call initOracleClient). Every connection has a connect timeout, a transport timeout and a
// call timeout, because a silent listener otherwise hangs forever (architecture.md).
// Each checkout is a read-only transaction: the application never writes to SIAK.
import oracledb from 'oracledb';
import { CHUNK_SIZE } from '../../shared/domain.ts';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { RegistryError, throwIfAborted } from './errors.ts';
import { namesResemble } from './name-key.ts';
import { mapOracleError, withRetry } from './oracle-errors.ts';
import { chunks, DIGITS, ident, mappedSchema, personSelect, prefixRange, toPerson, type Dialect } from './sql.ts';
import type { NameQuery, Registry, RegistryDiagnostics, RegistryPerson } from './types.ts';

export interface OracleSpec { host: string; port: number; serviceName: string; user: string; password: string }

export interface OracleOptions {
  /** Seconds to establish a connection (connectTimeout and transportConnectTimeout). */
  connectTimeoutSec?: number;
  /** Milliseconds any single round trip may take. */
  callTimeoutMs?: number;
  /** Milliseconds to wait for a free pooled connection. */
  queueTimeoutMs?: number;
  /** Attempts for a dropped connection (exponential backoff). */
  retryAttempts?: number;
  retryBaseDelayMs?: number;
}

const dialect: Dialect = {
  text: (e, type) => (type === 'NUMBER' || type === 'FLOAT' ? `TO_CHAR(${e})` : e),
  date: (e, type) => (/^(DATE|TIMESTAMP)/.test(type) ? `TO_CHAR(${e}, 'YYYY-MM-DD')` : `SUBSTR(${e}, 1, 10)`),
};

/** NUMBER columns arrive as strings: a 16-digit NIK above 2^53 stays exact. */
const fetchTypeHandler = (meta: { dbType?: unknown }): { type: number } | undefined =>
  meta.dbType === oracledb.DB_TYPE_NUMBER ? { type: oracledb.STRING } : undefined;

type Conn = oracledb.Connection;
type Row = Record<string, unknown>;

export class OracleRegistry implements Registry {
  readonly kind = 'oracle' as const;
  readonly label: string;
  private types = new Map<string, Map<string, string>>();
  private select = '';

  private constructor(private readonly pool: oracledb.Pool, spec: OracleSpec, private readonly mapping: SchemaMapping, private readonly opts: Required<OracleOptions>) {
    this.label = `Oracle: ${spec.user}@${spec.host}:${spec.port}/${spec.serviceName}`;
  }

  static async open(spec: OracleSpec, mapping: SchemaMapping, options: OracleOptions = {}): Promise<OracleRegistry> {
    const opts: Required<OracleOptions> = {
      connectTimeoutSec: 10, callTimeoutMs: 60_000, queueTimeoutMs: 30_000, retryAttempts: 3, retryBaseDelayMs: 250, ...options,
    };
    let pool: oracledb.Pool;
    try {
      pool = await oracledb.createPool({
        user: spec.user, password: spec.password,
        connectString: `${spec.host}:${spec.port}/${spec.serviceName}`,
        poolMin: 0, poolMax: 4, poolIncrement: 1,
        connectTimeout: opts.connectTimeoutSec, transportConnectTimeout: opts.connectTimeoutSec,
        queueTimeout: opts.queueTimeoutMs, stmtCacheSize: 30,
      });
    } catch (e) {
      throw mapOracleError(e);
    }
    const registry = new OracleRegistry(pool, spec, mapping, opts);
    try {
      await registry.loadSchema(); // first round trip: proves host, service and credentials
    } catch (e) {
      await pool.close(0).catch(() => undefined);
      throw mapOracleError(e);
    }
    return registry;
  }

  /** One checkout: call timeout set, read-only transaction, always released. */
  private async withConnection<T>(work: (c: Conn) => Promise<T>, signal?: AbortSignal): Promise<T> {
    return withRetry(async () => {
      throwIfAborted(signal);
      const conn = await this.pool.getConnection();
      try {
        conn.callTimeout = this.opts.callTimeoutMs;
        await conn.execute('SET TRANSACTION READ ONLY');
        return await work(conn);
      } finally {
        await conn.close().catch(() => undefined); // close rolls back the read-only transaction
      }
    }, { attempts: this.opts.retryAttempts, baseDelayMs: this.opts.retryBaseDelayMs, signal });
  }

  private async query(conn: Conn, sql: string, binds: unknown[] | Record<string, unknown>): Promise<Row[]> {
    const r = await conn.execute<Row>(sql, binds as oracledb.BindParameters, { outFormat: oracledb.OUT_FORMAT_OBJECT, fetchTypeHandler });
    return r.rows ?? [];
  }

  private async loadSchema(): Promise<void> {
    const tables = [...new Set(mappedSchema(this.mapping).map((x) => x.table))].map((t) => ident(t).toUpperCase());
    const rows = await this.withConnection(async (c) => {
      const out: Row[] = [];
      for (const t of tables) {
        const [owner, name] = t.includes('.') ? t.split('.') : [null, t];
        out.push(...await this.query(c,
          `SELECT table_name AS "t", column_name AS "c", data_type AS "d" FROM all_tab_columns WHERE table_name = :t AND owner = NVL(:o, SYS_CONTEXT('USERENV', 'CURRENT_SCHEMA'))`,
          { t: name, o: owner }).then((r) => r.map((x) => ({ ...x, t }))));
      }
      return out;
    });
    this.types = new Map();
    for (const r of rows) {
      const t = String(r.t);
      if (!this.types.has(t)) this.types.set(t, new Map());
      this.types.get(t)!.set(String(r.c).toUpperCase(), String(r.d).toUpperCase());
    }
    this.select = personSelect(this.mapping, dialect, (t, c) => this.typeOf(t, c));
    if (this.typeOf(this.mapping.biodataTable, this.mapping.columns.nik) === null) {
      throw new RegistryError('REGISTRY_SCHEMA',
        `Tabel ${this.mapping.biodataTable} dengan kolom ${this.mapping.columns.nik} tidak terlihat oleh pengguna ini. Periksa pemetaan skema dan hak SELECT.`);
    }
  }

  private typeOf(table: string, column: string): string | null {
    return this.types.get(table.toUpperCase())?.get(column.toUpperCase()) ?? null;
  }

  /** ONE fixed SQL text with CHUNK_SIZE binds padded with null, so the statement cache hits. */
  private async inChunks(column: string, keys: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    const sql = `${this.select} WHERE b.${ident(column)} IN (${Array.from({ length: CHUNK_SIZE }, (_, i) => `:${i + 1}`).join(',')})`;
    const out: RegistryPerson[] = [];
    for (const part of chunks([...new Set(keys.map((k) => k.trim()).filter((k) => DIGITS.test(k)))], CHUNK_SIZE)) {
      const binds: (string | null)[] = [...part];
      while (binds.length < CHUNK_SIZE) binds.push(null);
      const rows = await this.withConnection((c) => this.query(c, sql, binds), signal);
      for (const r of rows) out.push(toPerson(r));
    }
    return out;
  }

  async lookup(niks: readonly string[], signal?: AbortSignal): Promise<Map<string, RegistryPerson>> {
    const found = await this.inChunks(this.mapping.columns.nik, niks, signal);
    return new Map(found.map((p) => [p.nik, p]));
  }

  async lookupPrefixes(prefixes: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    const sql = `${this.select} WHERE b.${ident(this.mapping.columns.nik)} BETWEEN :1 AND :2`;
    const list = [...new Set(prefixes.map((p) => p.trim()).filter((p) => DIGITS.test(p)))];
    if (!list.length) return [];
    return this.withConnection(async (c) => {
      const out: RegistryPerson[] = [];
      for (const p of list) {
        throwIfAborted(signal);
        for (const r of await this.query(c, sql, prefixRange(p))) out.push(toPerson(r));
      }
      return out;
    }, signal);
  }

  async searchByNameAndBirthDate(queries: readonly NameQuery[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    const col = ident(this.mapping.columns.birthDate);
    const isDate = /^(DATE|TIMESTAMP)/.test(this.typeOf(this.mapping.biodataTable, col) ?? '');
    const where = isDate
      ? `b.${col} >= TO_DATE(:1, 'YYYY-MM-DD') AND b.${col} < TO_DATE(:2, 'YYYY-MM-DD') + 1`
      : `b.${col} >= :1 AND b.${col} < :2 || '~'`;
    const byDate = new Map<string, string[]>();
    for (const q of queries) if (/^\d{4}-\d{2}-\d{2}$/.test(q.birthDate)) byDate.set(q.birthDate, [...(byDate.get(q.birthDate) ?? []), q.name]);
    if (!byDate.size) return [];
    return this.withConnection(async (c) => {
      const out = new Map<string, RegistryPerson>();
      for (const [date, names] of byDate) {
        throwIfAborted(signal);
        for (const r of await this.query(c, `${this.select} WHERE ${where}`, [date, date])) {
          const p = toPerson(r);
          if (names.some((n) => namesResemble(n, p.name))) out.set(p.nik, p);
        }
      }
      return [...out.values()];
    }, signal);
  }

  async familyMembers(kks: readonly string[], signal?: AbortSignal): Promise<RegistryPerson[]> {
    return this.inChunks(this.mapping.columns.kk, kks, signal);
  }

  async diagnostics(): Promise<RegistryDiagnostics> {
    const m = this.mapping;
    return this.withConnection(async (c) => {
      const count = async (table: string): Promise<number> =>
        this.types.has(table.toUpperCase()) ? Number((await this.query(c, `SELECT COUNT(*) AS "n" FROM ${ident(table)}`, []))[0]?.n ?? 0) : 0;
      const flag = ident(m.columns.flagStatus);
      const flagStatus = this.typeOf(m.biodataTable, flag) === null ? [] :
        (await this.query(c, `SELECT TO_CHAR(${flag}) AS "v", COUNT(*) AS "n" FROM ${ident(m.biodataTable)} GROUP BY ${flag} ORDER BY 2 DESC`, []))
          .map((r) => ({ value: r.v === null ? '(kosong)' : String(r.v), count: Number(r.n) }));
      return {
        kind: this.kind, label: this.label,
        persons: await count(m.biodataTable), families: await count(m.familyTable), flagStatus,
        schema: mappedSchema(m).map(({ table, column }) => ({
          table, column, exists: column === null ? this.types.has(table.toUpperCase()) : this.typeOf(table, column) !== null,
        })),
      };
    });
  }

  async close(): Promise<void> {
    await this.pool.close(2).catch(() => undefined);
  }
}

export function openOracleRegistry(spec: OracleSpec, mapping: SchemaMapping, opts?: OracleOptions): Promise<Registry> {
  return OracleRegistry.open(spec, mapping, opts);
}
