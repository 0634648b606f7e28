// Beranda in Chromium through the bridge: the empty state guides a new user to the import.
import { expect, signInViaApi, test } from './fixtures.ts';

test('an empty history guides to the first import', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/beranda`);
  await expect(page.getByRole('heading', { name: 'Belum ada batch' })).toBeVisible();
  await page.getByRole('link', { name: 'Impor berkas pertama' }).click();
  await expect(page).toHaveURL(/#\/impor/);
  await expect(page.getByRole('button', { name: 'Pilih berkas…' })).toBeVisible();
});
