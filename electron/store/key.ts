import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync, chmodSync } from 'node:fs';
import { join } from 'node:path';

export const KEY_FILE = 'padan.key';

/**
 * The store key for the CLI and tests: PADAN_DB_KEY, else a random key kept in a file
 * readable only by its owner (mode 0600) in the data folder. The app keeps its key with
 * Electron safeStorage instead (electron/main.ts).
 */
export function resolveCliKey(dataDir: string, env: NodeJS.ProcessEnv = process.env): string {
  const fromEnv = env.PADAN_DB_KEY?.trim();
  if (fromEnv) return fromEnv;
  const file = join(dataDir, KEY_FILE);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dataDir, { recursive: true });
  const key = randomBytes(32).toString('hex');
  writeFileSync(file, key + '\n', { mode: 0o600, flag: 'wx' });
  chmodSync(file, 0o600);
  return key;
}
