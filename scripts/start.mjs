#!/usr/bin/env node
// `npm start`: builds Padan and runs it on its embedded demo registry. With the Electron
// binary present it opens the desktop app; without it (ELECTRON_SKIP_BINARY_DOWNLOAD=1) it
// serves the same UI and engine on 127.0.0.1 and opens it in Chromium, saying so loudly.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const root = new URL('..', import.meta.url).pathname;
const build = spawnSync('npx', ['electron-vite', 'build'], { stdio: 'inherit', cwd: root });
if (build.status !== 0) process.exit(build.status ?? 1);

// Not require('electron'): without the binary it tries to download it on the spot.
let electronBinary;
try {
  const dir = dirname(require.resolve('electron/package.json'));
  const p = join(dir, 'dist', readFileSync(join(dir, 'path.txt'), 'utf8').trim());
  electronBinary = existsSync(p) ? p : null;
} catch {
  electronBinary = null;
}

if (electronBinary) {
  spawn(electronBinary, ['.'], { stdio: 'inherit', cwd: root }).on('exit', (c) => process.exit(c ?? 0));
} else {
  console.log('\n*** Electron binary not installed (ELECTRON_SKIP_BINARY_DOWNLOAD). Running Padan through the');
  console.log('*** loopback bridge instead: same engine, same UI, served on 127.0.0.1 only.\n');
  const bridge = spawn(process.execPath, ['--import', 'tsx', 'scripts/bridge.ts', '--prepare-registry', '--port', process.env.PORT ?? '5317'], {
    stdio: ['ignore', 'pipe', 'inherit'],
    cwd: root,
  });
  bridge.stdout.on('data', (d) => {
    process.stdout.write(d);
    const m = /PADAN_BRIDGE_URL=(\S+)/.exec(d.toString());
    if (!m) return;
    const chromium = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome'].find(existsSync);
    if (chromium && process.env.DISPLAY) {
      spawn(chromium, [`--app=${m[1]}`, '--no-first-run', '--disable-background-networking'], { stdio: 'ignore', detached: true });
    } else {
      console.log(`Open ${m[1]} in a browser on this machine.`);
    }
  });
  bridge.on('exit', (c) => process.exit(c ?? 0));
}
