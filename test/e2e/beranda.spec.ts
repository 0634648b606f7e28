// Beranda in Chromium through the bridge: the empty state guides a new user to the import.
import { mkdirSync } from 'node:fs';
import { expect, signInViaApi, test, testWithOwnBridge } from './fixtures.ts';
import { bridgeApi, demoSamples, importAgencyFile, matchAndWait, sampleFile, type Api } from './seed.ts';

test('an empty history guides to the first import', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/beranda`);
  await expect(page.getByRole('heading', { name: 'Belum ada batch' })).toBeVisible();
  await page.getByRole('link', { name: 'Impor berkas pertama' }).click();
  await expect(page).toHaveURL(/#\/impor/);
  await expect(page.getByRole('button', { name: 'Pilih berkas…' })).toBeVisible();
});

// The batch page's counts (issue 5 item 6) on two demo samples of different agencies, matched
// one after the other: every count link opens Koreksi on exactly the rows it counted, with the
// filter pressed in the facet panel. The cross-batch count of the batch matched first shows
// that the later batch marked it too (item 4).
const withDemo = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });
const SHOTS = process.env.PADAN_SHOTS_DIR ?? '/tmp/shots-b';

/** Imports a demo sample and matches it. */
async function importSample(api: Api, dir: string, file: string, agency: string): Promise<number> {
  const batchId = await importAgencyFile(api, { ...sampleFile(dir, file), agency, letterNo: `470/${file}/2026`, receivedOn: '2026-03-02' });
  await matchAndWait(api, batchId, 90_000);
  return batchId;
}

withDemo('every count on the batch page opens Koreksi filtered to exactly those rows', async ({ page, bridge, request }) => {
  withDemo.setTimeout(300_000);
  const dir = demoSamples(bridge.dataDir);
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const dinsos = await importSample(api, dir, 'dtks-dinsos.xlsx', 'Dinas Sosial');
  await importSample(api, dir, 'pbi-dinkes.xls', 'Dinas Kesehatan');
  mkdirSync(SHOTS, { recursive: true });

  const panel = page.locator('.detail-panel');
  await page.goto(`${bridge.url}/#/beranda/${dinsos}`);
  // Count lists (statuses, reasons, import findings, duplicates, other batches) and NAMA's row of results.
  const links = panel.locator('.count-list a, table.data tbody tr:first-child a');
  await expect(links.first()).toBeVisible();
  const hrefs = await links.evaluateAll((as) => as.map((a) => a.getAttribute('href')!));
  const q = (h: string) => new URLSearchParams(h.split('?')[1]);
  expect(hrefs.length).toBeGreaterThan(12);
  // The links this test is about must be there: finding, duplicates, other batches.
  expect(hrefs.some((h) => q(h).get('flag') === 'NIK_CURIGA_EXCEL')).toBe(true);
  expect(hrefs.some((h) => q(h).get('flag') === 'NIK_GANDA')).toBe(true);
  expect(hrefs.some((h) => q(h).get('crossBatch') === '1')).toBe(true);

  const total = Number(((await api('batch/get', { batchId: dinsos })) as { rowCount: number }).rowCount);
  for (const href of hrefs) {
    await page.goto(`${bridge.url}/#/beranda/${dinsos}`);
    const link = panel.locator(`a[href="${href}"]`);
    const shown = Number((await link.innerText()).replace(/\D/g, ''));
    await link.click();
    await expect(page.getByTestId('review-grid').locator('.ag-row').first()).toBeVisible();
    await expect(page.locator('[data-stat="shown"] .v'), href).toHaveText(shown.toLocaleString('id-ID'));
    // The filter shows at the top of the facet panel, whatever facet it is, and can be cleared.
    await expect(page.locator('.kx-fv[aria-pressed="true"]').first()).toBeAttached();
    await expect(page.locator('.kx-chip').first()).toBeInViewport();
    if (q(href).get('flag') === 'NIK_CURIGA_EXCEL') {
      await expect(page.locator('[data-facet-chip="imp"]')).toHaveText(/Temuan saat impor:\s*NIK mungkin rusak oleh Excel/);
      await page.screenshot({ path: `${SHOTS}/koreksi-flag.png` });
    }
    if (q(href).get('crossBatch')) {
      await expect(page.locator('[data-facet-chip="xb"]')).toHaveText(/Ada di batch OPD\/program lain tahun ini:\s*Ya/);
      await page.screenshot({ path: `${SHOTS}/koreksi-xb.png` });
    }
    if (shown < total) {
      await page.getByRole('button', { name: 'Hapus saringan' }).click();
      await expect(page.locator('[data-stat="shown"] .v')).toHaveText(total.toLocaleString('id-ID'));
    }
  }
});
