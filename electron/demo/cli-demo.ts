// `padan demo [--dir DIR] [--persons N] [--seed S]`: writes the synthetic registry and the
// sample agency workbooks. Wired into electron/cli.ts by the CLI dispatcher.
import { parseArgs } from 'node:util';
import { resolve } from 'node:path';
import { DEFAULT_DEMO_PERSONS, generateDemoRegistry, generateSampleWorkbooks } from './index.ts';

const USAGE = 'Pemakaian: padan demo [--dir FOLDER] [--persons JUMLAH] [--seed ANGKA]';

export async function runDemoCommand(argv: string[], env: NodeJS.ProcessEnv = process.env, log: (s: string) => void = console.log): Promise<number> {
  let values: { dir?: string; persons?: string; seed?: string; help?: boolean };
  try {
    ({ values } = parseArgs({ args: argv, options: { dir: { type: 'string' }, persons: { type: 'string' }, seed: { type: 'string' }, help: { type: 'boolean', short: 'h' } } }));
  } catch (e) {
    log(`${(e as Error).message}\n${USAGE}`);
    return 2;
  }
  if (values.help) { log(USAGE); return 0; }
  const dir = resolve(values.dir ?? (env.PADAN_DATA_DIR ? `${env.PADAN_DATA_DIR}/demo` : './padan-data/demo'));
  const persons = Number(values.persons ?? DEFAULT_DEMO_PERSONS);
  const seed = Number(values.seed ?? 1);
  if (!Number.isInteger(persons) || persons < 100 || persons > 5_000_000) { log(`--persons harus bilangan bulat 100..5.000.000.\n${USAGE}`); return 2; }
  if (!Number.isInteger(seed)) { log(`--seed harus bilangan bulat.\n${USAGE}`); return 2; }
  log(`Membuat registri demo (${persons.toLocaleString('id-ID')} penduduk, seed ${seed}) di ${dir} ...`);
  const reg = await generateDemoRegistry({ dir, persons, seed });
  log(`Registri demo: ${reg.path}`);
  log(`  ${reg.persons.toLocaleString('id-ID')} penduduk dalam ${reg.families.toLocaleString('id-ID')} KK, ${(reg.millis / 1000).toFixed(1)} detik`);
  log(`  FLAG_STATUS: ${Object.entries(reg.flagStatus).sort().map(([k, v]) => `${k}=${v.toLocaleString('id-ID')}`).join(', ')}`);
  const books = await generateSampleWorkbooks({ dir, registryPath: reg.path, seed });
  log('Berkas contoh dari instansi (dengan kebenaran dasar .truth.json):');
  for (const f of books.files) log(`  ${f.path} — ${f.agency}, ${f.rows.toLocaleString('id-ID')} baris`);
  log('Data ini sintetis: tidak ada penduduk sungguhan di dalamnya.');
  return 0;
}
