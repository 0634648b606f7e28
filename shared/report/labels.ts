// Plain-Indonesian wording of the domain codes for what goes back to an agency (result file,
// berita acara, statistics). Browser-safe so the renderer's preview says the same words.
import type { Element, ElementResult, Reason, Status } from '../domain.ts';
import { ELEMENTS } from '../domain.ts';

export const STATUS_LABEL: Record<Status, string> = {
  AKTIF: 'AKTIF',
  MENINGGAL: 'MENINGGAL',
  PINDAH: 'PINDAH',
  INVALID: 'INVALID',
  BELUM_DIPERIKSA: 'BELUM DIPERIKSA',
};

/** What a status means, for the legend of the result file and the report. */
export const STATUS_MEANING: Record<Status, string> = {
  AKTIF: 'Ditemukan di SIAK, masih hidup dan berdomisili di Kota Parepare',
  MENINGGAL: 'Ditemukan di SIAK, tercatat meninggal dunia',
  PINDAH: 'Ditemukan di SIAK, tercatat pindah ke luar wilayah',
  INVALID: 'Tidak ada data yang dapat digunakan (kosong, salah format, rusak oleh Excel, tidak ditemukan, atau nonaktif)',
  BELUM_DIPERIKSA: 'Belum dapat diperiksa (SIAK tidak dapat dihubungi); bukan berarti tidak ditemukan',
};

export const REASON_TEXT: Record<Reason, string> = {
  KOSONG: 'NIK kosong',
  FORMAT: 'Format NIK tidak benar (bukan 16 digit yang sah)',
  RUSAK_EXCEL: 'NIK rusak oleh Excel (digit terakhir hilang)',
  TIDAK_DITEMUKAN: 'NIK tidak ditemukan di SIAK',
  NONAKTIF: 'NIK tidak aktif di SIAK',
  DOMISILI_LUAR_WILAYAH: 'Berdomisili di luar wilayah Kota Parepare',
};

/** Element names as a sentence uses them (lower case; capitalised at sentence start). */
export const ELEMENT_TEXT: Record<Element, string> = {
  NAMA: 'nama',
  TMPT_LHR: 'tempat lahir',
  TGL_LHR: 'tanggal lahir',
  JENIS_KELAMIN: 'jenis kelamin',
  NO_KK: 'nomor KK',
  NAMA_IBU: 'nama ibu kandung',
  ALAMAT: 'alamat',
  RT: 'RT',
  RW: 'RW',
  KELURAHAN: 'kelurahan',
  KECAMATAN: 'kecamatan',
};

/** Column header words for an element (upper case, as agencies write headers). */
export const ELEMENT_HEADER: Record<Element, string> = {
  NAMA: 'NAMA',
  TMPT_LHR: 'TEMPAT LAHIR',
  TGL_LHR: 'TANGGAL LAHIR',
  JENIS_KELAMIN: 'JENIS KELAMIN',
  NO_KK: 'NO KK',
  NAMA_IBU: 'NAMA IBU',
  ALAMAT: 'ALAMAT',
  RT: 'RT',
  RW: 'RW',
  KELURAHAN: 'KELURAHAN',
  KECAMATAN: 'KECAMATAN',
};

export const ELEMENT_RESULT_LABEL: Record<ElementResult, string> = {
  SESUAI: 'SESUAI',
  MIRIP: 'MIRIP',
  TIDAK_SESUAI: 'TIDAK SESUAI',
  KOSONG: 'KOSONG',
};

const capitalise = (s: string): string => (s ? s[0]!.toUpperCase() + s.slice(1) : s);

export interface KeteranganInput {
  status: Status;
  reason: Reason | null;
  elements: Partial<Record<Element, ElementResult>>;
  elementChoice?: Partial<Record<Element, 'AGENCY' | 'SIAK'>>;
  repairedNik?: boolean;
}

/**
 * One sentence an agency's clerk can read: why the row is not AKTIF, and which elements
 * differ, e.g. "Nama mirip; tanggal lahir tidak sesuai".
 */
export function keterangan(k: KeteranganInput): string {
  const parts: string[] = [];
  if (k.reason) parts.push(REASON_TEXT[k.reason] ?? k.reason);
  else if (k.status === 'MENINGGAL') parts.push('Tercatat meninggal dunia');
  else if (k.status === 'PINDAH') parts.push('Tercatat pindah ke luar wilayah');
  else if (k.status === 'BELUM_DIPERIKSA') parts.push('Belum diperiksa karena SIAK tidak dapat dihubungi');
  if (k.repairedNik) parts.push('NIK diperbaiki petugas Dukcapil');
  for (const el of ELEMENTS) {
    const r = k.elements[el];
    if (r !== 'MIRIP' && r !== 'TIDAK_SESUAI') continue;
    const choice = k.elementChoice?.[el];
    const note = choice === 'AGENCY' ? ' (diterima petugas)' : choice === 'SIAK' ? ' (ikuti data SIAK)' : '';
    parts.push(`${ELEMENT_TEXT[el]} ${r === 'MIRIP' ? 'mirip' : 'tidak sesuai'}${note}`);
  }
  if (!parts.length) return k.status === 'AKTIF' ? 'Data sesuai' : '';
  return parts.map((p, i) => (i === 0 ? capitalise(p) : p)).join('; ');
}

/** 1..12 -> Indonesian month names, for dates written in documents. */
export const MONTHS_ID = [
  'Januari', 'Februari', 'Maret', 'April', 'Mei', 'Juni',
  'Juli', 'Agustus', 'September', 'Oktober', 'November', 'Desember',
] as const;
export const MONTHS_SHORT_ID = ['Jan', 'Feb', 'Mar', 'Apr', 'Mei', 'Jun', 'Jul', 'Agu', 'Sep', 'Okt', 'Nov', 'Des'] as const;

/** "2024-05-12" or an ISO timestamp -> "12 Mei 2024"; anything else as given. */
export function tanggalId(v: string | null | undefined): string {
  if (!v) return '-';
  const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(v);
  if (!m) return v;
  return `${Number(m[3])} ${MONTHS_ID[Number(m[2]) - 1] ?? m[2]} ${m[1]}`;
}
