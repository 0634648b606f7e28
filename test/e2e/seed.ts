// Data for specs through the bridge's API, the way the wizard sends it: a small agency file is
// staged, previewed, saved and matched against the demo registry.
import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { expect, type APIRequestContext } from '@playwright/test';

export type Api = (channel: string, args?: unknown) => Promise<unknown>;

/** Calls one API channel; a refused call fails the test with the channel's message. */
export function bridgeApi(request: APIRequestContext, url: string): Api {
  return async (channel, args = {}) => {
    const r = await (await request.post(`${url}/api/${channel}`, { data: args })).json();
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
}

/** An agency file through the wizard's calls (stage, preview, save with the detected mapping), unmatched. */
export async function importAgencyFile(
  api: Api,
  f: { name: string; bytes: Buffer; letterNo: string; agency?: string; receivedOn?: string; allowDuplicate?: boolean },
): Promise<number> {
  const agencies = (await api('agencies/list')) as { id: number; name: string }[];
  const agency = agencies.find((a) => a.name === (f.agency ?? 'Dinas Sosial')) ?? (f.agency ? undefined : agencies[0]);
  if (!agency) throw new Error(`agency ${f.agency} not seeded`);
  const staged = (await api('batch/stageFile', { fileName: f.name, dataBase64: f.bytes.toString('base64') })) as {
    stagedId: string;
    sheets: { name: string }[];
  };
  const pv = (await api('batch/preview', { stagedId: staged.stagedId, sheet: staged.sheets[0]!.name, agencyId: agency.id })) as {
    sheet: string;
    headerRow: number;
    columns: { index: number; field: string | null }[];
  };
  const map = Object.fromEntries(pv.columns.filter((c) => c.field).map((c) => [c.field, c.index]));
  const saved = (await api('batch/save', {
    stagedId: staged.stagedId, sheet: pv.sheet, headerRow: pv.headerRow, map, agencyId: agency.id,
    letterNo: f.letterNo, receivedOn: f.receivedOn ?? '2026-01-05', channel: 'EMAIL', ...(f.allowDuplicate ? { allowDuplicate: true } : {}),
  })) as { batchId: number };
  return saved.batchId;
}

/** Starts matching and waits until the batch is matched (or already exported). */
export async function matchAndWait(api: Api, batchId: number, timeout = 45_000): Promise<void> {
  await api('batch/match', { batchId });
  await expect
    .poll(async () => ((await api('batch/get', { batchId })) as { state: string }).state, { timeout })
    .toMatch(/MATCHED|EXPORTED/);
}

/** A tiny agency file (CSV text) through the batch API, matched against the demo registry. */
export async function seedMatchedBatch(api: Api, file: { name: string; csv: string; letterNo: string }): Promise<number> {
  const batchId = await importAgencyFile(api, { name: file.name, bytes: Buffer.from(file.csv), letterNo: file.letterNo });
  await matchAndWait(api, batchId);
  return batchId;
}

/** The demo generator's agency samples (3,000-person registry) in the bridge's data folder, made once. */
export function demoSamples(dataDir: string): string {
  const dir = join(dataDir, 'samples');
  if (!existsSync(join(dir, 'dtks-dinsos.xlsx'))) {
    execFileSync(process.execPath, ['bin/padan.mjs', 'demo', '--dir', dir, '--persons', '3000'], { stdio: 'ignore' });
  }
  return dir;
}

/** A sample file of that folder, read for importAgencyFile. */
export const sampleFile = (dir: string, name: string): { name: string; bytes: Buffer } => ({ name, bytes: readFileSync(join(dir, name)) });

/** A local port nothing listens on: connecting is refused at once (an unreachable Oracle). */
export async function closedPort(): Promise<number> {
  const srv = createServer();
  await new Promise<void>((r) => srv.listen(0, '127.0.0.1', r));
  const port = (srv.address() as { port: number }).port;
  await new Promise((r) => srv.close(r));
  return port;
}
