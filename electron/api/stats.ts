import { exportMonthly, monthlyHtml, monthlyStats, searchNik } from '../stats/index.ts';
import { operatorOf } from './context.ts';
import { checkOutputPath } from './report.ts';
import type { DomainHandlers } from './types.ts';

// Handlers of the 'stats' domain (contract: shared/api/stats.ts).
export const statsHandlers: DomainHandlers<'stats'> = {
  monthly: ({ year }, ctx) => monthlyStats(ctx.db, year),
  exportMonthly: ({ year, path }, ctx) => exportMonthly(ctx.db, year, checkOutputPath(ctx, path), operatorOf(ctx)),
  monthlyHtml: ({ year }, ctx) => ({ html: monthlyHtml(ctx.db, year) }),
  nikSearch: ({ nik }, ctx) => searchNik(ctx.db, nik, operatorOf(ctx)),
};
