import type { DomainHandlers } from './types.ts';

// Handlers of the 'agencies' domain (contract: shared/api/agencies.ts).
export const agenciesHandlers: DomainHandlers<'agencies'> = {};
