// `padan report BATCH --pdf FILE.pdf [--invalid]`: headless Chromium outside Electron.
import { resolve } from 'node:path';
import { batchNumber, parseCommand, usageError, type CliContext } from '../export/cli.ts';
import { ANCHOR_HEX } from '../../shared/report/batch-report.ts';
import { writeBatchReportPdf } from './index.ts';

const USAGE = 'padan report NOMOR_BATCH --pdf BERKAS.pdf [--invalid]';

export async function runReportCommand(argv: string[], ctx: CliContext): Promise<number> {
  let parsed;
  try {
    parsed = parseCommand(argv, 'report', { pdf: { type: 'string' }, invalid: { type: 'boolean', default: false } });
  } catch (e) {
    return usageError(`Argumen tidak dikenal: ${(e as Error).message}`, USAGE);
  }
  const batchId = batchNumber(parsed.positionals[0]);
  const pdf = parsed.values.pdf as string | undefined;
  if (!batchId) return usageError('Nomor batch harus berupa angka, misalnya: padan report 12 --pdf berita-acara.pdf', USAGE);
  if (!pdf || !/\.pdf$/i.test(pdf)) return usageError('Sebutkan berkas tujuan dengan --pdf, berakhiran .pdf.', USAGE);
  const db = ctx.openStore();
  try {
    const r = await writeBatchReportPdf(db, batchId, { out: resolve(pdf), includeInvalid: parsed.values.invalid === true, operator: ctx.operator });
    console.log(`Berita acara batch ${batchId} ditulis ke ${r.out} (${r.bytes} byte).`);
    // The same anchor as printed on the report, for whoever files it (checked in the Audit menu).
    if (r.anchor) console.log(`Jangkar log audit: entri #${r.anchor.id} · ${r.anchor.hash.slice(0, ANCHOR_HEX)}`);
    return 0;
  } catch (e) {
    const err = e as Error & { code?: string };
    console.error(err.message);
    return err.code === 'BATCH_NOT_FOUND' ? 2 : 1;
  } finally {
    db.close();
  }
}
