// Screenshots of the pages an operator lives in (Beranda with a matched batch, Koreksi with a row
// open, Laporan) at the office PCs' 1366×768, on the demo generator's messy DTKS sample matched
// against the demo registry. `npm run shots`; PNGs in PADAN_SHOTS_DIR or /tmp/shots.
import { expect, signInViaApi, testWithOwnBridge } from '../../test/e2e/fixtures.ts';
import { bridgeApi, demoSamples, importAgencyFile, matchAndWait, sampleFile } from '../../test/e2e/seed.ts';

const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });
const OUT = process.env.PADAN_SHOTS_DIR ?? '/tmp/shots';

test('pages with a matched batch', async ({ page, bridge, request }) => {
  test.setTimeout(180_000);
  const dir = demoSamples(bridge.dataDir);
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const batchId = await importAgencyFile(api, { ...sampleFile(dir, 'dtks-dinsos.xlsx'), agency: 'Dinas Sosial', letterNo: '470/88/DINSOS/XI/2026', receivedOn: '2026-11-30' });
  await matchAndWait(api, batchId, 90_000);

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
