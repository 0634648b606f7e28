// The handler table: one function per call, grouped by domain. Imports nothing from
// electron, so the app (ipc.ts), the CLI and the test bridge all bind the same table.
import { agenciesHandlers } from './agencies.ts';
import { appHandlers } from './app.ts';
import { auditHandlers } from './audit.ts';
import { authHandlers } from './auth.ts';
import { backupHandlers } from './backup.ts';
import { batchHandlers } from './batch.ts';
import { registryHandlers } from './registry.ts';
import { reportHandlers } from './report.ts';
import { rowsHandlers } from './rows.ts';
import { settingsHandlers } from './settings.ts';
import { statsHandlers } from './stats.ts';
import type { Handlers } from './types.ts';

export const handlers: Handlers = {
  app: appHandlers,
  auth: authHandlers,
  agencies: agenciesHandlers,
  batch: batchHandlers,
  rows: rowsHandlers,
  registry: registryHandlers,
  settings: settingsHandlers,
  report: reportHandlers,
  stats: statsHandlers,
  audit: auditHandlers,
  backup: backupHandlers,
};

export { createDispatch, type Dispatch } from './dispatch.ts';
export type { AppContext, Session } from './context.ts';
