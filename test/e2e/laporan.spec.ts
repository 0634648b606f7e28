import { expect, signInViaApi, test } from './fixtures.ts';

type Api = (channel: string, args?: unknown) => Promise<unknown>;

/** A tiny agency file through the batch API, matched against the demo registry. */
async function seedMatchedBatch(api: Api): Promise<number> {
  const agencies = (await api('agencies/list')) as { id: number; name: string }[];
  const agency = agencies.find((a) => a.name === 'Dinas Sosial') ?? agencies[0]!;
  const csv = 'NO,NIK,NAMA\n1,7372041610720001,ANDI\n2,7372016303800001,BUDI\n3,123,KOSONG\n';
  const staged = (await api('batch/stageFile', { fileName: 'uji.csv', dataBase64: Buffer.from(csv).toString('base64') })) as {
    stagedId: string;
    sheets: { name: string }[];
  };
  const pv = (await api('batch/preview', { stagedId: staged.stagedId, sheet: staged.sheets[0]!.name, agencyId: agency.id })) as {
    sheet: string;
    headerRow: number;
    columns: { index: number; field: string | null }[];
  };
  const map = Object.fromEntries(pv.columns.filter((c) => c.field).map((c) => [c.field, c.index]));
  const saved = (await api('batch/save', {
    stagedId: staged.stagedId, sheet: pv.sheet, headerRow: pv.headerRow, map, agencyId: agency.id,
    letterNo: '470/001/UJI', receivedOn: '2026-01-05', channel: 'EMAIL',
  })) as { batchId: number };
  await api('batch/match', { batchId: saved.batchId });
  await expect
    .poll(async () => ((await api('batch/get', { batchId: saved.batchId })) as { state: string }).state, { timeout: 45_000 })
    .toMatch(/MATCHED|EXPORTED/);
  return saved.batchId;
}

test('Statistik bulanan shows the agency × month table with totals, a chart and counts per status', async ({ page, request, bridge }) => {
  await signInViaApi(request, bridge.url);
  const api: Api = async (channel, args = {}) => {
    const r = await (await request.post(`${bridge.url}/api/${channel}`, { data: args })).json();
    if (!r.ok) throw new Error(`${channel}: ${r.error.message}`);
    return r.value;
  };
  await seedMatchedBatch(api);

  await page.goto(`${bridge.url}/#/laporan?tab=monthly`);
  await expect(page.getByRole('tab', { name: 'Statistik bulanan' })).toHaveAttribute('aria-selected', 'true');
  const table = page.getByTestId('monthly-table');
  await expect(table).toBeVisible();
  await expect(table.locator('thead th')).toContainText(['No', 'OPD', 'Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des', 'Jumlah', 'Batch']);
  await expect(table.locator('tbody tr')).toHaveCount(1);
  await expect(table.locator('tbody tr').first()).toContainText('Dinas Sosial');
  await expect(table.locator('tfoot')).toContainText('Total');
  await expect(page.locator('svg.lap-chart rect.bar')).toHaveCount(12);
  await expect(page.locator('table.lap-status')).toContainText('Invalid');
});

test('Cari NIK tells the user the search is logged and lists the batch', async ({ page, request, bridge }) => {
  await signInViaApi(request, bridge.url);
  await page.goto(`${bridge.url}/#/laporan?tab=nik`);
  await expect(page.getByRole('note')).toContainText('dicatat di log audit');
  await page.getByLabel('NIK (16 digit)').fill('7372041610720001');
  await page.getByRole('button', { name: 'Cari', exact: true }).click();
  await expect(page.locator('table.data tbody tr').first()).toContainText('Dinas Sosial');
});
