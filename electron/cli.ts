// `npx padan`: the engine from a terminal, on the same store and handler table as the app.
// Each command lives with its stage (import/, match/, export/, ...); this file routes.
import { mkdirSync } from 'node:fs';
import { userInfo } from 'node:os';
import { resolve } from 'node:path';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { acquireStoreLock, type StoreLock } from './auth/store-lock.ts';
import { AuthError } from './auth/errors.ts';
import { StoreError } from './store/errors.ts';
import { resolveCliKey } from './store/key.ts';
import { openStoreDb } from './store/open.ts';
import { STORE_FILE } from './runtime/index.ts';
import { join } from 'node:path';

export interface CliContext {
  dataDir: string;
  operator: string;
  openStore: () => Database;
}

type Command = { summary: string; run: (argv: string[], ctx: CliContext) => Promise<number> };

const lazy =
  (load: () => Promise<(argv: string[], ctx: CliContext) => Promise<number>>) =>
  async (argv: string[], ctx: CliContext) =>
    (await load())(argv, ctx);

export const COMMANDS: Record<string, Command> = {
  demo: {
    summary: 'Buat registri demo (163.314 penduduk sintetis) dan contoh berkas OPD',
    run: lazy(async () => {
      const { runDemoCommand } = await import('./demo/cli-demo.ts');
      return (argv) => runDemoCommand(argv);
    }),
  },
  import: {
    summary: 'Impor berkas OPD ke riwayat lokal dan tampilkan ringkasan validasi',
    run: lazy(async () => (await import('./import/cli-import.ts')).runImportCommand),
  },
  match: {
    summary: 'Impor berkas OPD, padankan dengan registri, tulis hasil (--out, --rows, --summary)',
    run: lazy(async () => (await import('./match/cli-match.ts')).runMatchCommand),
  },
  resume: {
    summary: 'Lanjutkan pemadanan batch yang tertunda (registri sempat tidak terjangkau)',
    run: lazy(async () => (await import('./match/cli-match.ts')).runResumeCommand),
  },
  export: {
    summary: 'Tulis buku kerja hasil (.xlsx) atau CSV sebuah batch untuk OPD',
    run: lazy(async () => (await import('./export/cli.ts')).runExportCommand),
  },
  report: {
    summary: 'Simpan berita acara pemadanan sebuah batch sebagai PDF',
    run: lazy(async () => (await import('./report/cli.ts')).runReportCommand),
  },
  stats: {
    summary: 'Statistik bulanan NIK yang diproses per OPD (--year, --out)',
    run: lazy(async () => (await import('./stats/cli.ts')).runStatsCommand),
  },
};

export const USAGE = `Padan — pemadanan data kependudukan (Disdukcapil)

Pemakaian: npx padan <perintah> [opsi]

Perintah:
${'{commands}'}

Opsi umum:
  --data-dir DIR     folder data Padan (bawaan: PADAN_DATA_DIR atau ./padan-data)
  --operator NAMA    nama operator yang dicatat di log audit (bawaan: PADAN_OPERATOR atau pengguna sistem)
  -h, --help         tampilkan bantuan ini

Kunci basis data lokal diambil dari PADAN_DB_KEY, atau dari berkas padan.key (mode 0600) di folder data.
`;

function usage(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  const lines = Object.entries(COMMANDS).map(([name, c]) => `  ${name.padEnd(width)}  ${c.summary}`);
  return USAGE.replace('{commands}', lines.join('\n'));
}

/** Pulls the common options out of argv, leaving the command's own options. */
function takeCommon(argv: string[]): { rest: string[]; dataDir?: string; operator?: string } {
  const rest: string[] = [];
  let dataDir: string | undefined;
  let operator: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--data-dir') dataDir = argv[++i];
    else if (a.startsWith('--data-dir=')) dataDir = a.slice(11);
    else if (a === '--operator') operator = argv[++i];
    else if (a.startsWith('--operator=')) operator = a.slice(11);
    else rest.push(a);
  }
  return { rest, dataDir, operator };
}

export async function main(argv: string[]): Promise<number> {
  const [command, ...args] = argv;
  if (!command || command === '-h' || command === '--help' || command === 'help') {
    process.stdout.write(usage());
    return 0;
  }
  const cmd = COMMANDS[command];
  if (!cmd) {
    process.stderr.write(`Perintah "${command}" tidak dikenal.\n\n${usage()}`);
    return 2;
  }
  const { rest, dataDir: dd, operator } = takeCommon(args);
  const dataDir = resolve(dd ?? process.env.PADAN_DATA_DIR ?? 'padan-data');
  process.env.PADAN_DATA_DIR = dataDir;
  let store: Database | null = null;
  let lock: StoreLock | null = null;
  const ctx: CliContext = {
    dataDir,
    operator: operator ?? process.env.PADAN_OPERATOR ?? userInfo().username,
    openStore: () => {
      if (!store) {
        // Refuse politely while the app holds the store, instead of opening it twice.
        mkdirSync(dataDir, { recursive: true });
        lock = acquireStoreLock(dataDir);
        store = openStoreDb({ path: join(dataDir, STORE_FILE), key: resolveCliKey(dataDir) });
      }
      return store;
    },
  };
  try {
    return await cmd.run(rest, ctx);
  } catch (err) {
    const e = err as Error & { code?: string };
    if (err instanceof StoreError || err instanceof AuthError || (e.code && /^[A-Z_]+$/.test(e.code) && e.name !== 'Error')) {
      process.stderr.write(`Gagal: ${e.message}\n`);
      if (!e.code?.startsWith('REGISTRY_')) return 2;
      // 3 promises "try again later"; a schema, password or query error will not go away so.
      const { isConnectionError } = await import('./match/run.ts');
      return isConnectionError(err) ? 3 : 1;
    }
    process.stderr.write(`Kesalahan tak terduga: ${e.stack ?? e.message}\n`);
    return 1;
  } finally {
    (store as Database | null)?.close();
    (lock as StoreLock | null)?.release();
  }
}
