// Screenshots of each import-wizard step on the demo generator's messy sample files, to look at
// after a UI change (`npm run shots`; PNGs in PADAN_SHOTS_DIR or /tmp/shots). Not part of npm test:
// the wizard's behaviour is tested in test/e2e/impor*.spec.ts; this only makes pictures.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { expect, signInViaApi, testWithOwnBridge } from '../../test/e2e/fixtures.ts';

const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: '3000' });
const OUT = process.env.PADAN_SHOTS_DIR ?? '/tmp/shots';

for (const [name, agency, mime] of [
  ['pbi-dinkes.xls', 'Dinas Kesehatan', 'application/vnd.ms-excel'],
  ['dtks-dinsos.xlsx', 'Dinas Sosial', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'],
  ['bantuan-kelurahan.csv', 'Dinas Sosial', 'text/csv'],
] as const) {
  test(`wizard ${name}`, async ({ page, bridge, request }) => {
    test.setTimeout(120_000);
    const dir = join(bridge.dataDir, 'samples');
    execFileSync(process.execPath, ['bin/padan.mjs', 'demo', '--dir', dir, '--persons', '3000'], { stdio: 'ignore' });
    await signInViaApi(request, bridge.url);
    await page.goto(`${bridge.url}/#/impor`);
    await page.getByTestId('file-input').setInputFiles({ name, mimeType: mime, buffer: readFileSync(join(dir, name)) });
    await page.getByLabel('OPD pengirim').selectOption({ label: agency });
    await page.getByLabel('Nomor surat').fill('440/112/DINKES/2026');
    await page.screenshot({ path: `${OUT}/${name}-1-file.png`, fullPage: true });
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${OUT}/${name}-2-sheet.png`, fullPage: true });
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.waitForTimeout(1200);
    await page.screenshot({ path: `${OUT}/${name}-3-mapping.png`, fullPage: true });
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.waitForTimeout(800);
    await page.screenshot({ path: `${OUT}/${name}-4-check.png`, fullPage: true });
    await page.getByRole('button', { name: 'Simpan batch' }).click();
    await expect(page.getByRole('heading', { name: /Batch #\d+ tersimpan/ })).toBeVisible();
    await page.screenshot({ path: `${OUT}/${name}-5-saved.png`, fullPage: true });
  });
}

// The states a user must get out of by hand: a file over the limit, no NIK column, no header
// row recognised, and a column chosen by hand next to detected ones.
test('wizard states to fix by hand', async ({ page, bridge, request }) => {
  test.setTimeout(120_000);
  const { headerlessWorkbook, nomorWorkbook } = await import('../../test/e2e/impor-workbook.ts');
  const { MAX_STAGED_BYTES } = await import('../../shared/api/batch.ts');
  const { closeSync, ftruncateSync, openSync } = await import('node:fs');
  await signInViaApi(request, bridge.url);
  const big = join(bridge.dataDir, 'DTKS SELURUH KOTA 2024.xlsx');
  const fd = openSync(big, 'w');
  ftruncateSync(fd, MAX_STAGED_BYTES + 5 * 1048576);
  closeSync(fd);
  await page.goto(`${bridge.url}/#/impor`);
  await page.getByTestId('file-input').setInputFiles(big);
  await expect(page.getByTestId('file-refused')).toBeVisible();
  await page.screenshot({ path: `${OUT}/state-oversize.png`, fullPage: true });

  const xlsx = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
  for (const [shot, name, buffer] of [['state-no-nik', 'UMKM 2021.xlsx', nomorWorkbook()], ['state-no-header', 'tanpa judul.xlsx', headerlessWorkbook()]] as const) {
    await page.goto(`${bridge.url}/#/beranda`); // the same hash would keep the wizard where it was
    await page.goto(`${bridge.url}/#/impor`);
    await page.getByTestId('file-input').setInputFiles({ name, mimeType: xlsx, buffer });
    await page.getByLabel('OPD pengirim').selectOption({ label: 'Dinas Sosial' });
    await page.getByLabel('Nomor surat').fill('470/77/DINSOS/2026');
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await page.getByRole('button', { name: 'Lanjut' }).click();
    await expect(page.getByLabel('Baris judul kolom')).toBeVisible();
    await page.waitForTimeout(500);
    await page.screenshot({ path: `${OUT}/${shot}.png`, fullPage: true });
    if (shot === 'state-no-nik') {
      await page.getByLabel('Kolom B').selectOption('NIK');
      await expect(page.getByTestId('source-B')).toBeVisible();
      await page.getByLabel('Baris judul kolom').fill('4');
      await page.waitForTimeout(300);
      await page.screenshot({ path: `${OUT}/state-manual-pending.png`, fullPage: true });
    }
  }
});
