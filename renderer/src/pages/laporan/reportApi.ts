// The report and stats calls as this page uses them. The contract for these domains was being
// finished in shared/api/{report,stats}.ts while this page was built, so calls are reached
// through the client loosely and their results normalised here; the page itself stays typed.
//
// Where files go: app/chooseSavePath asks (a save dialog in the app; the data folder's ekspor/
// in the test bridge) and the page shows the path that came back.
import type { Result } from '../../../../shared/api/define.ts';
import { padan, unwrap } from '../../api.ts';

import type { MonthlyAgencyRow, MonthlyTable, NikAppearance } from '../../../../shared/api/stats.ts';
export type { MonthlyAgencyRow, MonthlyTable, NikAppearance };

/** Where a saved file went; null when the user cancelled the save dialog. */
export interface Saved {
  path: string;
  rows?: number;
  bytes?: number;
}

type Loose = Record<string, Record<string, ((args: unknown) => Promise<Result<unknown>>) | undefined> | undefined>;

async function invoke(domain: string, name: string, args: unknown): Promise<unknown> {
  const fn = (padan as unknown as Loose)[domain]?.[name];
  if (!fn) {
    const err = new Error(`Fungsi ${domain}/${name} belum tersedia di versi Padan ini. Perbarui aplikasi atau hubungi pengembang.`);
    (err as Error & { code?: string }).code = 'NOT_AVAILABLE';
    throw err;
  }
  return unwrap(fn(args));
}

function toSaved(v: unknown): Saved | null {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string') return { path: v };
  const o = v as { path?: string; out?: string; rows?: number; bytes?: number; cancelled?: boolean };
  if (o.cancelled) return null;
  const path = o.path ?? o.out;
  return path ? { path, rows: o.rows, bytes: o.bytes } : null;
}

/** Asks where to save (a dialog in the app; the data folder in the bridge); null: cancelled. */
async function savePath(name: string, ext: string): Promise<string | null> {
  const stamp = new Date().toISOString().slice(0, 16).replace(/[-:]/g, '').replace('T', '-');
  return (await unwrap(padan.app.chooseSavePath({ suggestedName: `${name}-${stamp}.${ext}` }))).path;
}

async function saveTo(name: string, ext: string, write: (path: string) => Promise<unknown>): Promise<Saved | null> {
  const path = await savePath(name, ext);
  return path === null ? null : toSaved(await write(path));
}

export const reportApi = {
  exportBatch: (batchId: number, format: 'xlsx' | 'csv') =>
    saveTo(`hasil-batch-${batchId}`, format, (path) => invoke('report', 'exportBatch', { batchId, format, path })),
  batchHtml: async (batchId: number, includeInvalid: boolean): Promise<string> => {
    const v = await invoke('report', 'batchHtml', { batchId, includeInvalid });
    return typeof v === 'string' ? v : (v as { html: string }).html;
  },
  batchPdf: (batchId: number, includeInvalid: boolean) =>
    saveTo(`berita-acara-batch-${batchId}`, 'pdf', (path) => invoke('report', 'batchPdf', { batchId, includeInvalid, path })),
  monthly: async (year: number) => (await invoke('stats', 'monthly', { year })) as MonthlyTable,
  exportMonthly: (year: number) => saveTo(`statistik-${year}`, 'xlsx', (path) => invoke('stats', 'exportMonthly', { year, path })),
  monthlyHtml: async (year: number): Promise<string> => {
    const v = await invoke('stats', 'monthlyHtml', { year });
    return typeof v === 'string' ? v : (v as { html: string }).html;
  },
  nikSearch: async (nik: string): Promise<NikAppearance[]> => {
    const v = await invoke('stats', 'nikSearch', { nik });
    return Array.isArray(v) ? (v as NikAppearance[]) : (v as { appearances: NikAppearance[] }).appearances;
  },
};
