import { expect, signInViaApi, test } from './fixtures.ts';
import { bridgeApi, seedMatchedBatch } from './seed.ts';


test('Statistik bulanan shows the agency × month table with totals, a chart and counts per status', async ({ page, request, bridge }) => {
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  await seedMatchedBatch(api, { name: 'uji.csv', csv: 'NO,NIK,NAMA\n1,7372041610720001,ANDI\n2,7372016303800001,BUDI\n3,123,KOSONG\n', letterNo: '470/001/UJI' });

  await page.goto(`${bridge.url}/#/laporan?tab=monthly`);
  await expect(page.getByRole('tab', { name: 'Statistik bulanan' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByTestId('monthly-table');
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toContainText(['No', 'OPD', 'Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des', 'Jumlah', 'Batch']);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Dinas Sosial');
  await expect(table.locator('tfoot')).toContainText('Total');
  await expect(page.locator('svg.lap-chart rect.bar')).toHaveCount(12);
  await expect(page.locator('table.lap-status')).toContainText('Invalid');
});

test('Cari NIK tells the user the search is logged and lists the batch', async ({ page, request, bridge }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/laporan?tab=nik`);
  await expect(page.getByRole('note')).toContainText('dicatat di log audit');
  await page.getByLabel('NIK (16 digit)').fill('7372041610720001');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.locator('table.data tbody tr').first()).toContainText('Dinas Sosial');
});
