// Errors of the local store, each with a message in Indonesian that says what to do.
export type StoreErrorCode =
  | 'STORE_WRONG_KEY'
  | 'STORE_MIGRATION_EDITED'
  | 'STORE_NEWER_SCHEMA'
  | 'STORE_DISK_FULL'
  | 'STORE_READ_ONLY'
  | 'STORE_LOCKED'
  | 'STORE_APPEND_ONLY';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}

/** Turns SQLite failures that a user can act on into a StoreError; others pass through. */
export function toStoreError(err: unknown): unknown {
  const code = (err as { code?: string }).code ?? '';
  const msg = (err as Error).message ?? '';
  if (code === 'SQLITE_NOTADB' || /file is not a database/i.test(msg)) {
    return new StoreError(
      'STORE_WRONG_KEY',
      'Basis data lokal tidak dapat dibuka: kunci enkripsi salah atau berkas rusak. ' +
        'Periksa PADAN_DB_KEY / berkas kunci di folder data, atau pulihkan dari cadangan.',
    );
  }
  if (code === 'SQLITE_FULL') {
    return new StoreError(
      'STORE_DISK_FULL',
      'Disk penuh: data tidak dapat disimpan. Kosongkan ruang disk lalu ulangi; tidak ada data yang hilang.',
    );
  }
  if (code === 'SQLITE_READONLY' || code === 'SQLITE_CANTOPEN') {
    return new StoreError(
      'STORE_READ_ONLY',
      'Folder data tidak dapat ditulis. Periksa izin folder data Padan atau pilih folder lain.',
    );
  }
  if (code === 'SQLITE_BUSY') {
    return new StoreError(
      'STORE_LOCKED',
      'Basis data sedang dipakai proses lain (aplikasi Padan yang terbuka?). Tutup proses itu lalu ulangi.',
    );
  }
  if (code === 'SQLITE_CONSTRAINT_TRIGGER' && /append-only/.test(msg)) {
    return new StoreError('STORE_APPEND_ONLY', 'Log audit dan log koreksi tidak dapat diubah atau dihapus.');
  }
  return err;
}
