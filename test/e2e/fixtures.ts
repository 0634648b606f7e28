// A fresh Padan engine per test file, served through the loopback bridge, with its own
// data folder; the page fixture opens the real renderer against it.
import { test as base, expect } from '@playwright/test';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface BridgeInfo {
  url: string;
  dataDir: string;
}

export async function launchBridge(env: Record<string, string> = {}): Promise<{ info: BridgeInfo; stop: () => Promise<void> }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'padan-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', 'scripts/bridge.ts', '--data-dir', dataDir], {
    env: { ...process.env, PADAN_DB_KEY: 'e2e-key', ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    const timer = setTimeout(() => reject(new Error('bridge did not start in 60 s')), 60_000);
    child.stdout!.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /PADAN_BRIDGE_URL=(\S+)/.exec(out);
      if (m) {
        clearTimeout(timer);
        resolve(m[1]!);
      }
    });
    child.on('exit', (code) => reject(new Error(`bridge exited with ${code}`)));
  });
  return {
    info: { url, dataDir },
    stop: async () => {
      child.kill('SIGTERM');
      await new Promise((r) => child.once('exit', r));
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

/** `test` whose `bridge` is an engine of its own, started with `env` (shared by the file's tests). */
export function testWithOwnBridge(env: Record<string, string> = {}) {
  return base.extend<object, { bridge: BridgeInfo }>({
    bridge: [
      async ({}, use) => {
        const { info, stop } = await launchBridge(env);
        await use(info);
        await stop();
      },
      { scope: 'worker' },
    ],
  });
}

/** The engine most specs share, one per Playwright worker. */
export const test = testWithOwnBridge();

export { expect };

export const ADMIN = { username: 'admin', displayName: 'Andi Admin', password: 'rahasia-kuat-1' };

/** Creates the first administrator (if needed) and signs the bridge's session in. */
export async function signInViaApi(request: import('@playwright/test').APIRequestContext, url: string): Promise<void> {
  const status = await (await request.post(`${url}/api/auth/status`, { data: {} })).json();
  if (!status.value.hasAccounts) {
    const r = await (await request.post(`${url}/api/auth/setupAdmin`, { data: ADMIN })).json();
    if (!r.ok) throw new Error(r.error.message);
  }
  const r = await (await request.post(`${url}/api/auth/signIn`, { data: { username: ADMIN.username, password: ADMIN.password } })).json();
  if (!r.ok) throw new Error(r.error.message);
}
