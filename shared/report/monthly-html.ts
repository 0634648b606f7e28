// Monthly statistics as a printable page: agency rows x months, totals, statuses, and an
// inline SVG bar chart (no chart library, nothing fetched when printing). Browser-safe.
import { STATUSES, type Status } from '../domain.ts';
import { MONTHS_SHORT_ID, STATUS_LABEL, tanggalId } from './labels.ts';
import { DEFAULT_OFFICE, esc, fmt, letterhead, page, type OfficeInfo } from './print.ts';
import { countAxis } from './axis.ts';

/** Same shape as electron/stats/monthly.ts MonthlyTable. */
export interface MonthlyTableData {
  year: number;
  rows: { agency: string; months: number[]; total: number; batches: number; status: Record<Status, number> }[];
  monthTotals: number[];
  total: number;
  batches: number;
  status: Record<Status, number>;
}

export function monthlyChartSvg(t: MonthlyTableData): string {
  const W = 640, H = 200, left = 48, bottom = 24, top = 12;
  const axis = countAxis(Math.max(0, ...t.monthTotals));
  const ceil = axis.top;
  const bw = (W - left - 8) / 12;
  const y = (v: number) => top + (H - top - bottom) * (1 - v / ceil);
  const grid = axis.ticks
    .map((v) => `<line x1="${left}" x2="${W - 4}" y1="${y(v)}" y2="${y(v)}" stroke="#ccc" stroke-width="0.6"/>` +
      `<text x="${left - 4}" y="${y(v) + 3}" font-size="8" text-anchor="end">${fmt(v)}</text>`)
    .join('');
  const bars = t.monthTotals
    .map((v, i) => {
      const x = left + i * bw + bw * 0.15;
      return `<rect x="${x.toFixed(1)}" y="${y(v).toFixed(1)}" width="${(bw * 0.7).toFixed(1)}" height="${(y(0) - y(v)).toFixed(1)}" fill="#4a6fa5"/>` +
        (v ? `<text x="${(x + bw * 0.35).toFixed(1)}" y="${(y(v) - 2).toFixed(1)}" font-size="7.5" text-anchor="middle">${fmt(v)}</text>` : '') +
        `<text x="${(x + bw * 0.35).toFixed(1)}" y="${H - 10}" font-size="8.5" text-anchor="middle">${MONTHS_SHORT_ID[i]}</text>`;
    })
    .join('');
  return `<svg viewBox="0 0 ${W} ${H}" width="100%" style="max-height:50mm" xmlns="http://www.w3.org/2000/svg" role="img" aria-label="Jumlah NIK diproses per bulan">${grid}${bars}</svg>`;
}

export function buildMonthlyHtml(t: MonthlyTableData, opts: { office?: OfficeInfo; generatedAt?: string } = {}): string {
  const o = opts.office ?? DEFAULT_OFFICE;
  const head = `<tr><th>No</th><th style="width:24%">Instansi</th>${MONTHS_SHORT_ID.map((m) => `<th class="n">${m}</th>`).join('')}<th class="n">Jumlah</th></tr>`;
  const rows = t.rows.length
    ? t.rows
        .map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.agency)}</td>${r.months.map((v) => `<td class="n">${v ? fmt(v) : '-'}</td>`).join('')}<td class="n"><b>${fmt(r.total)}</b></td></tr>`)
        .join('')
    : `<tr><td colspan="15">Belum ada batch yang diproses pada tahun ${t.year}.</td></tr>`;
  const totals = `<tr class="total"><td></td><td>Jumlah</td>${t.monthTotals.map((v) => `<td class="n">${fmt(v)}</td>`).join('')}<td class="n">${fmt(t.total)}</td></tr>`;
  const statusHead = `<tr><th>No</th><th style="width:30%">Instansi</th><th class="n">Batch</th>${STATUSES.map((s) => `<th class="n">${esc(STATUS_LABEL[s])}</th>`).join('')}<th class="n">Jumlah</th></tr>`;
  const statusRows = t.rows
    .map((r, i) => `<tr><td class="n">${i + 1}</td><td>${esc(r.agency)}</td><td class="n">${fmt(r.batches)}</td>${STATUSES.map((s) => `<td class="n">${fmt(r.status[s])}</td>`).join('')}<td class="n"><b>${fmt(r.total)}</b></td></tr>`)
    .join('');
  const statusTotal = `<tr class="total"><td></td><td>Jumlah</td><td class="n">${fmt(t.batches)}</td>${STATUSES.map((s) => `<td class="n">${fmt(t.status[s])}</td>`).join('')}<td class="n">${fmt(t.total)}</td></tr>`;
  const body = `${letterhead(o)}
<h1>REKAPITULASI PEMADANAN DATA KEPENDUDUKAN TAHUN ${t.year}</h1>
<div class="nomor">Jumlah NIK yang diproses per instansi per bulan (bulan pemadanan)</div>
<table style="font-size:9.5pt"><thead>${head}</thead><tbody>${rows}${totals}</tbody></table>
<h2>Grafik jumlah NIK diproses per bulan</h2>
${monthlyChartSvg(t)}
<h2>Hasil per status</h2>
<table><thead>${statusHead}</thead><tbody>${statusRows}${statusTotal}</tbody></table>
<p class="note">Dihitung dari ringkasan per batch yang tetap tersimpan setelah data pribadi dihapus pada akhir masa retensi.
Dicetak ${esc(tanggalId(opts.generatedAt ?? new Date().toISOString()))}.</p>
<div class="signs"><div class="box"></div><div class="box"><div>${esc(o.city)}, ${esc(tanggalId(opts.generatedAt ?? new Date().toISOString()))}</div>
<div>${esc(o.headTitle)},</div><div class="space"></div><div class="name">${esc(o.headName ?? '....................................')}</div>
<div>NIP. ${esc(o.headNip ?? '....................................')}</div></div></div>`;
  return page(`Rekapitulasi pemadanan ${t.year}`, body);
}
