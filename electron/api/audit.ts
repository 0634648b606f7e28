import type { AuditEntryInfo } from '../../shared/api/audit.ts';
import { exportAuditCsv } from '../backup/audit-csv.ts';
import { auditActions, checkAnchor, listAudit, verifyAudit, type AuditRow } from '../store/audit.ts';
import { operatorOf } from './context.ts';
import type { DomainHandlers } from './types.ts';

const toInfo = (r: AuditRow): AuditEntryInfo => ({
  id: r.id,
  at: r.at,
  operator: r.operator,
  action: r.action,
  batchId: r.batch_id,
  rowSeq: r.row_seq,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
  hash: r.hash,
});

// Handlers of the 'audit' domain (contract: shared/api/audit.ts).
export const auditHandlers: DomainHandlers<'audit'> = {
  list: ({ offset, limit, ...filter }, ctx) => {
    // Operators see their own entries; the whole log is for administrators (ALL_BATCHES).
    if (ctx.session?.role !== 'ADMIN') filter.operator = ctx.session?.operator ?? '';
    const page = listAudit(ctx.db, filter, { offset, limit });
    return { total: page.total, entries: page.entries.map(toInfo) };
  },
  actions: (_a, ctx) => auditActions(ctx.db),
  // Not audited, as before this call took an anchor: it reads ids and hashes only.
  verify: ({ anchorId, anchorHash }, ctx) => {
    const chain = verifyAudit(ctx.db);
    const anchor = anchorId !== undefined && anchorHash !== undefined ? checkAnchor(ctx.db, chain, { id: anchorId, hash: anchorHash }) : null;
    return { ...chain, anchor };
  },
  export: (a, ctx) => exportAuditCsv(ctx.db, a.path, a.filter, operatorOf(ctx)),
};
