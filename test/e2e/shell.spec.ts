import { expect, test } from './fixtures.ts';

const PAGES = [
  { nav: 'Beranda', hash: '#/beranda' },
  { nav: 'Impor', hash: '#/impor' },
  { nav: 'Koreksi', hash: '#/koreksi' },
  { nav: 'Laporan', hash: '#/laporan' },
  { nav: 'Pengaturan', hash: '#/pengaturan' },
  { nav: 'Audit', hash: '#/audit' },
];

test('the shell opens in Indonesian and moves between every page', async ({ page, bridge }) => {
  await page.goto(bridge.url);
  await expect(page.locator('.brand-name')).toHaveText('Padan');
  await expect(page.locator('html')).toHaveAttribute('lang', 'id');
  for (const p of PAGES) {
    await page.getByRole('link', { name: new RegExp(p.nav) }).click();
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
