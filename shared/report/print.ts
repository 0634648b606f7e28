// Shared pieces of the printable documents: escaping, A4 print CSS, the office letterhead,
// and the PDF footer with page numbers (Chromium's page.pdf and Electron's printToPDF both
// take this footerTemplate). Browser-safe.

export function esc(v: unknown): string {
  return String(v ?? '').replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);
}

export const fmt = (n: number): string => n.toLocaleString('id-ID');

/** Who signs and where the office is; from settings key "office" when set. */
export interface OfficeInfo {
  government: string;
  office: string;
  address: string;
  city: string;
  headTitle: string;
  headName: string | null;
  headNip: string | null;
}

export const DEFAULT_OFFICE: OfficeInfo = {
  government: 'PEMERINTAH KOTA PAREPARE',
  office: 'DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL',
  address: 'Kota Parepare, Provinsi Sulawesi Selatan',
  city: 'Parepare',
  headTitle: 'Kepala Dinas Kependudukan dan Pencatatan Sipil Kota Parepare',
  headName: null,
  headNip: null,
};

export const PRINT_CSS = `
@page { size: A4; margin: 18mm 18mm 20mm 22mm; }
* { box-sizing: border-box; }
body { font-family: 'Times New Roman', 'Liberation Serif', 'DejaVu Serif', serif; font-size: 11.5pt; color: #000; margin: 0; line-height: 1.35; }
.kop { display: flex; align-items: center; gap: 14px; border-bottom: 3px double #000; padding-bottom: 8px; margin-bottom: 14px; }
.kop .logo { width: 62px; height: 70px; flex: none; }
.kop .text { flex: 1; text-align: center; }
.kop .gov { font-size: 13pt; font-weight: bold; letter-spacing: .5px; }
.kop .office { font-size: 13.5pt; font-weight: bold; letter-spacing: .3px; }
.kop .addr { font-size: 9.5pt; font-style: italic; }
h1 { font-size: 12.5pt; text-align: center; text-decoration: underline; margin: 6px 0 0; letter-spacing: .3px; }
.nomor { text-align: center; margin: 2px 0 14px; }
h2 { font-size: 11.5pt; margin: 14px 0 6px; page-break-after: avoid; }
h2.lampiran { page-break-before: always; }
p { margin: 6px 0; text-align: justify; }
table { border-collapse: collapse; width: 100%; margin: 4px 0 8px; page-break-inside: auto; }
tr { page-break-inside: avoid; }
th, td { border: 1px solid #000; padding: 3px 6px; vertical-align: top; font-size: 10.5pt; }
th { background: #e8e8e8; text-align: center; }
td.n, th.n { text-align: right; white-space: nowrap; }
table.meta td { border: none; padding: 1px 4px; font-size: 11pt; }
table.meta td:first-child { width: 36%; }
table.meta td:nth-child(2) { width: 12px; }
tfoot td, tr.total td { font-weight: bold; background: #f2f2f2; }
.sw { display: inline-block; width: 10px; height: 10px; border: 1px solid #000; margin-right: 5px; vertical-align: middle; }
.signs { display: flex; justify-content: space-between; margin-top: 26px; page-break-inside: avoid; }
.signs .box { width: 46%; text-align: center; display: flex; flex-direction: column; }
/* The space grows in the shorter box, so both names and NIPs sit on the same lines. */
.signs .space { flex: 1 0 70px; }
.signs .name { font-weight: bold; text-decoration: underline; }
.note { font-size: 9.5pt; color: #333; }
/* The closing sentence, signatures and audit anchor stay on one page: the anchor belongs to what is signed. */
.closing { page-break-inside: avoid; break-inside: avoid; }
.anchor { margin-top: 22px; padding-top: 4px; border-top: 1px solid #999; font-size: 9pt; color: #333; line-height: 1.35; page-break-inside: avoid; }
.anchor .mono { font-size: 8.5pt; letter-spacing: .3px; }
.mono { font-family: 'DejaVu Sans Mono', 'Courier New', monospace; font-size: 9.5pt; }
@media screen { body { max-width: 210mm; margin: 10mm auto; padding: 0 12mm; background: #fff; } }
`;

/** A plain shield as the letterhead mark: no external image, nothing to fetch when printing. */
const LOGO = `<svg class="logo" viewBox="0 0 62 70" xmlns="http://www.w3.org/2000/svg" aria-hidden="true">
<path d="M31 2 L58 10 L58 34 C58 52 46 62 31 68 C16 62 4 52 4 34 L4 10 Z" fill="none" stroke="#000" stroke-width="2.5"/>
<text x="31" y="32" text-anchor="middle" font-family="serif" font-size="11" font-weight="bold">KOTA</text>
<text x="31" y="46" text-anchor="middle" font-family="serif" font-size="9" font-weight="bold">PAREPARE</text></svg>`;

export function letterhead(o: OfficeInfo): string {
  return `<header class="kop">${LOGO}<div class="text"><div class="gov">${esc(o.government)}</div>
<div class="office">${esc(o.office)}</div><div class="addr">${esc(o.address)}</div></div><div style="width:62px"></div></header>`;
}

/** Footer for page.pdf / printToPDF: document name left, "Halaman x dari y" right. */
export function pdfFooter(label: string): string {
  return `<div style="font-size:8pt;font-family:serif;width:100%;padding:0 18mm 0 22mm;display:flex;justify-content:space-between;">
<span>${esc(label)}</span><span>Halaman <span class="pageNumber"></span> dari <span class="totalPages"></span></span></div>`;
}

export function page(title: string, body: string): string {
  return `<!DOCTYPE html><html lang="id"><head><meta charset="utf-8"><title>${esc(title)}</title>
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src data:">
<style>${PRINT_CSS}</style></head><body>${body}</body></html>`;
}
