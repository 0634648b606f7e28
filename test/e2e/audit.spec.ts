import { expect, signInViaApi, test } from './fixtures.ts';

test('the audit log lists the sign-in and "Periksa integritas" reports the chain intact', async ({ page, request, bridge }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/audit`);
  await expect(page.getByRole('heading', { name: 'Log audit' })).toBeVisible();
  const rows = page.locator('table.audit-table tbody tr');
  await expect(rows.filter({ hasText: 'Masuk' }).first()).toBeVisible();
  await expect(rows.filter({ hasText: 'Buat akun administrator' })).toHaveCount(1);

  await page.getByRole('button', { name: 'Periksa integritas' }).click();
  const result = page.getByTestId('integrity-result');
  await expect(result).toContainText('Log audit utuh');
  await expect(result).toHaveClass(/ok/);
});

test('filtering by action keeps only those entries', async ({ page, request, bridge }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/audit`);
  await page.getByLabel('Tindakan').selectOption({ label: 'Masuk' });
  await page.getByRole('button', { name: 'Terapkan' }).click();
  const rows = page.locator('table.audit-table tbody tr');
  await expect(rows.first()).toContainText('Masuk');
  for (const text of await rows.locator('td:nth-child(4)').allInnerTexts()) expect(text).toBe('Masuk');
});
