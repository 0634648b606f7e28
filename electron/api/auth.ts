import type { DomainHandlers } from './types.ts';

// Handlers of the 'auth' domain (contract: shared/api/auth.ts).
export const authHandlers: DomainHandlers<'auth'> = {};
