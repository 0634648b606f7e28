// Times the default demo registry (163,314 persons); target: under 20 s on 2 cores.
//   node --import tsx scripts/demo-timing.ts [DIR]
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateDemoRegistry } from '../electron/demo/index.ts';

const dir = process.argv[2] ?? mkdtempSync(join(tmpdir(), 'padan-demo-timing-'));
const r = await generateDemoRegistry({ dir });
console.log(`${r.persons} penduduk, ${r.families} KK: ${(r.millis / 1000).toFixed(2)} detik (${r.path})`);
if (!process.argv[2]) rmSync(dir, { recursive: true, force: true });
