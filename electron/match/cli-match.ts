// `padan match FILE --registry REG ...` and `padan resume BATCH`: import, match, write the
// rows (JSONL, streamed), the summary and optionally the result workbook. Exit codes:
// 0 done, 2 bad input, 3 registry unreachable (batch saved, resumable), 1 anything else.
import { existsSync, writeFileSync } from 'node:fs';
import { basename, dirname } from 'node:path';
import { parseArgs } from 'node:util';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { flagTargetSchema, schemaMappingSchema, type SchemaMapping } from '../../shared/registry-mapping.ts';
import { appendAudit } from '../store/audit.ts';
import { getSetting, setSetting } from '../store/settings.ts';
import { z } from 'zod';
import type { Registry } from '../registry/types.ts';
import type { RegistrySpec } from '../registry/open.ts';
import { getSchemaMapping } from '../runtime/registry-config.ts';
import { isConnectionError, matchBatch, type MatchResult } from './run.ts';
import { prewarmCandidateWorker } from './candidate-pool.ts';
import { resolveAgency, resolveProgram } from './cli-agency.ts';
import { importFile } from '../import/index.ts';
import { ImportError } from '../import/errors.ts';

export interface MatchCliContext {
  openStore: (dataDir?: string) => Database;
  operator: string;
  dataDir: string;
}

class BadInput extends Error {}

const OUTPUT_OPTIONS = {
  registry: { type: 'string' },
  out: { type: 'string' },
  rows: { type: 'string' },
  summary: { type: 'string' },
  'data-dir': { type: 'string' },
  'work-area': { type: 'string' },
  'status-map': { type: 'string' },
} as const;

// mapping: the whole mapping the run started with, so a resume judges the rest of the batch
// the same way even if the settings changed meanwhile (absent in entries saved before it).
const savedSchema = z.object({ registry: z.string(), workArea: z.string(), statusMap: z.string().nullable(), mapping: schemaMappingSchema.optional() });
type Saved = z.infer<typeof savedSchema>;
const savedKey = (batchId: number): string => `match.cli.batch.${batchId}`;

/**
 * The mapping for this run: the base (the schema mapping saved in the store's settings, as the
 * app uses it), then the work area and the FLAG_STATUS values from --status-map on top.
 */
export function cliMapping(base: SchemaMapping, workArea: string | undefined, statusMap: string | null | undefined): SchemaMapping {
  const area = workArea ?? base.workArea;
  if (!/^(\d{2}(\.\d{2})?)?$/.test(area)) throw new BadInput(`--work-area "${area}" tidak sah. Contoh: 73.72, 73, atau kosong untuk mematikan.`);
  const flagStatus: SchemaMapping['flagStatus'] = { ...base.flagStatus };
  if (statusMap) {
    for (const k of Object.keys(flagStatus)) if (k !== '0') delete flagStatus[k];
    for (const pair of statusMap.split(',').filter(Boolean)) {
      const [value, target] = pair.split('=').map((s) => s.trim());
      const parsed = flagTargetSchema.safeParse(target === 'INVALID' ? 'NONAKTIF' : target);
      if (!value || !parsed.success) throw new BadInput(`--status-map "${pair}" tidak sah. Contoh: 1=MENINGGAL,2=PINDAH,3=NONAKTIF.`);
      flagStatus[value] = parsed.data;
    }
  }
  return { ...base, workArea: area, flagStatus };
}

export async function runMatchCommand(argv: string[], ctx: MatchCliContext): Promise<number> {
  const t0 = performance.now();
  let args;
  try {
    args = parseArgs({
      args: argv, allowPositionals: true, strict: true,
      options: {
        ...OUTPUT_OPTIONS, agency: { type: 'string' }, program: { type: 'string' }, letter: { type: 'string' },
        sheet: { type: 'string' }, 'header-row': { type: 'string' }, map: { type: 'string' },
      },
    });
  } catch (err) {
    return fail(2, `Opsi tidak sah: ${(err as Error).message}`);
  }
  const { values: o, positionals } = args;
  const file = positionals[0];
  if (!file) return fail(2, 'Berkas OPD belum disebut. Pemakaian: padan match BERKAS --registry demo|sqlite:LOKASI|oracle://...');
  if (!existsSync(file)) return fail(2, `Berkas "${file}" tidak ditemukan.`);
  if (!o.registry) return fail(2, 'Opsi --registry wajib: demo, sqlite:LOKASI_BERKAS, atau oracle://PENGGUNA@HOST:PORT/SERVICE.');
  // Before the import: a mistyped --registry must not cost a read of the whole file and a batch.
  const spec = await registrySpec(o.registry);
  if (typeof spec === 'number') return spec;
  let columnMap: Record<string, string> | undefined;
  let headerRow: number | undefined;
  try {
    columnMap = o.map ? parseColumnMap(o.map) : undefined;
    if (o['header-row'] !== undefined) {
      headerRow = Number(o['header-row']);
      if (!Number.isInteger(headerRow) || headerRow < 1) throw new BadInput('--header-row harus bilangan bulat mulai 1.');
    }
  } catch (err) {
    return fail(2, (err as Error).message);
  }
  // The stages after the import need worker threads of their own: started now, they load
  // their modules while the file is read (idle and unref'd until used, never kept alive).
  if (spec.kind !== 'oracle') prewarmCandidateWorker();
  if (o.out && !/\.csv$/i.test(o.out)) (await import('../export/index.ts')).prewarmExport();
  const db = ctx.openStore(o['data-dir']);
  let mapping: SchemaMapping;
  try {
    mapping = cliMapping(getSchemaMapping(db), o['work-area'], o['status-map']);
  } catch (err) {
    return fail(2, (err as Error).message);
  }
  const agency = resolveAgency(db, o.agency);
  const program = o.program ? resolveProgram(db, o.program, agency.id) : null;

  let batchId: number;
  let importSummary: unknown;
  try {
    const r = await importFile(db, file, {
      operator: ctx.operator,
      purpose: { agencyId: agency.id, programId: program?.id ?? null, letterNo: o.letter ?? null, receivedOn: new Date().toISOString().slice(0, 10) },
      ...(o.sheet !== undefined ? { sheet: o.sheet } : {}),
      ...(headerRow !== undefined ? { headerRow } : {}),
      ...(columnMap !== undefined ? { map: columnMap } : {}),
      // Scripts re-run the same file; the CLI records a new batch each time.
      allowDuplicate: true,
    });
    batchId = r.batchId;
    importSummary = r.summary;
  } catch (err) {
    return fail(err instanceof ImportError || err instanceof BadInput ? 2 : 1, `Impor gagal: ${(err as Error).message}`);
  }
  const tImport = performance.now();
  setSetting(db, savedKey(batchId), { registry: o.registry, workArea: mapping.workArea, statusMap: o['status-map'] ?? null, mapping } satisfies Saved);
  return matchAndWrite(db, ctx, batchId, spec, mapping, o, { import: tImport - t0, start: tImport }, importSummary);
}

export async function runResumeCommand(argv: string[], ctx: MatchCliContext): Promise<number> {
  let args;
  try {
    args = parseArgs({ args: argv, allowPositionals: true, strict: true, options: OUTPUT_OPTIONS });
  } catch (err) {
    return fail(2, `Opsi tidak sah: ${(err as Error).message}`);
  }
  const { values: o, positionals } = args;
  const batchId = Number(positionals[0]);
  if (!Number.isInteger(batchId) || batchId < 1) return fail(2, 'Nomor batch belum disebut. Pemakaian: padan resume BATCH');
  const given = o.registry !== undefined ? await registrySpec(o.registry) : null;
  if (typeof given === 'number') return given;
  const db = ctx.openStore(o['data-dir']);
  const exists = db.prepare('SELECT state FROM batches WHERE id = ?').get(batchId) as { state: string } | undefined;
  if (!exists) return fail(2, `Batch ${batchId} tidak ada di basis data lokal.`);
  const saved = getSetting<Saved | null>(db, savedKey(batchId), savedSchema.nullable(), null);
  const spec = given ?? (saved ? await registrySpec(saved.registry) : null);
  if (spec === null) return fail(2, `Registri untuk batch ${batchId} tidak tercatat. Sebutkan --registry demo|sqlite:LOKASI|oracle://...`);
  if (typeof spec === 'number') return spec;
  let mapping: SchemaMapping;
  try {
    // The mapping the run started with; options given now still win.
    mapping = saved?.mapping
      ? cliMapping(saved.mapping, o['work-area'], o['status-map'])
      : cliMapping(getSchemaMapping(db), o['work-area'] ?? saved?.workArea, o['status-map'] ?? saved?.statusMap);
  } catch (err) {
    return fail(2, (err as Error).message);
  }
  return matchAndWrite(db, ctx, batchId, spec, mapping, o, { import: 0, start: performance.now() }, null);
}

async function matchAndWrite(
  db: Database, ctx: MatchCliContext, batchId: number, spec: RegistrySpec, mapping: SchemaMapping,
  o: { rows?: string; summary?: string; out?: string }, t: { import: number; start: number }, importSummary: unknown,
): Promise<number> {
  const { openRegistry } = await import('../registry/open.ts');
  let registry: Registry;
  try {
    registry = await openRegistry(spec, mapping);
  } catch (err) {
    if (isConnectionError(err)) return queued(db, ctx, batchId, err as Error);
    return fail(2, `Registri tidak dapat dibuka: ${(err as Error).message}`);
  }
  let result: MatchResult;
  try {
    result = await matchBatch(db, registry, mapping, batchId, {
      operator: ctx.operator,
      onProgress: (p) => process.stderr.write(`\rMemadankan ${p.done}/${p.total} baris (${Math.round(p.rate)} baris/detik)`),
    });
    process.stderr.write('\n');
  } finally {
    await registry.close().catch(() => undefined);
  }
  const tMatch = performance.now();
  if (result.state === 'QUEUED') {
    process.stderr.write(`${result.error}\nBatch ${batchId} tersimpan. Lanjutkan dengan: padan resume ${batchId}\n`);
    return 3;
  }
  const { writeRowsJsonl, buildSummary } = await import('./cli-output.ts');
  const tally = await writeRowsJsonl(db, batchId, o.rows ?? null);
  if (o.out) {
    const exp = await import('../export/index.ts').catch(() => null);
    if (!exp?.exportBatch) process.stderr.write('Mesin ekspor (electron/export) belum tersedia; --out dilewati.\n');
    else await exp.exportBatch(db, batchId, { out: o.out, operator: ctx.operator });
  }
  const tWrite = performance.now();
  const summary = buildSummary(batchId, registry.label, tally, {
    import: Math.round(t.import), match: Math.round(tMatch - t.start), write: Math.round(tWrite - tMatch),
  }, importSummary);
  if (o.summary) writeFileSync(o.summary, JSON.stringify(summary, null, 2) + '\n');
  process.stdout.write(`Batch ${batchId}: ${tally.total} baris dipadankan. ${Object.entries(tally.status).map(([k, v]) => `${k} ${v}`).join(', ')}\n`);
  return 0;
}

function queued(db: Database, ctx: MatchCliContext, batchId: number, err: Error): number {
  const message = `SIAK tidak dapat dihubungi (${err.message}). Batch ${batchId} tersimpan dan menunggu; lanjutkan dengan: padan resume ${batchId}`;
  db.transaction(() => {
    db.prepare(`INSERT OR IGNORE INTO row_results (batch_id, seq, status) SELECT batch_id, seq, 'BELUM_DIPERIKSA' FROM batch_rows WHERE batch_id = ?`).run(batchId);
    db.prepare(`UPDATE batches SET state = 'QUEUED', last_error = ? WHERE id = ?`).run(message, batchId);
    appendAudit(db, { operator: ctx.operator, action: 'MATCH_QUEUED', batchId, detail: { code: (err as { code?: string }).code ?? null } });
  })();
  return fail(3, message);
}

/** The registry spec from --registry, or exit code 2 (with the reason) for a malformed value. */
async function registrySpec(arg: string): Promise<RegistrySpec | number> {
  const { parseRegistryArg } = await import('../registry/open.ts');
  try {
    return await registryFileReady(parseRegistryArg(arg));
  } catch (err) {
    if (err instanceof BadInput) return fail(2, err.message);
    // Its own errors say what is wrong and what to write; the rest is the schema's (a port out of range, ...).
    if ((err as Error).name === 'RegistryError') return fail(2, (err as Error).message);
    return fail(2, `Registri "${arg}" tidak sah: port harus 1–65535, pengguna, host dan service tidak boleh kosong. Contoh: oracle://padan@10.0.0.5:1521/SIAKDB.`);
  }
}

/**
 * A registry file is local: a mistyped sqlite: path is bad input, found before the import
 * (the SQLite adapter alone would report it as unreachable and queue the batch). The demo
 * registry is made on first use, as the app does at its first start.
 */
async function registryFileReady(spec: RegistrySpec): Promise<RegistrySpec> {
  if (spec.kind === 'oracle' || existsSync(spec.path)) return spec;
  if (spec.kind === 'sqlite') {
    throw new BadInput(`Berkas registri "${spec.path}" tidak ditemukan. Periksa lokasi berkas SQLite berskema SIAK itu, atau pakai --registry demo.`);
  }
  process.stderr.write(`Registri demo belum ada; membuatnya sekali di ${dirname(spec.path)} ...\n`);
  const { generateDemoRegistry } = await import('../demo/index.ts');
  const { demoPersonsFromEnv } = await import('../runtime/registry-config.ts');
  await generateDemoRegistry({ dir: dirname(spec.path), fileName: basename(spec.path), persons: demoPersonsFromEnv() });
  return spec;
}

function parseColumnMap(s: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const pair of s.split(',').filter(Boolean)) {
    const i = pair.indexOf('=');
    if (i < 1) throw new BadInput(`--map "${pair}" tidak sah. Contoh: NIK=B,NAMA=C atau NIK="NO. NIK".`);
    out[pair.slice(0, i).trim().toUpperCase()] = pair.slice(i + 1).trim();
  }
  return out;
}


function fail(code: number, message: string): number {
  process.stderr.write(message + '\n');
  return code;
}
