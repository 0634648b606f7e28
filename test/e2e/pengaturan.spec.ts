// Pengaturan in Chromium through the bridge: an unreachable Oracle gives the adapter's
// Indonesian message; diagnostics show FLAG_STATUS beside the mapping; agencies save.
import { expect, signInViaApi, testWithOwnBridge } from './fixtures.ts';
import { closedPort } from './seed.ts';

const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });

test('Test koneksi to an Oracle on a closed port shows the Indonesian message', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/pengaturan`);
  await page.getByRole('radio', { name: /Oracle/ }).check();
  await page.getByLabel('Host').fill('127.0.0.1');
  await page.getByLabel('Port').fill(String(await closedPort()));
  await page.getByLabel('Service name').fill('SIAK');
  await page.getByLabel('Pengguna').fill('padan_ro');
  await page.getByLabel('Kata sandi').fill('bukan-rahasia');
  await page.getByRole('button', { name: 'Test koneksi' }).click();
  const result = page.getByTestId('registry-test-result');
  await expect(result).toBeVisible({ timeout: 30_000 });
  await expect(result).toHaveClass(/error/);
  await expect(result).toContainText('tidak dapat dihubungi');
});

test('diagnostics list FLAG_STATUS values with what the mapping makes of them', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/pengaturan?tab=registri`);
  await page.getByRole('button', { name: 'Jalankan diagnostik' }).click();
  const table = page.locator('.diag table');
  await expect(table).toBeVisible({ timeout: 45_000 });
  await expect(table.locator('tr', { hasText: /^0/ }).first()).toContainText('AKTIF');
  await expect(table).toContainText('MENINGGAL');
  await expect(page.locator('.diag .alert')).toContainText('ditemukan');
});

test('an agency gets PKS elements and a retention period', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/pengaturan?tab=opd`);
  await page.locator('tr', { hasText: 'Dinas Kesehatan' }).getByRole('button', { name: 'Ubah' }).click();
  await page.getByLabel('Tanggal lahir').check();
  await page.getByLabel('Retensi (hari)').fill('30');
  await page.getByRole('button', { name: 'Simpan OPD' }).click();
  const row = page.locator('.agency-table tr', { hasText: 'Dinas Kesehatan' });
  await expect(row).toContainText('Tanggal lahir');
  await expect(row).toContainText('30');
});
