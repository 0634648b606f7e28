import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it, vi } from 'vitest';
import { createDispatch, handlers, type AppContext } from '../../../electron/api/index.ts';
import { runExportCommand } from '../../../electron/export/cli.ts';
import { runReportCommand } from '../../../electron/report/cli.ts';
import { runStatsCommand } from '../../../electron/stats/cli.ts';
import { openStoreDb } from '../../../electron/store/open.ts';
import { refreshBatchStats } from '../../../electron/stats/index.ts';
import { mixedRows, seedBatch, tempStore } from '../export/fixture.ts';

const { db, dir } = tempStore();
const batchId = seedBatch(db, { rows: mixedRows(30) });
refreshBatchStats(db, batchId);

function ctx(signedIn = true): AppContext {
  return {
    host: 'bridge', dataDir: dir, db, keyProtection: 'env',
    session: signedIn ? { operator: 'andi', displayName: 'Andi', role: 'OPERATOR', signedInAt: '', lastActivityAt: 0 } : null,
    emit: () => {}, registry: async () => { throw new Error('no'); }, resetRegistry: async () => {}, tasks: new Map(),
    chooseSavePath: async (n: string) => join(dir, n),
  } as AppContext;
}

describe('report and stats API', () => {
  const call = createDispatch(handlers, ctx(), () => {});
  it('exports a batch under the data folder and refuses paths outside it on the bridge', async () => {
    const ok = await call('report/exportBatch', { batchId, path: join(dir, 'h.xlsx'), format: 'xlsx' });
    expect(ok).toMatchObject({ ok: true, value: { rows: 30 } });
    const bad = await call('report/exportBatch', { batchId, path: '/tmp/elsewhere.xlsx' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'BAD_PATH' } });
  });
  it('validates arguments strictly', async () => {
    expect(await call('report/batchHtml', { batchId, extra: 1 })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await call('stats/nikSearch', { nik: '123' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
    expect(await call('stats/monthly', { year: '2024' })).toMatchObject({ ok: false, error: { code: 'BAD_ARGS' } });
  });
  it('answers html, monthly, nik search; refuses when signed out', async () => {
    const html = await call('report/batchHtml', { batchId });
    expect(html.ok && (html.value as { html: string }).html).toContain('BERITA ACARA');
    const m = await call('stats/monthly', { year: 2024 });
    expect(m.ok && (m.value as { total: number }).total).toBe(30);
    const s = await call('stats/nikSearch', { nik: '7372 1000 0007 1007' });
    expect(s.ok && (s.value as unknown[]).length).toBe(1);
    const missing = await call('report/batchHtml', { batchId: 999 });
    expect(missing).toMatchObject({ ok: false, error: { code: 'BATCH_NOT_FOUND' } });
    const out = createDispatch(handlers, ctx(false), () => {});
    expect(await out('stats/monthly', { year: 2024 })).toMatchObject({ ok: false, error: { code: 'NOT_SIGNED_IN' } });
  });
});

describe('CLI commands', () => {
  // The commands close the store they open: give each its own connection to the same file.
  const cli = { openStore: () => openStoreDb({ path: join(dir, 'store.db'), key: 'test' }), operator: 'admin', dataDir: dir };
  it('export writes the file; bad args and a missing batch exit 2', async () => {
    const log = vi.spyOn(console, 'error').mockImplementation(() => {});
    const out = join(dir, 'cli.csv');
    expect(await runExportCommand(['export', String(batchId), '--out', out], cli)).toBe(0);
    expect(readFileSync(out, 'utf8').startsWith('\ufeff"NO"')).toBe(true);
    expect(await runExportCommand(['abc', '--out', out], cli)).toBe(2);
    expect(await runExportCommand([String(batchId), '--out', 'x.pdf'], cli)).toBe(2);
    expect(await runExportCommand(['999', '--out', out], cli)).toBe(2);
    expect(log.mock.calls.flat().join('\n')).toMatch(/Batch 999 tidak ditemukan/);
    log.mockRestore();
  });
  it('stats prints the table and writes the workbook', async () => {
    const print = vi.spyOn(console, 'log').mockImplementation(() => {});
    expect(await runStatsCommand(['stats', '--year', '2024', '--out', join(dir, 's.xlsx')], cli)).toBe(0);
    expect(print.mock.calls.flat().join('\n')).toMatch(/Dinas Sosial\s+0\s+0\s+30/);
    expect(existsSync(join(dir, 's.xlsx'))).toBe(true);
    print.mockRestore();
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runStatsCommand(['--year', '24'], cli)).toBe(2);
    err.mockRestore();
  });
  it('report writes the PDF and prints the audit anchor it carries', async () => {
    const print = vi.spyOn(console, 'log').mockImplementation(() => {});
    const pdf = join(dir, 'ba.pdf');
    expect(await runReportCommand(['report', String(batchId), '--pdf', pdf], cli)).toBe(0);
    const said = print.mock.calls.flat().join('\n');
    print.mockRestore();
    expect(readFileSync(pdf).subarray(0, 5).toString()).toBe('%PDF-');
    const check = openStoreDb({ path: join(dir, 'store.db'), key: 'test' });
    const report = check.prepare(`SELECT detail FROM audit_log WHERE action = 'REPORT' ORDER BY id DESC LIMIT 1`).get() as { detail: string };
    const anchorId = (JSON.parse(report.detail) as { anchorId: number }).anchorId;
    const anchor = check.prepare('SELECT hash FROM audit_log WHERE id = ?').get(anchorId) as { hash: string };
    check.close();
    expect(said).toContain(`Jangkar log audit: entri #${anchorId} · ${anchor.hash.slice(0, 16)}`);
  }, 60_000);

  it('report checks its arguments', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    expect(await runReportCommand(['report', String(batchId)], cli)).toBe(2);
    expect(await runReportCommand(['report', String(batchId), '--pdf', 'x.pdf', '--bogus'], cli)).toBe(2);
    err.mockRestore();
  });
});
