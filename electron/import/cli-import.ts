// `padan import FILE --agency NAME ...`: the import from a terminal, same engine as the app.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { statSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { CHANNELS, FIELDS, type Channel } from '../../shared/domain.ts';
import { ImportError, importErrors } from './errors.ts';
import { importFile } from './index.ts';
import { parseMapSpec } from './mapping.ts';
import type { ValidationSummary } from './rows.ts';

export interface ImportCommandContext {
  openStore: () => Db;
  operator: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const USAGE =
  'Pemakaian: padan import BERKAS --agency NAMA [--program P] [--letter NO] [--sheet LEMBAR] [--header-row N] ' +
  '[--map NIK=B,NAMA=C,...] [--received YYYY-MM-DD] [--channel EMAIL|WHATSAPP|WEBSITE|FLASHDISK|SURAT|LAINNYA] [--allow-duplicate]' +
  ' (bantuan: padan import --help)';

export const HELP = `Pemakaian: padan import BERKAS --agency NAMA [opsi]

Mengimpor berkas OPD (.xlsx, .xls, .ods, .csv) ke riwayat lokal, lalu mencetak nomor batch
dan ringkasan validasinya.

Opsi:
  --agency NAMA         instansi pengirim (nama atau kode); wajib
  --program P           program (nama atau kode)
  --letter NO           nomor surat permohonan
  --received TANGGAL    tanggal berkas diterima, YYYY-MM-DD
  --channel SALURAN     ${CHANNELS.join(', ')}
  --sheet LEMBAR        nama lembar; bawaan: lembar pertama yang punya baris judul kolom
  --header-row N        nomor baris judul kolom (1, 2, ...); bawaan: dicari otomatis
  --map NIK=B,NAMA=C    pemetaan kolom: KOLOM=huruf kolom (B), nomor kolom (2) atau teks judulnya
                        (KOLOM: ${FIELDS.join(', ')})
  --allow-duplicate     impor juga bila berkas yang sama persis sudah pernah diimpor untuk instansi ini
  -h, --help            tampilkan bantuan ini

Pemetaan kolom yang diingat per instansi: hanya pemetaan yang dikonfirmasi orang yang diingat
dan ditawarkan pada impor berikutnya, yaitu pemetaan yang disetujui di wizard Impor, atau
--map di sini (pemetaan lengkap yang tercetak pada baris "Pemetaan kolom" menjadi pemetaan
instansi itu). Tanpa --map, pemetaan yang diingat hanya dipakai sebagai petunjuk dan tidak
diubah oleh hasil deteksi otomatis.

Kode keluar: 0 berhasil, 2 masukan atau berkas tidak dapat dipakai, 1 kesalahan lain.
`;

export async function runImportCommand(argv: string[], ctx: ImportCommandContext): Promise<number> {
  const out = ctx.out ?? ((l: string) => process.stdout.write(l + '\n'));
  const err = ctx.err ?? ((l: string) => process.stderr.write(l + '\n'));
  const bad = (msg: string): number => {
    err(msg);
    err(USAGE);
    return 2;
  };
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        agency: { type: 'string' },
        program: { type: 'string' },
        letter: { type: 'string' },
        sheet: { type: 'string' },
        'header-row': { type: 'string' },
        map: { type: 'string' },
        received: { type: 'string' },
        channel: { type: 'string' },
        'allow-duplicate': { type: 'boolean' },
        help: { type: 'boolean', short: 'h' },
      },
    });
  } catch (e) {
    return bad(`Argumen tidak dikenal: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { values: v, positionals } = parsed;
  if (v.help) {
    out(HELP);
    return 0;
  }
  if (positionals.length !== 1) return bad('Sebutkan tepat satu berkas yang akan diimpor.');
  if (!v.agency) return bad('Sebutkan instansi pengirim dengan --agency.');
  const file = positionals[0]!;
  let headerRow: number | undefined;
  if (v['header-row'] !== undefined) {
    headerRow = Number(v['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) return bad(`--header-row harus nomor baris (1, 2, ...), bukan "${v['header-row']}".`);
  }
  // The map's field names are checked before the file is read: a typo should not wait for
  // a 100 MB workbook. Its columns can only be checked against the sheet (BAD_MAP later).
  if (v.map !== undefined) {
    try {
      parseMapSpec(v.map);
    } catch (e) {
      if (e instanceof ImportError) return bad(e.message);
      throw e;
    }
  }
  // Nor should a mistyped path take the store's lock first.
  if (!isFile(file)) return bad(importErrors.notFound(file).message);
  if (v.received !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(v.received)) {
    return bad(`--received harus tanggal YYYY-MM-DD, bukan "${v.received}".`);
  }
  let channel: Channel | null = null;
  if (v.channel !== undefined) {
    const c = v.channel.toUpperCase();
    if (!(CHANNELS as readonly string[]).includes(c)) return bad(`--channel harus salah satu dari ${CHANNELS.join(', ')}.`);
    channel = c as Channel;
  }

  let db: Db;
  try {
    db = ctx.openStore();
  } catch (e) {
    err(e instanceof Error ? e.message : String(e));
    return 1;
  }
  try {
    const agency = findAgency(db, v.agency);
    if (!agency) {
      const known = (db.prepare('SELECT name, code FROM agencies ORDER BY name').all() as { name: string; code: string }[]).map((a) => `${a.name} (${a.code})`);
      return bad(importErrors.unknownAgency(v.agency, known).message);
    }
    let programId: number | null = null;
    if (v.program !== undefined) {
      const p = db.prepare('SELECT id FROM programs WHERE name = ? COLLATE NOCASE OR code = ? COLLATE NOCASE').get(v.program, v.program) as { id: number } | undefined;
      if (!p) {
        const known = (db.prepare('SELECT name FROM programs ORDER BY name').all() as { name: string }[]).map((x) => x.name);
        return bad(`Program "${v.program}" tidak dikenal. Program yang terdaftar: ${known.join(', ') || '(belum ada)'}.`);
      }
      programId = p.id;
    }
    // --map is the operator stating the mapping: the one confirmation a terminal run has.
    // Without it the mapping is detected, and storeBatch keeps the remembered one (it stores
    // only a mapping with a column a person stated); this only says which happened.
    const confirmed = v.map !== undefined;
    const { batchId, summary, preview } = await importFile(db, file, {
      ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(v.map !== undefined ? { map: v.map } : {}),
      allowDuplicate: v['allow-duplicate'] === true,
      purpose: { agencyId: agency.id, programId, letterNo: v.letter ?? null, receivedOn: v.received ?? null, channel },
      operator: ctx.operator,
    });
    out(`Batch #${batchId} tersimpan: ${preview.file.fileName}, lembar "${preview.sheet}", baris judul ${preview.headerRow}.`);
    out(`Pemetaan kolom: ${preview.mapping.map((m) => `${m.field}=${m.letter}${m.header ? ` (${m.header})` : ''}`).join(', ')}`);
    out(confirmed
      ? `Pemetaan ini diingat untuk impor berikutnya dari ${agency.name}.`
      : `Pemetaan yang diingat untuk ${agency.name} tidak diubah (pakai --map untuk menggantinya).`);
    for (const line of summaryLines(summary)) out(line);
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      err(cliMessage(db, e, { file, agency: findAgency(db, v.agency)?.name ?? v.agency, sheet: v.sheet, headerRow }));
      return 2;
    }
    err(`Impor gagal: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    db.close();
  }
}

function isFile(path: string): boolean {
  try {
    return statSync(path).isFile();
  } catch {
    return false;
  }
}

/**
 * The engine's messages speak to the wizard too; where the way on is a CLI option, say which.
 */
function cliMessage(db: Db, e: ImportError, a: { file: string; agency: string; sheet: string | undefined; headerRow: number | undefined }): string {
  if (e.code === 'DUPLICATE_FILE') {
    const earlier = db.prepare('SELECT id, file_name, created_at FROM batches WHERE id = ?').get(e.data.batchId) as
      | { id: number; file_name: string; created_at: string }
      | undefined;
    if (!earlier) return e.message;
    return (
      `Berkas ${a.file} sama persis dengan berkas yang sudah diimpor untuk instansi ${a.agency} sebagai batch #${earlier.id} ` +
      `(${earlier.file_name}, ${localTime(earlier.created_at)}). Pakai batch #${earlier.id} itu; bila berkas ini memang perlu ` +
      'diimpor lagi sebagai batch baru, ulangi perintah dengan --allow-duplicate.'
    );
  }
  if (e.code === 'NO_HEADER' && a.headerRow !== undefined) {
    return (
      // With a row given, the engine reports NO_HEADER only when no sheet reaches that row.
      `Baris judul ${a.headerRow} (--header-row) berada di luar ${a.sheet !== undefined ? `lembar "${a.sheet}"` : 'semua lembar'}: ` +
      'lembarnya tidak sepanjang itu. ' +
      'Periksa nomor baris judul di Excel (nomor di tepi kiri), atau hapus --header-row agar Padan mencarinya sendiri.'
    );
  }
  return e.message;
}

/** yyyy-mm-dd hh:mm in this computer's time zone (created_at is stored in UTC). */
function localTime(iso: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const p = (n: number): string => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())} ${p(d.getHours())}:${p(d.getMinutes())}`;
}

function findAgency(db: Db, nameOrCode: string): { id: number; name: string } | undefined {
  return db
    .prepare('SELECT id, name FROM agencies WHERE name = ? COLLATE NOCASE OR code = ? COLLATE NOCASE')
    .get(nameOrCode.trim(), nameOrCode.trim()) as { id: number; name: string } | undefined;
}

/** The validation summary in Indonesian, one finding per line. */
export function summaryLines(s: ValidationSummary): string[] {
  const n = (x: number): string => x.toLocaleString('id-ID');
  return [
    `Jumlah baris data: ${n(s.rows)}`,
    `NIK berformat benar: ${n(s.nikValid)}`,
    `NIK kosong: ${n(s.nikReasons.KOSONG)}`,
    `NIK salah format: ${n(s.nikReasons.FORMAT)}`,
    `NIK rusak oleh Excel: ${n(s.nikReasons.RUSAK_EXCEL)}`,
    `NIK dicurigai rusak Excel (angka berakhiran 0): ${n(s.suspects)}`,
    `NIK ganda dalam berkas: ${n(s.duplicates)}`,
    `Tanggal lahir tidak terbaca: ${n(s.unreadableDates)}`,
    `Tanggal lahir berbeda dengan NIK: ${n(s.nikBirthDateDiffers)}`,
    `Jenis kelamin berbeda dengan NIK: ${n(s.nikSexDiffers)}`,
  ];
}
