// The encrypted local store: batches, rows, results, corrections, audit log, settings.
export { openStoreDb, type OpenStoreOptions } from './open.ts';
export { appendAudit, verifyAudit, type AuditEntry, type AuditIntegrity } from './audit.ts';
export { StoreError, toStoreError } from './errors.ts';
export { resolveCliKey } from './key.ts';
export { getSetting, setSetting } from './settings.ts';
