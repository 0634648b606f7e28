// Monthly statistics to a workbook (sheetjs-style, writing only) and to printable HTML/PDF.
import { writeFileSync } from 'node:fs';
import type XlsxStyle from 'sheetjs-style';
import { lazyModule } from '../lazy-module.ts';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { STATUSES } from '../../shared/domain.ts';
import { MONTHS_SHORT_ID, STATUS_LABEL } from '../../shared/report/labels.ts';
import { buildMonthlyHtml } from '../../shared/report/monthly-html.ts';
import { BOLD_STYLE, HEADER_STYLE, TITLE_STYLE } from '../export/styles.ts';
import { columnLetters } from '../export/xlsx-result.ts';
import { officeInfo } from '../report/index.ts';
import { appendAudit } from '../store/audit.ts';
import { monthlyStats, type MonthlyTable } from './monthly.ts';

const XLSX = lazyModule<typeof XlsxStyle>('sheetjs-style');

type X = string | number | { v: string | number; s: Record<string, unknown> };

function sheet(rows: X[][], widths: number[]): Record<string, unknown> {
  const L = columnLetters(Math.max(...rows.map((r) => r.length), widths.length));
  const ws: Record<string, unknown> = {};
  rows.forEach((row, r) =>
    row.forEach((x, c) => {
      const v = typeof x === 'object' ? x.v : x;
      const cell: Record<string, unknown> = { t: typeof v === 'number' ? 'n' : 's', v };
      if (typeof x === 'object') cell.s = x.s;
      ws[L[c]! + (r + 1)] = cell;
    }),
  );
  ws['!ref'] = `A1:${L[L.length - 1]}${rows.length}`;
  ws['!cols'] = widths.map((wch) => ({ wch }));
  return ws;
}

export function monthlyWorkbook(t: MonthlyTable): Record<string, unknown> {
  const h = (v: string) => ({ v, s: HEADER_STYLE });
  const b = (v: string | number) => ({ v, s: BOLD_STYLE });
  const perMonth: X[][] = [
    [{ v: `REKAPITULASI PEMADANAN DATA KEPENDUDUKAN TAHUN ${t.year}`, s: TITLE_STYLE }],
    ['Dinas Kependudukan dan Pencatatan Sipil Kota Parepare - jumlah NIK diproses per bulan pemadanan'],
    [],
    [h('NO'), h('INSTANSI'), ...MONTHS_SHORT_ID.map((m) => h(m.toUpperCase())), h('JUMLAH')],
    ...t.rows.map((r, i) => [i + 1, r.agency, ...r.months, b(r.total)]),
    [b(''), b('JUMLAH'), ...t.monthTotals.map((v) => b(v)), b(t.total)],
  ];
  const perStatus: X[][] = [
    [{ v: `HASIL PER STATUS TAHUN ${t.year}`, s: TITLE_STYLE }],
    [],
    [h('NO'), h('INSTANSI'), h('BATCH'), ...STATUSES.map((s) => h(STATUS_LABEL[s])), h('JUMLAH')],
    ...t.rows.map((r, i) => [i + 1, r.agency, r.batches, ...STATUSES.map((s) => r.status[s]), b(r.total)]),
    [b(''), b('JUMLAH'), b(t.batches), ...STATUSES.map((s) => b(t.status[s])), b(t.total)],
  ];
  return {
    SheetNames: ['Per Bulan', 'Per Status'],
    Sheets: { 'Per Bulan': sheet(perMonth, [5, 36, ...Array(12).fill(8), 10]), 'Per Status': sheet(perStatus, [5, 36, 8, 10, 12, 10, 10, 16, 10]) },
  };
}

export function exportMonthly(db: Database, year: number, out: string, operator: string): { out: string; bytes: number } {
  const t = monthlyStats(db, year);
  const buf = XLSX().write(monthlyWorkbook(t) as never, { type: 'buffer', bookType: 'xlsx', compression: true }) as Buffer;
  writeFileSync(out, buf);
  appendAudit(db, { operator, action: 'STATS_EXPORT', detail: { year, file: out.split(/[\\/]/).pop(), agencies: t.rows.length } });
  return { out, bytes: buf.length };
}

export function monthlyHtml(db: Database, year: number): string {
  return buildMonthlyHtml(monthlyStats(db, year), { office: officeInfo(db) });
}
