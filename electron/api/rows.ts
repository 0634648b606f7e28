import type { DomainHandlers } from './types.ts';

// Handlers of the 'rows' domain (contract: shared/api/rows.ts).
export const rowsHandlers: DomainHandlers<'rows'> = {};
