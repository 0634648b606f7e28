// Screenshots of the pages an operator lives in (Beranda with a matched batch, Koreksi with a row
// open, Laporan) at the office PCs' 1366×768, on the demo generator's messy DTKS sample matched
// against the demo registry. `npm run shots`; PNGs in PADAN_SHOTS_DIR or /tmp/shots.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, signInViaApi, testWithOwnBridge } from '../../test/e2e/fixtures.ts';
import { bridgeApi } from '../../test/e2e/seed.ts';

const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });
const OUT = process.env.PADAN_SHOTS_DIR ?? '/tmp/shots';

test('pages with a matched batch', async ({ page, bridge, request }) => {
  test.setTimeout(180_000);
  const dir = join(bridge.dataDir, 'samples');
  execFileSync(process.execPath, ['bin/padan.mjs', 'demo', '--dir', dir, '--persons', '3000'], { stdio: 'ignore' });
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const agencies = (await api('agencies/list')) as { id: number; name: string }[];
  const agency = agencies.find((a) => a.name === 'Dinas Sosial')!;
  const staged = (await api('batch/stageFile', {
    fileName: 'dtks-dinsos.xlsx', dataBase64: readFileSync(join(dir, 'dtks-dinsos.xlsx')).toString('base64'),
  })) as { stagedId: string; sheets: { name: string }[] };
  const pv = (await api('batch/preview', { stagedId: staged.stagedId, sheet: staged.sheets[0]!.name, agencyId: agency.id })) as {
    sheet: string; headerRow: number; columns: { index: number; field: string | null }[];
  };
  const map = Object.fromEntries(pv.columns.filter((c) => c.field).map((c) => [c.field, c.index]));
  const { batchId } = (await api('batch/save', {
    stagedId: staged.stagedId, sheet: pv.sheet, headerRow: pv.headerRow, map, agencyId: agency.id,
    letterNo: '470/88/DINSOS/XI/2026', receivedOn: '2026-11-30', channel: 'EMAIL',
  })) as { batchId: number };
  await api('batch/match', { batchId });
  await expect.poll(async () => ((await api('batch/get', { batchId })) as { state: string }).state, { timeout: 90_000 }).toMatch(/MATCHED/);

  await page.goto(`${bridge.url}/#/beranda/${batchId}`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/page-beranda.png`, fullPage: true });

  await page.goto(`${bridge.url}/#/koreksi/${batchId}`);
  await expect(page.getByTestId('review-grid').locator('.ag-row').first()).toBeVisible();
  await page.screenshot({ path: `${OUT}/page-koreksi.png` });
  await page.locator('[data-facet="status"] [data-value="INVALID"]').click();
  await page.locator('[data-testid="review-grid"] .ag-row .kx-status').first().click();
  await expect(page.getByTestId('side-panel')).toBeVisible();
  await page.waitForTimeout(800);
  await page.screenshot({ path: `${OUT}/page-koreksi-row.png` });

  await page.goto(`${bridge.url}/#/laporan`);
  await page.waitForTimeout(1500);
  await page.screenshot({ path: `${OUT}/page-laporan.png`, fullPage: true });
});
