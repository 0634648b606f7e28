import type { DomainHandlers } from './types.ts';

// Handlers of the 'registry' domain (contract: shared/api/registry.ts).
export const registryHandlers: DomainHandlers<'registry'> = {};
