// Handlers of the 'rows' domain (contract: shared/api/rows.ts): the review grid, the row
// panel, decisions and the correction log. The engine lives in electron/review/.
import { candidatesForRow } from '../match/candidates.ts';
import type { Candidate } from '../match/rows.ts';
import {
  autoRepair, candidateViews, decide, listCorrections, listRows, refreshStats, reviewableBatches, rowDetail,
  undoAutomatic, undoCorrection, visibleKeys, type ReviewDeps,
} from '../review/index.ts';
import { batchHead } from '../review/decide.ts';
import { mappedElements } from '../match/rows.ts';
import { getSchemaMapping } from '../runtime/registry-config.ts';
import { appendAudit } from '../store/audit.ts';
import { operatorOf, type AppContext } from './context.ts';
import { PadanError } from './errors.ts';
import type { DomainHandlers } from './types.ts';

const deps = (ctx: AppContext): ReviewDeps => ({ registry: () => ctx.registry(), mapping: getSchemaMapping(ctx.db) });
const taskKey = (batchId: number, seq: number): string => `rows/candidates:${batchId}:${seq}`;

async function afterChange<T>(ctx: AppContext, batchId: number, result: T): Promise<T> {
  await refreshStats(ctx.db, batchId);
  ctx.emit('batch/changed', { batchId });
  return result;
}

export const rowsHandlers: DomainHandlers<'rows'> = {
  batches: (_args, ctx) => reviewableBatches(ctx.db),

  list: ({ batchId }, ctx) => {
    const list = listRows(ctx.db, batchId);
    appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'VIEW_ROWS', batchId, detail: { rows: list.count } });
    return list;
  },

  get: ({ batchId, seq }, ctx) => {
    const detail = rowDetail(ctx.db, batchId, seq, ctx.session?.role);
    // Looking at a registry record is processing of personal data: it is recorded per row.
    appendAudit(ctx.db, {
      operator: operatorOf(ctx), action: 'VIEW_REGISTRY', batchId, rowSeq: seq,
      detail: { candidates: detail.candidates.length, record: detail.registry !== null },
    });
    return detail;
  },

  candidates: async ({ batchId, seq }, ctx) => {
    batchHead(ctx.db, batchId);
    const key = taskKey(batchId, seq);
    ctx.tasks.get(key)?.abort();
    const ac = new AbortController();
    ctx.tasks.set(key, ac);
    try {
      const list: Candidate[] = await candidatesForRow(ctx.db, await ctx.registry(), batchId, seq, ac.signal, getSchemaMapping(ctx.db));
      const { column_map } = ctx.db.prepare('SELECT column_map FROM batches WHERE id = ?').get(batchId) as { column_map: string };
      appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'VIEW_REGISTRY', batchId, rowSeq: seq, detail: { search: true, candidates: list.length } });
      return candidateViews(list, visibleKeys(ctx.session?.role, mappedElements(column_map)));
    } catch (err) {
      if (ac.signal.aborted) throw new PadanError('CANCELLED', 'Pencarian kandidat dibatalkan.');
      throw err;
    } finally {
      if (ctx.tasks.get(key) === ac) ctx.tasks.delete(key);
    }
  },

  cancelCandidates: ({ batchId, seq }, ctx) => {
    const ac = ctx.tasks.get(taskKey(batchId, seq));
    ac?.abort();
    return !!ac;
  },

  decide: async ({ batchId, seq, seqs, decision, reasonCode, reasonText }, ctx) => {
    const list = seqs ?? (seq !== undefined ? [seq] : []);
    const res = await decide(ctx.db, deps(ctx), { batchId, seqs: list, decision, reasonCode, reasonText, operator: operatorOf(ctx) });
    return afterChange(ctx, batchId, res);
  },

  undo: async ({ batchId, correctionId }, ctx) => afterChange(ctx, batchId, undoCorrection(ctx.db, batchId, operatorOf(ctx), correctionId)),

  corrections: ({ batchId }, ctx) => listCorrections(ctx.db, batchId),

  autoRepair: async ({ batchId, dryRun }, ctx) => {
    const res = await autoRepair(ctx.db, deps(ctx), batchId, operatorOf(ctx), dryRun);
    return dryRun ? res : afterChange(ctx, batchId, res);
  },

  undoAuto: async ({ batchId }, ctx) => afterChange(ctx, batchId, undoAutomatic(ctx.db, batchId, operatorOf(ctx))),
};
