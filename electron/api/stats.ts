import type { DomainHandlers } from './types.ts';

// Handlers of the 'stats' domain (contract: shared/api/stats.ts).
export const statsHandlers: DomainHandlers<'stats'> = {};
