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
