// Working through a demo batch on the review page: import a generated workbook through the
// batch API, match it on a small demo registry, then repair an Excel-damaged NIK and a
// swapped-digit NIK from their candidates, settle a name difference, undo one decision, and
// check that the counts on screen and the correction log agree.
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as XLSX from '@e965/xlsx';
import type { APIRequestContext, Page } from '@playwright/test';
import { generateDemoRegistry } from '../../electron/demo/index.ts';
import { loadPersons, type SourcePerson } from '../../electron/demo/rows.ts';
import { expect, testWithOwnBridge } from './fixtures.ts';

const PERSONS = 3000;
const test = testWithOwnBridge({ PADAN_DEMO_PERSONS: String(PERSONS) });

async function api<T>(request: APIRequestContext, url: string, channel: string, args: unknown): Promise<T> {
  const res = await request.post(`${url}/api/${channel}`, { data: args });
  const body = (await res.json()) as { ok: boolean; value: T; error?: { message: string } };
  if (!body.ok) throw new Error(`${channel}: ${body.error?.message}`);
  return body.value;
}

/** The same registry the bridge builds (same seed, same size): its persons give real NIKs. */
async function demoPersons(): Promise<SourcePerson[]> {
  const dir = mkdtempSync(join(tmpdir(), 'padan-e2e-reg-'));
  const reg = await generateDemoRegistry({ dir, persons: PERSONS });
  return loadPersons(reg.path).filter((p) => p.flagStatus === '0' && p.kab === '72' && p.prop === '73');
}

function swap(nik: string): string {
  for (let i = 12; i < 15; i++) if (nik[i] !== nik[i + 1]) return nik.slice(0, i) + nik[i + 1] + nik[i] + nik.slice(i + 2);
  return nik;
}

function workbook(ps: SourcePerson[]): { base64: string; damaged: SourcePerson; swapped: SourcePerson; renamed: SourcePerson } {
  // Excel damage: a numeric 16-digit cell whose last digit became 0; pick one not already ending in 0.
  const damaged = ps.find((p) => !p.nik.endsWith('0'))!;
  const swapped = ps.find((p) => p !== damaged && swap(p.nik) !== p.nik)!;
  const renamed = ps.find((p) => p !== damaged && p !== swapped)!;
  const clean = ps.filter((p) => p !== damaged && p !== swapped && p !== renamed).slice(0, 6);
  const row = (nik: string | number, p: SourcePerson, name = p.name) => [nik, name, p.birthDate, p.sex === '2' ? 'P' : 'L'];
  const aoa: unknown[][] = [
    ['DAFTAR PENERIMA BANTUAN UJI'],
    ['NIK', 'NAMA', 'TGL LAHIR', 'JK'],
    row(Number(damaged.nik.slice(0, 15) + '0'), damaged),
    row(swap(swapped.nik), swapped),
    row(renamed.nik, renamed, 'BAHARUDDIN LATIF'),
    ...clean.map((p) => row(p.nik, p)),
  ];
  const wb = XLSX.utils.book_new();
  XLSX.utils.book_append_sheet(wb, XLSX.utils.aoa_to_sheet(aoa), 'Sheet1');
  const base64 = XLSX.write(wb, { type: 'base64', bookType: 'xlsx' }) as string;
  return { base64, damaged, swapped, renamed };
}

async function importAndMatch(request: APIRequestContext, url: string, base64: string): Promise<number> {
  const staged = await api<{ stagedId: string; sheets: { name: string }[] }>(request, url, 'batch/stageFile', { fileName: 'uji-koreksi.xlsx', dataBase64: base64 });
  const sheet = staged.sheets[0]!.name;
  const agencies = await api<{ id: number }[]>(request, url, 'agencies/list', {});
  const preview = await api<{ headerRow: number; columns: { index: number; field: string | null }[] }>(request, url, 'batch/preview', { stagedId: staged.stagedId, sheet });
  const map = Object.fromEntries(preview.columns.filter((c) => c.field).map((c) => [c.field, c.index]));
  const saved = await api<{ batchId: number }>(request, url, 'batch/save', {
    stagedId: staged.stagedId, sheet, headerRow: preview.headerRow, map, agencyId: agencies[0]!.id,
    letterNo: '470/UJI/2026', receivedOn: new Date().toISOString().slice(0, 10), channel: 'EMAIL',
  });
  await api(request, url, 'batch/match', { batchId: saved.batchId });
  await expect.poll(async () => (await api<{ state: string }>(request, url, 'batch/get', { batchId: saved.batchId })).state, { timeout: 60_000 }).toBe('MATCHED');
  return saved.batchId;
}

async function decideWithReason(page: Page, reason: string): Promise<void> {
  const form = page.getByTestId('reason-form');
  await expect(form).toBeVisible();
  await form.locator('select[name="reasonCode"]').selectOption(reason);
  await form.locator('select[name="reasonCode"]').press('Enter');
  await expect(form).toBeHidden();
}

async function openRow(page: Page, facet: string, value: string, rowNo: number): Promise<void> {
  const clear = page.getByRole('button', { name: /Hapus saringan/ });
  if (await clear.isVisible()) await clear.click();
  await page.locator(`[data-facet="${facet}"] [data-value="${value}"]`).click();
  // The facet leaves exactly this row: the defect is the only one of its kind in the workbook.
  await expect(page.locator('[data-stat="shown"] .v')).toHaveText('1');
  await page.locator('[data-testid="review-grid"] .ag-row .kx-status').first().click();
  await expect(page.getByTestId('side-panel')).toContainText(`Baris ${rowNo}`);
}

test('repair, settle, undo and agree with the log', async ({ page, request, bridge }) => {
  test.setTimeout(180_000);
  const url = bridge.url;
  await api(request, url, 'auth/setupAdmin', { username: 'operator1', displayName: 'Operator Satu', password: 'kata-sandi-1' });
  await api(request, url, 'auth/signIn', { username: 'operator1', password: 'kata-sandi-1' });
  const { base64, damaged, swapped } = workbook(await demoPersons());
  const batchId = await importAndMatch(request, url, base64);

  await page.goto(`${url}/#/koreksi/${batchId}`);
  await expect(page.getByTestId('review-grid').locator('.ag-row').first()).toBeVisible();

  // 1. Excel-damaged NIK (sheet row 3): the suggested candidate is the real NIK.
  await openRow(page, 'reason', 'RUSAK_EXCEL', 3);
  await expect(page.getByTestId('candidate-1')).toContainText(damaged.nik);
  await page.keyboard.press('a');
  await decideWithReason(page, 'RUSAK_EXCEL');
  await expect(page.getByTestId('side-panel')).toContainText(`NIK diperbaiki menjadi ${damaged.nik}`);

  // 2. Swapped digits (row 4): transposition candidate, accepted with the button.
  await openRow(page, 'reason', 'TIDAK_DITEMUKAN', 4);
  await expect(page.getByTestId('candidate-1')).toContainText(swapped.nik);
  await page.getByTestId('accept').click();
  await decideWithReason(page, 'SALAH_KETIK');
  await expect(page.getByTestId('side-panel')).toContainText(`NIK diperbaiki menjadi ${swapped.nik}`);

  // 3. Name difference (row 5): keep the agency's name.
  await openRow(page, 'el:NAMA', 'TIDAK_SESUAI', 5);
  await page.locator('[data-element="NAMA"] [data-choice="AGENCY"]').click();
  await decideWithReason(page, 'KONFIRMASI_OPD');

  // 4. Undo the last decision (the name choice) with Ctrl+Z.
  await page.getByTestId('review-grid').click({ position: { x: 5, y: 5 } }).catch(() => undefined);
  await page.keyboard.press('Control+z');
  await expect(page.getByRole('status').filter({ hasText: 'Keputusan diurungkan' })).toBeVisible();

  // 5. Counts on screen agree with the correction log.
  await expect(page.locator('[data-stat="decisions"] .v')).toHaveText('2');
  await expect(page.locator('[data-stat="repaired"] .v')).toHaveText('2');
  const log = await api<{ id: number; kind: string; undoes: number | null; undoneBy: number | null; operator: string }[]>(request, url, 'rows/corrections', { batchId });
  expect(log.map((c) => c.kind)).toEqual(['UNDO', 'ELEMENT_CHOICE', 'NIK_CANDIDATE', 'NIK_CANDIDATE']);
  expect(log[0]!.undoes).toBe(log[1]!.id);
  expect(log[1]!.undoneBy).toBe(log[0]!.id);
  const inForce = log.filter((c) => c.kind !== 'UNDO' && c.undoneBy === null);
  expect(inForce).toHaveLength(2);
  expect(log.every((c) => c.operator === 'operator1')).toBe(true);
  await page.keyboard.press('l');
  await expect(page.getByTestId('correction-log').locator('li')).toHaveCount(4);
  await page.screenshot({ path: 'test-results/screens/e2e-log.png' });
});
