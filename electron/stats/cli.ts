// `padan stats --year YYYY [--out FILE.xlsx]`: prints the monthly table, optionally writes it.
import { resolve } from 'node:path';
import { MONTHS_SHORT_ID } from '../../shared/report/labels.ts';
import { parseCommand, usageError, type CliContext } from '../export/cli.ts';
import { exportMonthly } from './monthly-export.ts';
import { monthlyStats, type MonthlyTable } from './monthly.ts';

const USAGE = 'padan stats --year TAHUN [--out BERKAS.xlsx]';

export function formatMonthlyTable(t: MonthlyTable): string {
  const name = Math.max(8, ...t.rows.map((r) => r.agency.length));
  const cell = (v: number | string) => String(v).padStart(7);
  const line = (label: string, vals: (number | string)[]) => label.padEnd(name) + vals.map(cell).join('');
  const out = [
    `Rekapitulasi pemadanan ${t.year} (NIK diproses per bulan pemadanan)`,
    line('Instansi', [...MONTHS_SHORT_ID, 'Jumlah']),
    ...t.rows.map((r) => line(r.agency, [...r.months, r.total])),
    line('Jumlah', [...t.monthTotals, t.total]),
  ];
  return out.join('\n');
}

export async function runStatsCommand(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv, 'stats', { year: { type: 'string' }, out: { type: 'string', short: 'o' } });
  } catch (e) {
    return usageError(`Argumen tidak dikenal: ${(e as Error).message}`, USAGE);
  }
  const year = Number(parsed.values.year);
  const out = parsed.values.out as string | undefined;
  if (!/^\d{4}$/.test(String(parsed.values.year ?? '')) || year < 2000 || year > 2100) {
    return usageError('Sebutkan tahun dengan --year, misalnya: padan stats --year 2024', USAGE);
  }
  if (out !== undefined && !/\.xlsx$/i.test(out)) return usageError('Berkas --out harus berakhiran .xlsx.', USAGE);
  const db = ctx.openStore();
  try {
    console.log(formatMonthlyTable(monthlyStats(db, year)));
    if (out) {
      const r = exportMonthly(db, year, resolve(out), ctx.operator);
      console.log(`Rekapitulasi ditulis ke ${r.out} (${r.bytes} byte).`);
    }
    return 0;
  } catch (e) {
    console.error((e as Error).message);
    return 1;
  } finally {
    db.close();
  }
}
