// Berita acara pemadanan data kependudukan: the document the office head signs for one batch.
// One builder for the app's preview (renderer), Electron's printToPDF and the CLI's Chromium.
import type { Reason, Status } from '../domain.ts';
import { REASONS, STATUSES } from '../domain.ts';
import { REASON_TEXT, STATUS_LABEL, STATUS_MEANING, tanggalId } from './labels.ts';
import { DEFAULT_OFFICE, esc, fmt, letterhead, page, type OfficeInfo } from './print.ts';

export interface BatchReportData {
  batch: {
    id: number; agencyName: string; programName: string | null; letterNo: string | null; receivedOn: string | null;
    channel: string | null; purpose: string | null; fileName: string; createdAt: string; matchedAt: string | null;
    registryLabel: string | null;
  };
  counts: { rows: number; status: Record<Status, number>; reason: Record<string, number> };
  /** Corrections per operator and kind (the corrections log). */
  corrections: { operator: string; kind: string; count: number }[];
  /** Present when the INVALID rows are to be listed. */
  invalidRows?: { rowNo: number; nikInput: string; name: string; reason: Reason | null }[];
  generatedAt: string;
  operator: string;
  /** Operator's name as signed (display name), when known. */
  operatorName?: string | null;
  office?: OfficeInfo;
  /**
   * Audit anchor: the last audit entry before the report's own REPORT entry (the head when
   * the data was gathered). Printed so the signed paper can later show a cut or rewritten log.
   */
  auditAnchor?: { id: number; hash: string } | null;
}

/** Hex characters of the anchor hash printed; the Audit page accepts 12 or more. */
export const ANCHOR_HEX = 16;

const KIND_TEXT: Record<string, string> = {
  NIK_CANDIDATE: 'NIK diperbaiki dari kandidat',
  NIK_MANUAL: 'NIK diperbaiki manual',
  UNREPAIRABLE: 'Ditandai tidak dapat diperbaiki',
  ELEMENT_CHOICE: 'Pilihan nilai elemen',
  UNDO: 'Pembatalan koreksi',
};

export const reportNumber = (d: BatchReportData): string =>
  `470/${d.batch.id}/BA-PDN/Disdukcapil/${(d.batch.matchedAt ?? d.generatedAt).slice(0, 4)}`;

export function buildBatchReportHtml(d: BatchReportData): string {
  const o = d.office ?? DEFAULT_OFFICE;
  const b = d.batch;
  const meta: [string, string][] = [
    ['Instansi pemohon', b.agencyName],
    ['Program', b.programName ?? '-'],
    ['Nomor surat permohonan', b.letterNo ?? '-'],
    ['Tanggal surat diterima', tanggalId(b.receivedOn)],
    ['Saluran penerimaan', b.channel ?? '-'],
    ['Keperluan', b.purpose ?? '-'],
    ['Nama berkas', b.fileName],
    ['Tanggal impor', tanggalId(b.createdAt)],
    ['Tanggal pemadanan', tanggalId(b.matchedAt)],
    ['Jumlah data (NIK) diterima', fmt(d.counts.rows)],
  ];
  const statusRows = STATUSES.filter((s) => s !== 'BELUM_DIPERIKSA' || d.counts.status[s] > 0)
    .map((s) => {
      const n = d.counts.status[s] ?? 0;
      const pct = d.counts.rows ? ((100 * n) / d.counts.rows).toFixed(1).replace('.', ',') : '0';
      return `<tr><td>${esc(STATUS_LABEL[s])}</td><td>${esc(STATUS_MEANING[s])}</td><td class="n">${fmt(n)}</td><td class="n">${pct}%</td></tr>`;
    })
    .join('');
  const reasons = REASONS.filter((r) => d.counts.reason[r]);
  const reasonRows = reasons.length
    ? reasons.map((r) => `<tr><td>${esc(REASON_TEXT[r])}</td><td class="n">${fmt(d.counts.reason[r]!)}</td></tr>`).join('')
    : '<tr><td colspan="2">Tidak ada</td></tr>';
  const corr = d.corrections.length
    ? d.corrections
        .map((c) => `<tr><td>${esc(c.operator)}</td><td>${esc(KIND_TEXT[c.kind] ?? c.kind)}</td><td class="n">${fmt(c.count)}</td></tr>`)
        .join('') +
      `<tr class="total"><td colspan="2">Jumlah</td><td class="n">${fmt(d.corrections.reduce((a, c) => a + c.count, 0))}</td></tr>`
    : '<tr><td colspan="3">Tidak ada koreksi oleh petugas</td></tr>';
  const invalid = d.invalidRows
    ? `<h2 class="lampiran">Lampiran: Daftar data INVALID (${fmt(d.invalidRows.length)} baris)</h2>
<table><thead><tr><th>Baris</th><th>NIK sebagaimana dikirim</th><th>Nama</th><th>Alasan</th></tr></thead><tbody>
${d.invalidRows.map((r) => `<tr><td class="n">${r.rowNo}</td><td class="mono">${esc(r.nikInput || '(kosong)')}</td><td>${esc(r.name)}</td><td>${esc(r.reason ? REASON_TEXT[r.reason] ?? r.reason : '-')}</td></tr>`).join('')}
</tbody></table>`
    : '';
  const anchor = d.auditAnchor
    ? `<div class="anchor"><div>Jangkar log audit: entri #${d.auditAnchor.id} · <span class="mono">${esc(d.auditAnchor.hash.slice(0, ANCHOR_HEX))}</span></div>
<div>Cocokkan di menu Audit untuk memastikan log audit tidak diubah atau dipotong sejak berita acara ini dicetak.</div></div>`
    : '';
  const today = tanggalId(d.generatedAt);
  const body = `${letterhead(o)}
<h1>BERITA ACARA PEMADANAN DATA KEPENDUDUKAN</h1>
<div class="nomor">Nomor: ${esc(reportNumber(d))}</div>
<p>Pada hari ini, tanggal ${esc(today)}, Dinas Kependudukan dan Pencatatan Sipil Kota Parepare telah melakukan
pemadanan data kependudukan atas permohonan instansi berikut terhadap basis data kependudukan (SIAK):</p>
<table class="meta">${meta.map(([k, v]) => `<tr><td>${esc(k)}</td><td>:</td><td>${esc(v)}</td></tr>`).join('')}</table>
<h2>A. Hasil pemadanan per status</h2>
<table><thead><tr><th>Status</th><th>Keterangan</th><th class="n">Jumlah</th><th class="n">%</th></tr></thead>
<tbody>${statusRows}</tbody><tfoot><tr><td colspan="2">Jumlah</td><td class="n">${fmt(d.counts.rows)}</td><td class="n">100%</td></tr></tfoot></table>
<h2>B. Rincian alasan</h2>
<table><thead><tr><th>Alasan</th><th class="n">Jumlah</th></tr></thead><tbody>${reasonRows}</tbody></table>
<h2>C. Koreksi oleh petugas</h2>
<table><thead><tr><th>Petugas</th><th>Jenis koreksi</th><th class="n">Jumlah</th></tr></thead><tbody>${corr}</tbody></table>
<p>Hasil pemadanan diberikan dalam bentuk status dan keterangan SESUAI / TIDAK SESUAI per elemen data, sesuai
Pasal 79 Undang-Undang Nomor 24 Tahun 2013. Data pribadi diproses hanya untuk keperluan tersebut di atas dan
dihapus setelah masa retensi berakhir sesuai Undang-Undang Nomor 27 Tahun 2022.</p>
<div class="closing">
<p>Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya.</p>
<div class="signs">
<div class="box"><div>&nbsp;</div><div>Petugas Pemadanan,</div><div class="space"></div>
<div class="name">${esc(d.operatorName ?? d.operator)}</div><div>NIP. ....................................</div></div>
<div class="box"><div>${esc(o.city)}, ${esc(today)}</div><div>${esc(o.headTitle)},</div><div class="space"></div>
<div class="name">${esc(o.headName ?? '....................................')}</div><div>NIP. ${esc(o.headNip ?? '....................................')}</div></div>
</div>
${anchor}
</div>
${invalid}`;
  return page(`Berita Acara Pemadanan Batch ${b.id}`, body);
}
