// Backup and restore of the local store, and the audit CSV export (issue 8).
export { createBackup, inspectBackup, restoreBackup, type BackupInfo, type RestoreResult } from './backup.ts';
export { encryptBackup, decryptBackup, BACKUP_MESSAGES } from './format.ts';
export { exportAuditCsv, type AuditExportResult } from './audit-csv.ts';
