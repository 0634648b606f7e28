import type { DomainHandlers } from './types.ts';

// Handlers of the 'backup' domain (contract: shared/api/backup.ts).
export const backupHandlers: DomainHandlers<'backup'> = {};
