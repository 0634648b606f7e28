// The import wizard in Chromium through the bridge: a messy workbook (title rows, merged
// title, NO column, mixed headers) becomes a batch, is matched on a small demo registry,
// and the same file twice asks before importing again.
import { expect, signInViaApi, testWithOwnBridge } from './fixtures.ts';
import { messyWorkbook } from './impor-workbook.ts';

// A 3,000-person demo registry: the default 163,314 takes ~20 s to generate.
const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const file = { name: 'BPNT LAKESSI 2021.xlsx', mimeType: XLSX_TYPE, buffer: messyWorkbook() };
// Another file for the duplicate test, so the tests do not depend on each other's batches.
const other = { name: 'BPNT susulan.xlsx', mimeType: XLSX_TYPE, buffer: messyWorkbook([['6', '7372011205800009', 'BARU', 'PAREPARE', '02-02-1990', 'L', '', '']]) };

async function throughWizard(page: import('@playwright/test').Page, url: string, f = file): Promise<void> {
  await page.goto(`${url}/#/impor`);
  await page.getByTestId('file-input').setInputFiles(f);
  await page.getByLabel('OPD pengirim').selectOption({ label: 'Dinas Sosial' });
  await page.getByLabel('Program').selectOption({ label: 'BPNT' });
  await page.getByLabel('Nomor surat').fill('470/321/DINSOS/2026');
  await page.getByLabel('Keperluan').fill('Verifikasi penerima BPNT Kel. Lakessi');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  // Step 2: the cover sheet and the data sheet, each with its row count; DATA preselected.
  await expect(page.getByRole('radio', { name: 'DATA' })).toBeChecked();
  await expect(page.locator('.sheet-option', { hasText: 'DATA' })).toContainText(f === file ? '8 baris terisi' : '9 baris terisi');
  await page.getByRole('button', { name: 'Lanjut' }).click();
}

test('a messy workbook goes through the wizard, shows up in Beranda and is matched', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await throughWizard(page, bridge.url);
  // Step 3: header found in row 4 under two title rows; the NO column is left out.
  await expect(page.locator('tr.header-row .rowno')).toHaveText('4');
  await expect(page.locator('tr.above')).toHaveCount(2);
  await expect(page.getByLabel('Kolom A')).toHaveValue('');
  await expect(page.getByLabel('Kolom B')).toHaveValue('NIK');
  await expect(page.getByLabel('Kolom C')).toHaveValue('NAMA');
  // Changing one column asks the engine again and keeps the choice.
  await page.getByLabel('Kolom H').selectOption('');
  await expect(page.getByLabel('Kolom H')).toHaveValue('');
  await page.getByLabel('Kolom H').selectOption('ALAMAT');
  await expect(page.getByLabel('Kolom H')).toHaveValue('ALAMAT');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  // Step 4: the validation summary before anything is stored.
  await expect(page.getByTestId('check-rows')).toHaveText('5');
  await expect(page.locator('.check')).toContainText('NIK kosong');
  await expect(page.locator('.check li', { hasText: 'NIK ganda dalam berkas' })).toContainText('1');
  await page.getByRole('button', { name: 'Simpan batch' }).click();
  await expect(page.getByRole('heading', { name: /Batch #\d+ tersimpan/ })).toBeVisible();
  await page.getByRole('button', { name: 'Padankan sekarang' }).click();
  await expect(page).toHaveURL(/#\/beranda\/\d+/);
  // Matching ends; the rows are counted by status (none of these NIKs is in the demo registry).
  await expect(page.locator('.batch-table .badge', { hasText: 'Selesai dipadankan' })).toBeVisible({ timeout: 45_000 });
  await expect(page.locator('.detail-panel .count-list a').first()).toBeVisible();
  await expect(page.locator('.batch-table tbody tr')).toHaveCount(1);
  await expect(page.locator('.batch-table')).toContainText('470/321/DINSOS/2026');
  await expect(page.locator('.batch-table .status-counts .badge.INVALID')).toHaveText('5');
  await expect(page.locator('.detail-panel')).toContainText('Verifikasi penerima BPNT Kel. Lakessi');
  await expect(page.getByTestId('registry-status')).toHaveText(/SIAK terhubung/);
});

test('the same file twice for the same agency asks, with a link to the earlier batch', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  for (const pass of [1, 2]) {
    await throughWizard(page, bridge.url, other);
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Simpan batch' }).click();
    if (pass === 1) {
      await expect(page.getByRole('heading', { name: /Batch #\d+ tersimpan/ })).toBeVisible();
      await page.getByRole('button', { name: 'Impor berkas lain' }).click();
      continue;
    }
    const dialog = page.getByRole('dialog', { name: 'Berkas ini sudah pernah diimpor' });
    await expect(dialog).toBeVisible();
    await expect(dialog.getByRole('link', { name: /Buka batch #\d+/ })).toBeVisible();
    await dialog.getByRole('button', { name: 'Tetap impor sebagai batch baru' }).click();
    await expect(page.getByRole('heading', { name: /Batch #\d+ tersimpan/ })).toBeVisible();
  }
});
