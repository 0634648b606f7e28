import { expect, signInViaApi, test, testWithOwnBridge } from './fixtures.ts';
import { bridgeApi, seedMatchedBatch } from './seed.ts';

// The anchor test imports and matches a batch: on the shared bridge that batch would be in
// the history of every spec after it (Beranda's empty state), so it gets a bridge of its own.
const withOwnBridge = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });

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


withOwnBridge('"Cocokkan jangkar" accepts the anchor printed on a berita acara and rejects a wrong one', async ({ page, request, bridge }, testInfo) => {
  await signInViaApi(request, bridge.url);
  const api = bridgeApi(request, bridge.url);
  const batchId = await seedMatchedBatch(api, { name: 'jangkar.csv', csv: 'NO,NIK,NAMA\n1,7372041610720001,ANDI\n2,123,KOSONG\n', letterNo: '470/002/UJI' });
  const { html } = (await api('report/batchHtml', { batchId })) as { html: string };
  const m = /Jangkar log audit: entri #(\d+) · <span class="mono">([0-9a-f]{16})<\/span>/.exec(html);
  expect(m, 'the berita acara prints an audit anchor').not.toBeNull();
  const [, id, hash] = m!;

  await page.goto(`${bridge.url}/#/audit`);
  const form = page.getByRole('form', { name: 'Cocokkan jangkar dari berita acara' });
  await form.getByLabel('Nomor entri').fill(id!);
  await form.getByLabel('Sidik (16 karakter)').fill(hash!);
  await form.getByLabel('Sidik (16 karakter)').press('Enter');
  const result = page.getByTestId('anchor-result');
  await expect(result).toHaveClass(/ok/);
  await expect(result).toContainText(`Jangkar cocok: entri #${id}`);
  await page.screenshot({ path: testInfo.outputPath('audit-anchor-ok.png') });

  // One hex digit off, as a changed log (or a typo) would give.
  const wrong = (hash![0] === 'a' ? 'b' : 'a') + hash!.slice(1);
  await form.getByLabel('Sidik (16 karakter)').fill(wrong);
  await form.getByRole('button', { name: 'Cocokkan' }).click();
  await expect(result).toHaveClass(/error/);
  await expect(result).toContainText(`Sidik entri #${id} berbeda: log audit telah diubah.`);
  await page.screenshot({ path: testInfo.outputPath('audit-anchor-failed.png') });

  // An entry that is not (or no longer) in the log.
  await form.getByLabel('Nomor entri').fill('99999');
  await form.getByLabel('Sidik (16 karakter)').fill(hash!);
  await form.getByLabel('Nomor entri').press('Enter');
  await expect(result).toContainText('Entri #99999 tidak ada lagi: log audit telah dipotong');

  // A hash that cannot be one is refused by the form itself.
  await form.getByLabel('Sidik (16 karakter)').fill('xyz');
  await form.getByLabel('Sidik (16 karakter)').press('Enter');
  await expect(form.getByRole('alert')).toContainText('Sidik harus 12 sampai 64 karakter');
  await expect(form.getByLabel('Sidik (16 karakter)')).toHaveAttribute('aria-invalid', 'true');
});
