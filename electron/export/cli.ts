// `padan export BATCH --out FILE.xlsx|FILE.csv`
import { resolve } from 'node:path';
import { parseArgs, type ParseArgsConfig } from 'node:util';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { exportBatch } from './index.ts';

export interface CliContext {
  openStore: () => Database;
  operator: string;
  dataDir: string;
}

/** Exit 2 with an Indonesian message for bad arguments; 1 when the work itself failed. */
export function usageError(message: string, usage: string): number {
  console.error(`${message}\nPemakaian: ${usage}`);
  return 2;
}

/** Shared by the three commands: strips the command word, parses options, reads the batch number. */
export function parseCommand(argv: string[], name: string, options: NonNullable<ParseArgsConfig['options']>) {
  const args = argv[0] === name ? argv.slice(1) : argv;
  return parseArgs({ args, options, allowPositionals: true, strict: true });
}

export function batchNumber(v: string | undefined): number | null {
  return v && /^\d+$/.test(v) && Number(v) > 0 ? Number(v) : null;
}

const USAGE = 'padan export NOMOR_BATCH --out BERKAS.xlsx|BERKAS.csv';

export async function runExportCommand(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv, 'export', { out: { type: 'string', short: 'o' } });
  } catch (e) {
    return usageError(`Argumen tidak dikenal: ${(e as Error).message}`, USAGE);
  }
  const batchId = batchNumber(parsed.positionals[0]);
  const out = parsed.values.out as string | undefined;
  if (!batchId) return usageError('Nomor batch harus berupa angka, misalnya: padan export 12 --out hasil.xlsx', USAGE);
  if (!out || !/\.(xlsx|csv)$/i.test(out)) return usageError('Sebutkan berkas tujuan dengan --out, berakhiran .xlsx atau .csv.', USAGE);
  const db = ctx.openStore();
  try {
    const r = await exportBatch(db, batchId, { out: resolve(out), operator: ctx.operator });
    console.log(`Hasil batch ${batchId} ditulis ke ${r.out} (${r.rows} baris, ${r.bytes} byte).`);
    return 0;
  } catch (e) {
    const err = e as Error & { code?: string };
    console.error(err.message);
    return err.code === 'BATCH_NOT_FOUND' ? 2 : 1;
  } finally {
    db.close();
  }
}
