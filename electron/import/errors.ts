// Every way an import can fail, each with an Indonesian message saying what is wrong and
// what to do next. The code is stable (UI, CLI, tests); the message is for people.

export type ImportErrorCode =
  | 'FILE_NOT_FOUND'
  | 'EMPTY_FILE'
  | 'FILE_TOO_LARGE'
  | 'UNPACKED_TOO_LARGE'
  | 'OUT_OF_MEMORY'
  | 'TOO_MANY_ROWS'
  | 'TOO_MANY_COLUMNS'
  | 'CELL_TOO_LONG'
  | 'CSV_UNCLOSED_QUOTE'
  | 'PARSE_TIMEOUT'
  | 'PASSWORD_PROTECTED'
  | 'CORRUPT_FILE'
  | 'NOT_A_SPREADSHEET'
  | 'NO_SHEETS'
  | 'SHEET_NOT_FOUND'
  | 'EMPTY_SHEET'
  | 'NO_HEADER'
  | 'NO_NIK_COLUMN'
  | 'BAD_MAP'
  | 'DUPLICATE_FILE'
  | 'UNKNOWN_AGENCY';

export class ImportError extends Error {
  override readonly name = 'ImportError';
  constructor(
    readonly code: ImportErrorCode,
    message: string,
    /** Machine-readable facts, e.g. { batchId } for DUPLICATE_FILE. */
    readonly data: Record<string, unknown> = {},
  ) {
    super(message);
  }
}

const mb = (bytes: number): string => `${Math.round((bytes / 1024 / 1024) * 10) / 10} MB`;

export const importErrors = {
  notFound: (file: string) =>
    new ImportError('FILE_NOT_FOUND', `Berkas "${file}" tidak ditemukan atau tidak dapat dibuka. Periksa lokasi berkas lalu coba lagi.`),
  empty: () => new ImportError('EMPTY_FILE', 'Berkas kosong (0 byte). Minta instansi mengirim ulang berkasnya.'),
  tooLarge: (size: number, max: number) =>
    new ImportError('FILE_TOO_LARGE', `Berkas berukuran ${mb(size)}, melebihi batas ${mb(max)}. Pecah berkas menjadi beberapa berkas yang lebih kecil, lalu impor satu per satu.`),
  unpackedTooLarge: (size: number, max: number) =>
    new ImportError('UNPACKED_TOO_LARGE', `Isi berkas setelah dibuka berukuran ${mb(size)}, melebihi batas ${mb(max)}. Berkas ini tidak wajar (mungkin berbahaya); minta instansi menyimpan ulang datanya sebagai .xlsx biasa.`),
  outOfMemory: () =>
    new ImportError('OUT_OF_MEMORY', 'Berkas terlalu besar atau terlalu rumit untuk dibaca dengan aman. Simpan ulang hanya lembar yang berisi data (tanpa gambar dan format berlebih), atau pecah menjadi beberapa berkas.'),
  tooManyRows: (sheet: string, max: number) =>
    new ImportError('TOO_MANY_ROWS', `Lembar "${sheet}" berisi lebih dari ${max.toLocaleString('id-ID')} baris. Pecah data menjadi beberapa berkas lalu impor satu per satu.`),
  tooManyColumns: (sheet: string, cols: number, max: number) =>
    new ImportError('TOO_MANY_COLUMNS', `Lembar "${sheet}" berisi ${cols.toLocaleString('id-ID')} kolom, melebihi batas ${max.toLocaleString('id-ID')}. Hapus kolom yang tidak diperlukan lalu coba lagi.`),
  cellTooLong: (max: number) =>
    new ImportError('CELL_TOO_LONG', `Berkas berisi sel atau baris teks yang lebih panjang dari ${max.toLocaleString('id-ID')} karakter. Ini bukan daftar data yang wajar; periksa berkasnya atau minta instansi mengirim ulang.`),
  unclosedQuote: (line: number) =>
    new ImportError('CSV_UNCLOSED_QUOTE', `Tanda petik (") yang dibuka di baris ${line.toLocaleString('id-ID')} berkas CSV tidak ditutup, sehingga baris-baris sesudahnya akan terbaca sebagai satu sel. Perbaiki tanda petik di baris itu (tutup atau hapus), atau buka berkas asli di Excel lalu simpan ulang sebagai CSV.`, { line }),
  timeout: (seconds: number) =>
    new ImportError('PARSE_TIMEOUT', `Pembacaan berkas dihentikan karena melebihi ${seconds} detik. Berkas mungkin terlalu besar atau rusak; simpan ulang sebagai .xlsx atau pecah menjadi beberapa berkas.`),
  password: () =>
    new ImportError('PASSWORD_PROTECTED', 'Berkas dilindungi kata sandi. Minta kata sandinya ke instansi pengirim, buka berkasnya, simpan salinan tanpa kata sandi, lalu impor salinan itu. Di Excel: File > Info > Protect Workbook > Encrypt with Password, kosongkan. Di LibreOffice: File > Save As, hapus centang "Save with password".'),
  corrupt: (why?: string) =>
    new ImportError('CORRUPT_FILE', `Berkas rusak dan tidak dapat dibaca${why ? ` (${why})` : ''}. Coba buka di Excel/LibreOffice lalu simpan ulang, atau minta instansi mengirim ulang.`),
  notSpreadsheet: () =>
    new ImportError('NOT_A_SPREADSHEET', 'Berkas ini bukan lembar kerja (bukan .xlsx, .xls, .ods, atau .csv). Pilih berkas data dari instansi, atau minta dikirim dalam format Excel.'),
  noSheets: () => new ImportError('NO_SHEETS', 'Berkas tidak berisi lembar data. Periksa berkasnya atau minta instansi mengirim ulang.'),
  sheetNotFound: (sheet: string, names: string[]) =>
    new ImportError('SHEET_NOT_FOUND', `Lembar "${sheet}" tidak ada. Lembar yang tersedia: ${names.map((n) => `"${n}"`).join(', ')}.`),
  // noHeader and noNik name the CLI's flags; the wizard never shows them (it previews such a
  // sheet for the user to fix by hand, see prepare.ts `review`) and has its own texts below.
  noHeader: (sheet: string) =>
    new ImportError('NO_HEADER', `Baris judul kolom (NIK, NAMA, ...) tidak ditemukan di lembar "${sheet}". Tentukan nomor baris judul secara manual (mis. --header-row 3).`),
  noNik: () =>
    new ImportError('NO_NIK_COLUMN', 'Kolom NIK tidak ditemukan. Tentukan kolomnya secara manual (mis. --map NIK=B).'),
  emptySheet: (sheet: string) =>
    new ImportError('EMPTY_SHEET', `Lembar "${sheet}" tidak berisi data. Kembali ke langkah Lembar dan pilih lembar yang berisi daftar NIK.`),
  headerRowOutside: (sheet: string, row: number, last: number) =>
    new ImportError('NO_HEADER', `Baris ${row.toLocaleString('id-ID')} tidak ada: lembar "${sheet}" hanya sampai baris ${last.toLocaleString('id-ID')}. Isi nomor baris judul kolom yang benar.`),
  nikNotChosen: () =>
    new ImportError('NO_NIK_COLUMN', 'Kolom NIK belum dipilih. Di langkah Kolom, pilih "NIK" pada daftar di atas kolom yang berisi NIK, lalu simpan lagi.'),
  badMap: (why: string) =>
    new ImportError('BAD_MAP', `Pemetaan kolom tidak dapat dipakai: ${why}. Contoh yang benar: NIK=B,NAMA=C atau NIK=NO. NIK.`),
  duplicate: (batchId: number, at: string) =>
    new ImportError('DUPLICATE_FILE', `Berkas yang sama persis sudah diimpor untuk instansi ini sebagai batch #${batchId} (${at}). Buka batch tersebut, atau impor ulang dengan izin duplikat bila memang disengaja.`, { batchId }),
  unknownAgency: (name: string, known: string[]) =>
    new ImportError('UNKNOWN_AGENCY', `Instansi "${name}" tidak dikenal. Instansi yang terdaftar: ${known.length ? known.join(', ') : '(belum ada)'}.`),
};
