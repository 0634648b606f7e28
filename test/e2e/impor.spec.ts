// The import wizard in Chromium through the bridge: a messy workbook (title rows, merged
// title, NO column, mixed headers) becomes a batch, is matched on a small demo registry,
// and the same file twice asks before importing again.
import { execFileSync } from 'node:child_process';
import { closeSync, ftruncateSync, mkdtempSync, openSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { MAX_STAGED_BYTES } from '../../shared/api/batch.ts';
import { expect, signInViaApi, testWithOwnBridge } from './fixtures.ts';
import { headerlessWorkbook, messyWorkbook, nomorWorkbook } from './impor-workbook.ts';

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

// --- Issue 4, item 7: a wizard the user can always finish, by hand and by keyboard. ---

type Page = import('@playwright/test').Page;
type Locator = import('@playwright/test').Locator;

/** File and purpose by mouse (the keyboard test does it by keys), then on to the Kolom step. */
async function toMapping(page: Page, url: string, f: { name: string; mimeType: string; buffer: Buffer }): Promise<void> {
  await page.goto(`${url}/#/impor`);
  await page.getByTestId('file-input').setInputFiles(f);
  await page.getByLabel('OPD pengirim').selectOption({ label: 'Dinas Sosial' });
  await page.getByLabel('Nomor surat').fill('470/77/DINSOS/2026');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('heading', { name: 'Baris judul dan pemetaan kolom' })).toBeVisible();
}

const stepButton = (page: Page, name: string) => page.getByRole('list', { name: 'Langkah impor' }).getByRole('button', { name });

test('a file over the size limit is refused before it is read, in Indonesian, with the limit and what to do', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  // A real file on disk just over 30 MB (sparse: instant to make); the browser knows its size
  // without reading it, and the wizard must not send it.
  const big = join(mkdtempSync(join(tmpdir(), 'padan-big-')), 'DTKS SELURUH KOTA.xlsx');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, MAX_STAGED_BYTES + 1024 * 1024);
  closeSync(fd);
  const staged: string[] = [];
  page.on('request', (r) => { if (r.url().includes('/api/batch/stageFile')) staged.push(r.url()); });
  await page.goto(`${bridge.url}/#/impor`);
  await page.getByTestId('file-input').setInputFiles(big);
  const refused = page.getByTestId('file-refused');
  await expect(refused).toContainText('"DTKS SELURUH KOTA.xlsx" berukuran 31 MB, melebihi batas 30 MB');
  await expect(refused).toContainText('Pecah berkas menjadi beberapa berkas');
  await expect(page.locator('.file-name')).toHaveCount(0);
  await page.getByLabel('OPD pengirim').selectOption({ label: 'Dinas Sosial' });
  await page.getByLabel('Nomor surat').fill('470/1/DINSOS/2026');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'Lengkapi: Pilih berkas' })).toBeVisible();
  expect(staged).toEqual([]);
  // A file within the limit afterwards clears the message and goes on.
  await page.getByTestId('file-input').setInputFiles(file);
  await expect(refused).toHaveCount(0);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByRole('radio', { name: 'DATA' })).toBeChecked();
  rmSync(dirname(big), { recursive: true, force: true });
});

test('no NIK column found: the user picks it by hand in the Kolom step and saves', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await toMapping(page, bridge.url, { name: 'UMKM 2021.xlsx', mimeType: XLSX_TYPE, buffer: nomorWorkbook() });
  await expect(page.locator('tr.header-row .rowno')).toHaveText('3');
  await expect(page.locator('.mapping .alert.error')).toContainText('Kolom NIK tidak ditemukan otomatis');
  await expect(page.locator('.impor')).not.toContainText('--');
  await expect(page.getByRole('button', { name: 'Lanjut' })).toBeDisabled();
  await expect(stepButton(page, 'Periksa & simpan')).toBeDisabled();
  await page.getByLabel('Kolom B').selectOption('NIK');
  await expect(page.getByTestId('source-B')).toHaveText('dipilih manual');
  await expect(page.locator('.mapping .alert.error')).toHaveCount(0);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByTestId('check-rows')).toHaveText('3');
  await expect(page.locator('.check .card', { hasText: 'NIK siap dipadankan' })).toContainText('3');
  await page.getByRole('button', { name: 'Simpan batch' }).click();
  await expect(page.getByRole('heading', { name: /Batch #\d+ tersimpan/ })).toBeVisible();
});

test('no header row recognised: the first filled row stands in, the user is told how to change it', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await toMapping(page, bridge.url, { name: 'tanpa judul.xlsx', mimeType: XLSX_TYPE, buffer: headerlessWorkbook() });
  await expect(page.locator('.mapping .alert.warn')).toContainText('Baris judul kolom tidak dikenali otomatis, jadi baris 1');
  await expect(page.locator('.mapping .alert.warn')).toContainText('tekan Enter');
  await expect(page.locator('.impor')).not.toContainText('--header-row');
  // A row outside the sheet: said in the wizard's words, and the wizard stays usable.
  await page.getByLabel('Baris judul kolom').fill('40');
  await page.getByLabel('Baris judul kolom').press('Enter');
  await expect(page.getByRole('alert')).toContainText('Baris 40 tidak ada: lembar "DATA" hanya sampai baris 4');
  await page.getByLabel('Baris judul kolom').fill('1');
  await expect(page.getByLabel('Kolom A')).toHaveValue('NIK');
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByTestId('check-rows')).toHaveText('3');
});

test('changing one column labels only that column "dipilih manual"; the others keep their detected confidence', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await toMapping(page, bridge.url, { name: 'tanpa judul 2.xlsx', mimeType: XLSX_TYPE, buffer: headerlessWorkbook() });
  // NIK is found by its content (no header names it), so it is not certain.
  const detected = (await page.getByTestId('source-A').textContent())!;
  expect(detected).toMatch(/^keyakinan \d+%$/);
  expect(detected).not.toBe('keyakinan 100%');
  await page.getByLabel('Kolom B').selectOption('NAMA');
  await expect(page.getByTestId('source-B')).toHaveText('dipilih manual');
  await expect(page.getByTestId('source-A')).toHaveText(detected);
  await expect(page.locator('.badge', { hasText: 'dipilih manual' })).toHaveCount(1);
});

test('steps ahead wait for a fresh preview after the sheet, the header row or the agency changes', async ({ page, bridge, request }) => {
  await signInViaApi(request, bridge.url);
  await toMapping(page, bridge.url, file);
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await expect(page.getByTestId('check-rows')).toHaveText('5');

  // Another sheet: the Kolom and check steps are stale until the sheet is previewed.
  await stepButton(page, 'Lembar').click();
  await page.getByRole('radio', { name: 'SAMPUL' }).check();
  await expect(stepButton(page, 'Kolom')).toBeDisabled();
  await expect(stepButton(page, 'Periksa & simpan')).toBeDisabled();
  await page.getByRole('radio', { name: 'DATA' }).check();
  await expect(stepButton(page, 'Periksa & simpan')).toBeEnabled();

  // A header row typed but not applied: nothing ahead until it is; Enter applies it and stays here.
  await stepButton(page, 'Kolom').click();
  await page.getByLabel('Baris judul kolom').fill('5');
  await expect(page.getByText('Tekan Enter atau Terapkan untuk memakai baris judul ini.')).toBeVisible();
  await expect(stepButton(page, 'Periksa & simpan')).toBeDisabled();
  await expect(page.getByRole('button', { name: 'Lanjut' })).toBeDisabled();
  await page.getByLabel('Baris judul kolom').press('Enter');
  await expect(page.locator('tr.header-row .rowno')).toHaveText('5');
  await expect(page.getByRole('heading', { name: 'Baris judul dan pemetaan kolom' })).toBeVisible();
  await stepButton(page, 'Periksa & simpan').click();
  // Rows 6-9 under the new header: the summary is the new one, not the old 5.
  await expect(page.getByTestId('check-rows')).toHaveText('4');

  // Another agency: its saved mapping and earlier batches differ, so the preview is asked again.
  await stepButton(page, 'Berkas & tujuan').click();
  await page.getByLabel('OPD pengirim').selectOption({ label: 'Dinas Kesehatan' });
  await expect(stepButton(page, 'Lembar')).toBeEnabled();
  await expect(stepButton(page, 'Kolom')).toBeDisabled();
  await expect(stepButton(page, 'Periksa & simpan')).toBeDisabled();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  await page.getByRole('button', { name: 'Lanjut' }).click();
  // The user's header row survives the refresh.
  await expect(page.locator('tr.header-row .rowno')).toHaveText('5');
  await expect(stepButton(page, 'Periksa & simpan')).toBeEnabled();
});

/** Presses Tab until `target` has focus (keyboard only; fails after 60 presses). */
async function tabTo(page: Page, target: Locator): Promise<void> {
  for (let i = 0; i < 60; i++) {
    if (await target.evaluate((el) => (el as unknown as { ownerDocument: { activeElement: unknown } }).ownerDocument.activeElement === el)) return;
    await page.keyboard.press('Tab');
  }
  throw new Error(`Tab never reached ${String(target)}`);
}

/** Arrow keys on a focused closed <select> until the option with `label` is chosen. */
async function arrowTo(page: Page, select: Locator, label: string): Promise<void> {
  for (let i = 0; i < 30; i++) {
    if ((await select.evaluate((el) => (el as unknown as { selectedOptions: { text: string }[] }).selectedOptions[0]?.text)) === label) return;
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`no option "${label}"`);
}

test('the whole wizard by keyboard alone, on a demo sample file', async ({ page, bridge, request }) => {
  test.setTimeout(120_000);
  const dir = join(bridge.dataDir, 'samples');
  execFileSync(process.execPath, ['bin/padan.mjs', 'demo', '--dir', dir, '--persons', '3000'], { stdio: 'ignore' });
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/impor`);
  // The OS file dialog stands in for the one file choice; everything else is keys.
  await page.getByTestId('file-input').setInputFiles(join(dir, 'pbi-dinkes.xls'));
  const agency = page.getByLabel('OPD pengirim');
  await tabTo(page, agency);
  await arrowTo(page, agency, 'Dinas Kesehatan');
  await tabTo(page, page.getByLabel('Nomor surat'));
  await page.keyboard.type('440/112/DINKES/2026');
  await page.keyboard.press('Enter');

  // Lembar: focus is on the step; the only sheet is chosen; Space on it, then Lanjut.
  await expect(page.getByRole('radio', { name: 'PBI 2024' })).toBeChecked();
  await expect(page.locator('form.wizard-panel')).toBeFocused();
  await tabTo(page, page.getByRole('radio', { name: 'PBI 2024' }));
  await page.keyboard.press('Space');
  await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
  await page.keyboard.press('Enter');

  // Kolom: the header row by arrow keys and Enter (applies it, stays on this step), and back.
  const headerRow = page.getByLabel('Baris judul kolom');
  await expect(headerRow).toHaveValue('3');
  await tabTo(page, headerRow);
  await page.keyboard.press('ArrowUp');
  await page.keyboard.press('Enter');
  await expect(page.locator('tr.header-row .rowno')).toHaveText('4');
  await expect(headerRow).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page.locator('tr.header-row .rowno')).toHaveText('3');
  // One column changed by arrow keys, then back: manual, then detected again.
  const alamat = page.getByLabel('Kolom F');
  await expect(alamat).toHaveValue('ALAMAT');
  await tabTo(page, alamat);
  await page.keyboard.press('ArrowDown');
  await expect(page.getByTestId('source-F')).toHaveText('dipilih manual');
  await page.keyboard.press('ArrowUp');
  await expect(page.getByTestId('source-F')).toHaveText('keyakinan 100%');
  await tabTo(page, page.getByRole('button', { name: 'Lanjut' }));
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('check-rows')).toHaveText(/^\d\.\d{3}$/);
  await tabTo(page, page.getByRole('button', { name: 'Simpan batch' }));
  await page.keyboard.press('Space');
  await expect(page.getByRole('heading', { name: /Batch #\d+ tersimpan/ })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Padankan sekarang' })).toBeFocused();
});
