import { ADMIN, expect, testWithOwnBridge } from './fixtures.ts';

// The first-start screen needs an engine nobody has signed in to yet: this file gets its
// own bridge instead of the worker-wide one the other specs share.
const test = testWithOwnBridge();

const PAGES = [
  { nav: 'Beranda', hash: '#/beranda' },
  { nav: 'Impor', hash: '#/impor' },
  { nav: 'Koreksi', hash: '#/koreksi' },
  { nav: 'Laporan', hash: '#/laporan' },
  { nav: 'Pengaturan', hash: '#/pengaturan' },
  { nav: 'Audit', hash: '#/audit' },
];

test('first start asks for the administrator, then the shell opens in Indonesian and moves between every page', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.getByRole('heading', { name: 'Selamat datang di Padan' })).toBeVisible();
  await page.getByLabel('Nama lengkap').fill(ADMIN.displayName);
  await page.getByLabel('Nama pengguna').fill(ADMIN.username);
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByLabel('Ulangi kata sandi').fill(ADMIN.password);
  await page.getByRole('button', { name: 'Buat akun administrator' }).click();
  await expect(page.locator('.brand-name')).toHaveText('Padan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  for (const p of PAGES) {
    await page.locator('nav').getByRole('link', { name: new RegExp(p.nav) }).click();
    await expect(page).toHaveURL(new RegExp(p.hash));
    await expect(page.locator('.nav-item.active')).toContainText(p.nav);
  }
});

test('an argument of the wrong shape is refused with a clear Indonesian message', async ({ request, bridge }) => {
  const res = await request.post(`${bridge.url}/api/app/ping`, { data: { text: 42 } });
  const body = (await res.json()) as { ok: boolean; error?: { code: string; message: string } };
  expect(body.ok).toBe(false);
  expect(body.error?.code).toBe('BAD_ARGS');
  expect(body.error?.message).toContain('tidak sesuai');
  const good = await (await request.post(`${bridge.url}/api/app/ping`, { data: { text: 'halo' } })).json();
  expect(good).toEqual({ ok: true, value: { pong: 'halo' } });
});

test('locking the session hides the application until the operator signs in again', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.locator('.brand-name')).toHaveText('Padan');
  await page.getByRole('button', { name: 'Kunci' }).click();
  await expect(page.getByRole('heading', { name: 'Sesi terkunci' })).toBeVisible();
  await expect(page.locator('nav')).toHaveCount(0);
  await page.getByLabel('Kata sandi', { exact: true }).fill('salah-sekali');
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.getByRole('alert')).toBeVisible();
  await page.getByLabel('Kata sandi', { exact: true }).fill(ADMIN.password);
  await page.getByRole('button', { name: 'Masuk' }).click();
  await expect(page.locator('.nav-item.active')).toContainText('Beranda');
});
