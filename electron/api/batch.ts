import type { DomainHandlers } from './types.ts';

// Handlers of the 'batch' domain (contract: shared/api/batch.ts).
export const batchHandlers: DomainHandlers<'batch'> = {};
