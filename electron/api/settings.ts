import type { DomainHandlers } from './types.ts';

// Handlers of the 'settings' domain (contract: shared/api/settings.ts).
export const settingsHandlers: DomainHandlers<'settings'> = {};
