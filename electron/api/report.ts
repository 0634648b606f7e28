import type { DomainHandlers } from './types.ts';

// Handlers of the 'report' domain (contract: shared/api/report.ts).
export const reportHandlers: DomainHandlers<'report'> = {};
