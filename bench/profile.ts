// CPU profile of one Padan stage on a bench workbook, every thread (the import and export
// workers write their own profile), top functions by self time and self time per source file:
//   node --import tsx bench/profile.ts import|match|export|e2e [ROWS=100000] [TOP=25]
// Profiles stay in bench/cache/prof/<stage>-<rows>/ for Chrome DevTools (Performance > Load).
import { copyFileSync, mkdirSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { join } from 'node:path';
import { CACHE, SMALL_REGISTRY, registryFile, workbookFile } from './inputs.ts';
import { ROOT, STORE_KEY, runChild } from './measure.ts';

interface Node { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: Node[]; samples: number[]; timeDeltas: number[] }

const [stageName = 'match', rowsArg = '100000', topArg = '25'] = process.argv.slice(2);
const rows = Number(rowsArg);
const log = (s: string): void => console.log(s);
const work = join(CACHE, 'prof-work');
const profDir = join(CACHE, 'prof', `${stageName}-${rows}`);
rmSync(work, { recursive: true, force: true });
rmSync(profDir, { recursive: true, force: true });
mkdirSync(work, { recursive: true });
mkdirSync(profDir, { recursive: true });

const registry = await registryFile(SMALL_REGISTRY, log);
const file = await workbookFile(rows, registry, SMALL_REGISTRY, log);
const STAGE = join(import.meta.dirname, 'stage.ts');
const prof = (name: string): string[] => (stageName === name ? ['--cpu-prof', '--cpu-prof-dir', profDir] : []);
const stage = async (name: string, args: Record<string, unknown>): Promise<Record<string, unknown>> => {
  const r = await runChild(STAGE, [name, JSON.stringify(args)], { tmp: work, nodeArgs: prof(name.replace('-padan', '')) });
  log(`${name}: ${(r.ms / 1000).toFixed(2)} s, peak ${(r.maxRssKb / 1024).toFixed(0)} MB`);
  return r.facts;
};

if (stageName === 'e2e') {
  const d = join(work, 'e2e');
  const r = await runChild(join(ROOT, 'bin', 'padan.mjs'), ['match', file, '--registry', `sqlite:${registry}`, '--out', join(d, 'hasil.xlsx'),
    '--rows', join(d, 'rows.jsonl'), '--summary', join(d, 'summary.json'), '--data-dir', join(d, 'data')],
  { tmp: work, tsx: false, nodeArgs: ['--cpu-prof', '--cpu-prof-dir', profDir], env: { PADAN_DB_KEY: STORE_KEY, PADAN_OPERATOR: 'bench' } });
  log(`padan match: ${(r.wallMs / 1000).toFixed(2)} s, peak ${(r.maxRssKb / 1024).toFixed(0)} MB; ${readFileSync(join(d, 'summary.json'), 'utf8').slice(0, 400)}`);
} else {
  const storeDir = join(work, 'import');
  const imp = await stage('import-padan', { file, storeDir });
  const batchId = Number(imp.batchId);
  if (stageName !== 'import') {
    const store = join(work, 'm.db');
    copyFileSync(join(storeDir, 'padan.db'), store);
    await stage('match-padan', { store, registry, batchId });
    if (stageName === 'export') await stage('export-padan', { store, batchId, out: join(work, 'hasil.xlsx') });
  }
}

const self = new Map<string, number>(), byFile = new Map<string, number>(), incl = new Map<string, number>();
let total = 0;
const nameOf = (n: Node): { key: string; file: string; own: boolean } => {
  const cf = n.callFrame;
  const url = cf.url.replace(/^file:\/\//, '').replace(ROOT + '/', '');
  return {
    key: `${cf.functionName || '(anonymous)'}  ${url ? `${url}:${cf.lineNumber + 1}` : '(native)'}`,
    file: url.replace(/^node_modules\/((@[^/]+\/)?[^/]+)\/.*$/, 'node_modules/$1') || cf.functionName,
    own: /^(electron|shared)\//.test(url),
  };
};
for (const f of readdirSync(profDir).filter((x) => x.endsWith('.cpuprofile'))) {
  const p = JSON.parse(readFileSync(join(profDir, f), 'utf8')) as Profile;
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  for (let i = 0; i < p.samples.length; i++) {
    const n = byId.get(p.samples[i]!)!;
    const dt = (p.timeDeltas[i] ?? 0) / 1000;
    const me = nameOf(n);
    // Idle threads (the tsx loader thread, a worker waiting) are not work.
    if (n.callFrame.functionName === '(idle)') continue;
    self.set(me.key, (self.get(me.key) ?? 0) + dt);
    byFile.set(me.file, (byFile.get(me.file) ?? 0) + dt);
    total += dt;
    const onStack = new Set<string>();
    for (let id: number | undefined = n.id; id !== undefined; id = parent.get(id)) {
      const x = nameOf(byId.get(id)!);
      if (x.own) onStack.add(x.key);
    }
    for (const k of onStack) incl.set(k, (incl.get(k) ?? 0) + dt);
  }
}
const top = Number(topArg);
const show = (m: Map<string, number>, n: number): void => {
  for (const [k, v] of [...m].sort((a, b) => b[1] - a[1]).slice(0, n)) console.log(`${v.toFixed(0).padStart(8)} ms ${((100 * v) / total).toFixed(1).padStart(5)}%  ${k}`);
};
console.log(`\n${stageName}, ${rows} rows: ${total.toFixed(0)} ms of CPU sampled over all threads (idle excluded, process start included)`);
console.log(`\ntop ${top} functions by self time (a native call such as a SQLite statement counts as its JS caller's self time)`);
show(self, top);
console.log('\nself time by file / package');
show(byFile, 15);
console.log(`\nPadan functions (electron/, shared/) by inclusive time`);
show(incl, top);
