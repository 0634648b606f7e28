// Matching from the batch page in Chromium through the bridge (issue 5 item 6): the progress
// bar with rows done, rate and time left; cancel and resume without checking a row twice; and
// a registry that does not answer, where the batch waits in the queue with the reason while
// the other pages keep working, and runs by itself once SIAK is back.
// The bridge's test hooks (scripts/bridge.ts) slow every registry lookup, i.e. every chunk of
// 1000 rows, to 1.5 s, and start the queue's backoff at 1 s, so each stage can be seen.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, signInViaApi, testWithOwnBridge, type BridgeInfo } from './fixtures.ts';
import { bridgeApi, closedPort, demoSamples, importAgencyFile, sampleFile, type Api } from './seed.ts';

const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000', PADAN_TEST_LOOKUP_DELAY_MS: '1500', PADAN_TEST_QUEUE_DELAY_MS: '1000' });
const SHOTS = process.env.PADAN_SHOTS_DIR ?? '/tmp/shots-m';

interface Batch {
  state: string; rowCount: number; counts: Record<string, number>; lastError: string | null;
  queue: { attempts: number; nextProbeAt: string | null } | null;
}

/** Imports a demo sample (dtks-dinsos.xlsx has 5000 rows: five chunks), unmatched; the tests reuse the same files on purpose. */
const importSample = (api: Api, dir: string, file: string, agency: string, letterNo: string): Promise<number> =>
  importAgencyFile(api, { ...sampleFile(dir, file), agency, letterNo, receivedOn: '2026-03-02', allowDuplicate: true });

const getBatch = async (api: Api, batchId: number) => (await api('batch/get', { batchId })) as Batch;
const checked = (b: Batch) => b.rowCount - (b.counts.BELUM_DIPERIKSA ?? 0);

/** Per row (by seq) its status, from the grid's own list call. */
async function rowStatuses(api: Api, batchId: number): Promise<Map<number, string>> {
  const list = (await api('rows/list', { batchId })) as { seq: number[]; status: number[]; statuses: string[] };
  return new Map(list.seq.map((s, i) => [s, list.statuses[list.status[i]!]!]));
}

async function shoot(page: Page, name: string): Promise<void> {
  mkdirSync(SHOTS, { recursive: true });
  await page.screenshot({ path: join(SHOTS, name), fullPage: true });
}

test('matching from the batch page shows rows done, rate and time left, then the counts', async ({ page, bridge, request }) => {
  test.setTimeout(180_000);
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const batchId = await importSample(api, demoSamples(bridge.dataDir), 'dtks-dinsos.xlsx', 'Dinas Sosial', '470/11/DINSOS/2026');

  await page.goto(`${bridge.url}/#/beranda/${batchId}`);
  const panel = page.locator('.detail-panel');
  const row = page.locator(`tr[data-batch="${batchId}"]`);
  await expect(row.locator('.state-cell .badge')).toHaveText('Siap dipadankan');
  await panel.getByRole('button', { name: 'Padankan' }).click();

  // The bar: after the first chunk it knows how many rows are done, how fast and how long is left.
  const bar = panel.locator('.match-progress');
  await expect(bar).toBeVisible();
  await expect(bar).toContainText(/baris\/detik/, { timeout: 20_000 });
  await expect(bar).toContainText(/\d\.000 dari 5\.000 baris/);
  await expect(bar).toContainText(/sisa ± \d+ dtk/);
  const pct = Number((await bar.locator('b').textContent())!.replace('%', ''));
  expect(pct).toBeGreaterThanOrEqual(20);
  expect(pct).toBeLessThan(100);
  expect(Number(await bar.getByRole('progressbar').getAttribute('aria-valuenow'))).toBe(pct);
  // The list row shows the same run.
  await expect(row.locator('.state-cell .badge')).toHaveText('Sedang dipadankan');
  await expect(row.locator('.mini-progress')).toContainText(/\d+% · sisa ± \d+ dtk/);
  await expect(row.getByRole('button', { name: 'Batalkan' })).toBeVisible();
  // Chunks are coming back: the top bar says SIAK answers while the batch still runs.
  await expect(page.getByTestId('registry-status')).toHaveText('SIAK terhubung');
  await shoot(page, 'progress.png');

  // Finished: the bar goes, the counts come, every row has a status other than "not checked".
  await expect(row.locator('.state-cell .badge')).toHaveText('Selesai dipadankan', { timeout: 60_000 });
  await expect(bar).toHaveCount(0);
  const done = await getBatch(api, batchId);
  expect(done.state).toBe('MATCHED');
  expect(done.counts.BELUM_DIPERIKSA ?? 0).toBe(0);
  expect(Object.values(done.counts).reduce((a, b) => a + b, 0)).toBe(5000);
  const aktif = panel.locator('.count-list li', { has: page.locator('.badge.AKTIF') });
  await expect(aktif.getByRole('link')).toHaveText(done.counts.AKTIF!.toLocaleString('id-ID'));
  await expect(panel.locator('.count-list li', { has: page.locator('.badge.BELUM_DIPERIKSA') })).toContainText('0');
  await expect(row.getByRole('link', { name: 'Laporan' })).toBeVisible();
  await shoot(page, 'finished.png');
});

test('cancel keeps the checked chunks; Lanjutkan checks only the rest, each row once', async ({ page, bridge, request }) => {
  test.setTimeout(180_000);
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const batchId = await importSample(api, demoSamples(bridge.dataDir), 'dtks-dinsos.xlsx', 'Dinas Sosial', '470/12/DINSOS/2026');

  await page.goto(`${bridge.url}/#/beranda`);
  const row = page.locator(`tr[data-batch="${batchId}"]`);
  await row.getByRole('button', { name: 'Padankan' }).click();
  // Cancel once the list shows a chunk done (20% of 5000 rows).
  await expect(row.locator('.mini-progress')).toContainText(/^(20|40|60)%/, { timeout: 20_000 });
  await row.getByRole('button', { name: 'Batalkan' }).click();

  await expect(row.locator('.state-cell .badge')).toHaveText('Siap dilanjutkan');
  await expect(row.getByRole('button', { name: 'Lanjutkan' })).toBeVisible();
  const cancelled = await getBatch(api, batchId);
  expect(cancelled.state).toBe('IMPORTED');
  expect(cancelled.lastError).toContain('dibatalkan');
  const before = checked(cancelled);
  // Whole chunks only: a cancel never leaves half a chunk written.
  expect(before).toBeGreaterThanOrEqual(1000);
  expect(before).toBeLessThan(5000);
  expect(before % 1000).toBe(0);
  const kept = new Map([...(await rowStatuses(api, batchId))].filter(([, s]) => s !== 'BELUM_DIPERIKSA'));
  expect(kept.size).toBe(before);
  // The list says how far it got, so "Lanjutkan" does not read as a fresh start.
  await expect(row.locator('.state-cell')).toContainText(`${before.toLocaleString('id-ID')} dari 5.000 baris sudah diperiksa`);
  await shoot(page, 'cancelled.png');

  await row.getByRole('button', { name: 'Lanjutkan' }).click();
  // The resumed run's bar starts where the cancelled one stopped, not at 0%.
  await expect(row.locator('.mini-progress')).toContainText(`${(before / 50).toFixed(0)}%`);
  await expect(row.locator('.state-cell .badge')).toHaveText('Selesai dipadankan', { timeout: 60_000 });
  const after = await rowStatuses(api, batchId);
  expect([...after.values()].filter((s) => s === 'BELUM_DIPERIKSA')).toHaveLength(0);
  expect(after.size).toBe(5000);
  for (const [seq, s] of kept) expect(after.get(seq), `row ${seq}`).toBe(s);
  // The resumed run settled exactly the rows the cancelled one had not: one MATCH entry, its count the rest.
  const audit = (await api('audit/list', { batchId, action: 'MATCH' })) as { entries: { detail: { checked: number; rows: number } }[] };
  expect(audit.entries).toHaveLength(1);
  expect(audit.entries[0]!.detail).toMatchObject({ rows: 5000, checked: 5000 - before });
});

async function chooseRegistry(page: Page, bridge: BridgeInfo, kind: 'demo' | 'oracle', port?: number): Promise<void> {
  await page.goto(`${bridge.url}/#/pengaturan?tab=registri`);
  if (kind === 'oracle') {
    await page.getByRole('radio', { name: /Oracle/ }).check();
    await page.getByLabel('Host').fill('127.0.0.1');
    await page.getByLabel('Port').fill(String(port));
    await page.getByLabel('Service name').fill('SIAK');
    await page.getByLabel('Pengguna').fill('padan_ro');
    await page.getByLabel('Kata sandi').fill('bukan-rahasia');
  } else {
    await page.getByRole('radio', { name: /Registri demo/ }).check();
  }
  await page.getByRole('button', { name: 'Simpan sambungan' }).click();
  await expect(page.getByText('Tersimpan.')).toBeVisible();
}

test('an unreachable SIAK queues the batch with the reason; other pages work; it runs once SIAK is back', async ({ page, bridge, request }) => {
  test.setTimeout(240_000);
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const dir = demoSamples(bridge.dataDir);
  // A batch matched while SIAK answered, to review while the other one waits.
  const other = await importSample(api, dir, 'bantuan-kelurahan.csv', 'Dinas Sosial', '140/7/LKS/2026');
  await api('batch/match', { batchId: other });
  await expect.poll(async () => (await getBatch(api, other)).state, { timeout: 60_000 }).toBe('MATCHED');
  const waiting = await importSample(api, dir, 'pbi-dinkes.xls', 'Dinas Kesehatan', '440/9/DINKES/2026');

  await chooseRegistry(page, bridge, 'oracle', await closedPort());
  await page.goto(`${bridge.url}/#/beranda`);
  const row = page.locator(`tr[data-batch="${waiting}"]`);
  await row.getByRole('button', { name: 'Padankan' }).click();
  await expect(row.locator('.state-cell .badge')).toHaveText('Menunggu SIAK', { timeout: 30_000 });
  const state = row.locator('.state-cell');
  await expect(state).toContainText('Antrean ke-1');
  await expect(state).toContainText('tidak dapat dihubungi');
  await expect(row.getByRole('button', { name: 'Coba sekarang' })).toBeVisible();
  const queued = await getBatch(api, waiting);
  expect(queued.state).toBe('QUEUED');
  expect(queued.counts.BELUM_DIPERIKSA).toBe(queued.rowCount);
  expect(queued.lastError).toContain('antrean');
  await shoot(page, 'queued.png');
  // Every failed probe moves the next try later (backoff); the list follows, never a time gone by.
  await expect.poll(async () => (await getBatch(api, waiting)).queue?.attempts ?? 0, { timeout: 30_000 }).toBeGreaterThanOrEqual(2);
  await expect.poll(async () => {
    const next = (await getBatch(api, waiting)).queue?.nextProbeAt;
    if (!next) return 'probing';
    const time = await page.evaluate((iso) => new Date(iso).toLocaleTimeString('id-ID', { hour: '2-digit', minute: '2-digit', second: '2-digit' }), next);
    return (await state.textContent())!.includes(`coba lagi ${time}`) ? 'shown' : `not ${time}`;
  }, { timeout: 20_000 }).toBe('shown');

  // Everything but matching keeps working: Koreksi of the other batch, Laporan.
  await page.goto(`${bridge.url}/#/koreksi/${other}`);
  await expect(page.getByTestId('review-grid').locator('.ag-row').first()).toBeVisible();
  await page.goto(`${bridge.url}/#/laporan`);
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
  await expect(page.locator('.alert.error')).toHaveCount(0);
  expect((await getBatch(api, waiting)).state).toBe('QUEUED');

  // SIAK back: the queue's next probe finds it and the batch runs to the end by itself.
  await chooseRegistry(page, bridge, 'demo');
  await page.goto(`${bridge.url}/#/beranda`);
  await expect(row.locator('.state-cell .badge')).toHaveText('Selesai dipadankan', { timeout: 60_000 });
  const done = await getBatch(api, waiting);
  expect(done.counts.BELUM_DIPERIKSA ?? 0).toBe(0);
  expect(Object.values(done.counts).reduce((a, b) => a + b, 0)).toBe(done.rowCount);
});
