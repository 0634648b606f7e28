// The domain vocabulary shared by the engine, the CLI and the renderer.
// Domain codes stay in Indonesian as the office uses them (domain.md §1, §5).

export const STATUSES = ['AKTIF', 'MENINGGAL', 'PINDAH', 'INVALID', 'BELUM_DIPERIKSA'] as const;
export type Status = (typeof STATUSES)[number];

export const REASONS = [
  'KOSONG',
  'FORMAT',
  'RUSAK_EXCEL',
  'TIDAK_DITEMUKAN',
  'NONAKTIF',
  'DOMISILI_LUAR_WILAYAH',
] as const;
export type Reason = (typeof REASONS)[number];

/** Data elements an agency may send next to the NIK; each is compared with SIAK. */
export const ELEMENTS = [
  'NAMA',
  'TMPT_LHR',
  'TGL_LHR',
  'JENIS_KELAMIN',
  'NO_KK',
  'NAMA_IBU',
  'ALAMAT',
  'RT',
  'RW',
  'KELURAHAN',
  'KECAMATAN',
] as const;
export type Element = (typeof ELEMENTS)[number];

export const ELEMENT_RESULTS = ['SESUAI', 'MIRIP', 'TIDAK_SESUAI', 'KOSONG'] as const;
export type ElementResult = (typeof ELEMENT_RESULTS)[number];

/** Columns an import can map: the NIK, every element, and TTL ("PAREPARE, 12-05-1980"). */
export const FIELDS = ['NIK', ...ELEMENTS, 'TTL'] as const;
export type Field = (typeof FIELDS)[number];

export const BATCH_STATES = [
  'IMPORTED', // stored, not matched yet
  'QUEUED', // waiting for the registry to answer again
  'MATCHING',
  'MATCHED',
  'EXPORTED',
  'PURGED', // personal data deleted at the end of retention
] as const;
export type BatchState = (typeof BATCH_STATES)[number];

export const CHANNELS = ['EMAIL', 'WHATSAPP', 'WEBSITE', 'FLASHDISK', 'SURAT', 'LAINNYA'] as const;
export type Channel = (typeof CHANNELS)[number];

export const ROLES = ['ADMIN', 'OPERATOR'] as const;
export type Role = (typeof ROLES)[number];

/** At most this many NIKs go to the registry in one query (Oracle IN-list limit). */
export const CHUNK_SIZE = 1000;

/** Default work area: Kota Parepare (domain.md §1). */
export const DEFAULT_WORK_AREA = '73.72';
