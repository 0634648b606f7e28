import type { DomainHandlers } from './types.ts';

// Handlers of the 'audit' domain (contract: shared/api/audit.ts).
export const auditHandlers: DomainHandlers<'audit'> = {};
