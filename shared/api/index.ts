// The whole API contract: every call grouped by domain. Bound to ipcMain in the app, to
// the CLI, and to the loopback HTTP bridge the end-to-end tests drive.
import type { ArgsOf, Result, ResultOf } from './define.ts';
import type { EventMap, EventName } from './events.ts';
import { agenciesCalls } from './agencies.ts';
import { appCalls } from './app.ts';
import { auditCalls } from './audit.ts';
import { authCalls } from './auth.ts';
import { backupCalls } from './backup.ts';
import { batchCalls } from './batch.ts';
import { registryCalls } from './registry.ts';
import { reportCalls } from './report.ts';
import { rowsCalls } from './rows.ts';
import { settingsCalls } from './settings.ts';
import { statsCalls } from './stats.ts';

export const apiSpec = {
  app: appCalls,
  auth: authCalls,
  agencies: agenciesCalls,
  batch: batchCalls,
  rows: rowsCalls,
  registry: registryCalls,
  settings: settingsCalls,
  report: reportCalls,
  stats: statsCalls,
  audit: auditCalls,
  backup: backupCalls,
} as const;

export type ApiSpec = typeof apiSpec;
export type Domain = keyof ApiSpec;
export type Channel = { [D in Domain]: `${D}/${keyof ApiSpec[D] & string}` }[Domain];

export type DomainClient<S> = {
  [C in keyof S]: (args: ArgsOf<S[C]>) => Promise<Result<ResultOf<S[C]>>>;
};

/** The one object the preload exposes as window.padan. */
export type PadanApi = { [D in Domain]: DomainClient<ApiSpec[D]> } & {
  on<E extends EventName>(event: E, listener: (payload: EventMap[E]) => void): () => void;
};

export type Invoke = (channel: string, args: unknown) => Promise<Result<unknown>>;
export type Subscribe = (listener: (event: string, payload: unknown) => void) => () => void;

/** Builds window.padan (or the bridge's and tests' client) from a transport. */
export function makeClient(invoke: Invoke, subscribe: Subscribe): PadanApi {
  const client: Record<string, unknown> = {};
  for (const [domain, calls] of Object.entries(apiSpec)) {
    const methods: Record<string, (args: unknown) => Promise<Result<unknown>>> = {};
    for (const name of Object.keys(calls)) {
      methods[name] = (args: unknown) => invoke(`${domain}/${name}`, args ?? {});
    }
    client[domain] = Object.freeze(methods);
  }
  client.on = (event: string, listener: (payload: unknown) => void) =>
    subscribe((e, payload) => {
      if (e === event) listener(payload);
    });
  return Object.freeze(client) as unknown as PadanApi;
}

/** Every channel name, for binding and for tests that check nothing else is exposed. */
export function channels(): string[] {
  return Object.entries(apiSpec).flatMap(([d, calls]) => Object.keys(calls).map((c) => `${d}/${c}`));
}

export type { ApiError, Result } from './define.ts';
export type { EventMap, EventName } from './events.ts';
