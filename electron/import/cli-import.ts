// `padan import FILE --agency NAME ...`: the import from a terminal, same engine as the app.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { parseArgs } from 'node:util';
import { CHANNELS, type Channel } from '../../shared/domain.ts';
import { ImportError, importErrors } from './errors.ts';
import { importFile } from './index.ts';
import type { ValidationSummary } from './rows.ts';

export interface ImportCommandContext {
  openStore: () => Db;
  operator: string;
  out?: (line: string) => void;
  err?: (line: string) => void;
}

const USAGE =
  'Pemakaian: padan import BERKAS --agency NAMA [--program P] [--letter NO] [--sheet LEMBAR] [--header-row N] ' +
  '[--map NIK=B,NAMA=C,...] [--received YYYY-MM-DD] [--channel EMAIL|WHATSAPP|WEBSITE|FLASHDISK|SURAT|LAINNYA] [--allow-duplicate]';

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
      },
    });
  } catch (e) {
    return bad(`Argumen tidak dikenal: ${e instanceof Error ? e.message : String(e)}`);
  }
  const { values: v, positionals } = parsed;
  if (positionals.length !== 1) return bad('Sebutkan tepat satu berkas yang akan diimpor.');
  if (!v.agency) return bad('Sebutkan instansi pengirim dengan --agency.');
  let headerRow: number | undefined;
  if (v['header-row'] !== undefined) {
    headerRow = Number(v['header-row']);
    if (!Number.isInteger(headerRow) || headerRow < 1) return bad(`--header-row harus nomor baris (1, 2, ...), bukan "${v['header-row']}".`);
  }
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
    const { batchId, summary, preview } = await importFile(db, positionals[0]!, {
      ...(v.sheet !== undefined ? { sheet: v.sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(v.map !== undefined ? { map: v.map } : {}),
      allowDuplicate: v['allow-duplicate'] === true,
      purpose: { agencyId: agency.id, programId, letterNo: v.letter ?? null, receivedOn: v.received ?? null, channel },
      operator: ctx.operator,
    });
    out(`Batch #${batchId} tersimpan: ${preview.file.fileName}, lembar "${preview.sheet}", baris judul ${preview.headerRow}.`);
    out(`Pemetaan kolom: ${preview.mapping.map((m) => `${m.field}=${m.letter}${m.header ? ` (${m.header})` : ''}`).join(', ')}`);
    for (const line of summaryLines(summary)) out(line);
    return 0;
  } catch (e) {
    if (e instanceof ImportError) {
      err(e.message);
      return 2;
    }
    err(`Impor gagal: ${e instanceof Error ? e.message : String(e)}`);
    return 1;
  } finally {
    db.close();
  }
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
