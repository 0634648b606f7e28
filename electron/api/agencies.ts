import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { AgencyInfo, ProgramInfo } from '../../shared/api/agencies.ts';
import { ELEMENTS, type Element } from '../../shared/domain.ts';
import { appendAudit } from '../store/audit.ts';
import { operatorOf } from './context.ts';
import { PadanError } from './errors.ts';
import type { DomainHandlers } from './types.ts';

// Handlers of the 'agencies' domain (contract: shared/api/agencies.ts).

interface AgencyRow {
  id: number;
  name: string;
  code: string;
  contact: string | null;
  allowed_elements: string;
  retention_days: number;
  batches: number;
}

function parseElements(json: string): Element[] {
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? ELEMENTS.filter((e) => v.includes(e)) : [];
  } catch {
    return [];
  }
}

const AGENCY_SQL = `SELECT a.id, a.name, a.code, a.contact, a.allowed_elements, a.retention_days,
  (SELECT COUNT(*) FROM batches b WHERE b.agency_id = a.id) AS batches FROM agencies a`;

function toAgency(r: AgencyRow): AgencyInfo {
  return {
    id: r.id, name: r.name, code: r.code, contact: r.contact,
    allowedElements: parseElements(r.allowed_elements), retentionDays: r.retention_days, batches: r.batches,
  };
}

export function getAgency(db: Database, id: number): AgencyInfo {
  const row = db.prepare(`${AGENCY_SQL} WHERE a.id = ?`).get(id) as AgencyRow | undefined;
  if (!row) throw new PadanError('AGENCY_NOT_FOUND', `Instansi #${id} tidak ditemukan. Muat ulang daftar instansi.`);
  return toAgency(row);
}

function listPrograms(db: Database, agencyId?: number): ProgramInfo[] {
  const rows = db
    .prepare(
      `SELECT p.id, p.name, p.code, p.agency_id AS agencyId, a.name AS agencyName
       FROM programs p LEFT JOIN agencies a ON a.id = p.agency_id
       ${agencyId ? 'WHERE p.agency_id = ? OR p.agency_id IS NULL' : ''} ORDER BY p.name`,
    )
    .all(...(agencyId ? [agencyId] : [])) as ProgramInfo[];
  return rows;
}

/** SQLite's UNIQUE failure, said in Indonesian with what to change. */
function uniqueError(err: unknown, what: string): never {
  if (err instanceof Error && /UNIQUE constraint failed: \w+\.(\w+)/.exec(err.message)) {
    const col = /UNIQUE constraint failed: \w+\.(\w+)/.exec(err.message)![1];
    throw new PadanError('DUPLICATE', `${what} dengan ${col === 'code' ? 'kode' : 'nama'} itu sudah ada. Pakai ${col === 'code' ? 'kode' : 'nama'} lain.`);
  }
  throw err;
}

export const agenciesHandlers: DomainHandlers<'agencies'> = {
  list: (_a, ctx) => (ctx.db.prepare(`${AGENCY_SQL} ORDER BY a.name`).all() as AgencyRow[]).map(toAgency),

  save: (a, ctx) => {
    const values = {
      name: a.name, code: a.code.toUpperCase(), contact: a.contact || null,
      allowed: JSON.stringify(ELEMENTS.filter((e) => a.allowedElements.includes(e))), retention: a.retentionDays,
    };
    try {
      const id = ctx.db.transaction(() => {
        let id = a.id;
        if (id) {
          const before = getAgency(ctx.db, id);
          ctx.db.prepare(
            'UPDATE agencies SET name = @name, code = @code, contact = @contact, allowed_elements = @allowed, retention_days = @retention WHERE id = @id',
          ).run({ ...values, id });
          appendAudit(ctx.db, {
            operator: operatorOf(ctx), action: 'SETTINGS_CHANGE',
            detail: { agency: id, before: { ...before, batches: undefined }, after: { ...values, allowed: JSON.parse(values.allowed) as unknown } },
          });
        } else {
          id = Number(ctx.db.prepare(
            'INSERT INTO agencies (name, code, contact, allowed_elements, retention_days, created_at) VALUES (@name, @code, @contact, @allowed, @retention, @at)',
          ).run({ ...values, at: new Date().toISOString() }).lastInsertRowid);
          appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'SETTINGS_CHANGE', detail: { agencyCreated: id, name: values.name, code: values.code } });
        }
        return id;
      })();
      return getAgency(ctx.db, id);
    } catch (err) {
      return uniqueError(err, 'Instansi');
    }
  },

  programs: (a, ctx) => listPrograms(ctx.db, a.agencyId),

  saveProgram: (a, ctx) => {
    if (a.agencyId) getAgency(ctx.db, a.agencyId);
    const values = { name: a.name, code: a.code.toUpperCase(), agency: a.agencyId };
    try {
      const id = ctx.db.transaction(() => {
        let id = a.id;
        if (id) {
          const n = ctx.db.prepare('UPDATE programs SET name = @name, code = @code, agency_id = @agency WHERE id = @id').run({ ...values, id }).changes;
          if (n === 0) throw new PadanError('PROGRAM_NOT_FOUND', `Program #${id} tidak ditemukan. Muat ulang daftar program.`);
        } else {
          id = Number(ctx.db.prepare('INSERT INTO programs (name, code, agency_id, created_at) VALUES (@name, @code, @agency, @at)')
            .run({ ...values, at: new Date().toISOString() }).lastInsertRowid);
        }
        appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'SETTINGS_CHANGE', detail: { program: id, ...values } });
        return id;
      })();
      return listPrograms(ctx.db).find((p) => p.id === id)!;
    } catch (err) {
      return uniqueError(err, 'Program');
    }
  },
};
