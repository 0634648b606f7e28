// Data for specs through the bridge's API, the way the wizard sends it: a small agency file is
// staged, previewed, saved and matched against the demo registry.
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

/** A tiny agency file (CSV text) through the batch API, matched against the demo registry. */
export async function seedMatchedBatch(api: Api, file: { name: string; csv: string; letterNo: string }): Promise<number> {
  const agencies = (await api('agencies/list')) as { id: number; name: string }[];
  const agency = agencies.find((a) => a.name === 'Dinas Sosial') ?? agencies[0]!;
  const staged = (await api('batch/stageFile', { fileName: file.name, dataBase64: Buffer.from(file.csv).toString('base64') })) as {
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
    letterNo: file.letterNo, receivedOn: '2026-01-05', channel: 'EMAIL',
  })) as { batchId: number };
  await api('batch/match', { batchId: saved.batchId });
  await expect
    .poll(async () => ((await api('batch/get', { batchId: saved.batchId })) as { state: string }).state, { timeout: 45_000 })
    .toMatch(/MATCHED|EXPORTED/);
  return saved.batchId;
}
