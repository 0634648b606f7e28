#!/usr/bin/env node
// Entry for `npx padan`. It runs the built CLI (out/main/cli.js, made by `npm run build` or
// `npm test`) when that build is newer than every source file: plain Node starts in a fraction
// of the time, and so does each worker thread it starts (no TypeScript loader in any of them).
// Otherwise, or with PADAN_CLI=source, it runs the TypeScript sources through tsx, so an edit
// is never hidden behind an old build. PADAN_CLI=built insists on the build (tests of it).
import { existsSync, readdirSync, statSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const root = fileURLToPath(new URL('..', import.meta.url));
const built = new URL('../out/main/cli.js', import.meta.url);
const mode = process.env.PADAN_CLI ?? 'auto';

/** Newest modification time under the folders the build is made from. */
function newestSource() {
  let newest = 0;
  const walk = (dir) => {
    for (const e of readdirSync(dir, { withFileTypes: true })) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = `${dir}/${e.name}`;
      if (e.isDirectory()) walk(p);
      else newest = Math.max(newest, statSync(p).mtimeMs);
    }
  };
  for (const d of ['electron', 'shared']) walk(`${root}${d}`);
  for (const f of ['package.json', 'electron.vite.config.ts']) newest = Math.max(newest, statSync(`${root}${f}`).mtimeMs);
  return newest;
}

function useBuild() {
  if (mode === 'source') return false;
  const fresh = existsSync(built) && statSync(built).mtimeMs >= newestSource();
  if (mode === 'built' && !fresh) {
    process.stderr.write('PADAN_CLI=built: out/main/cli.js tidak ada atau lebih lama dari sumbernya. Jalankan `npm run build` dulu.\n');
    process.exit(1);
  }
  return fresh;
}

let main;
if (useBuild()) {
  ({ main } = await import(built.href));
} else {
  const { register } = await import('tsx/esm/api');
  register();
  ({ main } = await import('../electron/cli.ts'));
}
process.exitCode = await main(process.argv.slice(2));
