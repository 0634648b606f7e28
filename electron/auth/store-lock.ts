// One process at a time on a store: the app takes this lock at start, the CLI refuses
// politely while it is held. A lock whose pid is no longer alive (crash, power cut) is
// stale and taken over.
import { closeSync, openSync, readFileSync, rmSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import { AuthError } from './errors.ts';

export const LOCK_FILE = 'padan.lock';
export const STORE_IN_USE_MESSAGE =
  'Padan sedang terbuka di aplikasi; tutup aplikasi atau tunggu sampai selesai, lalu jalankan perintah ini lagi.';

export interface StoreLock {
  path: string;
  release(): void;
}

function pidAlive(pid: number): boolean {
  if (!Number.isInteger(pid) || pid <= 0) return false;
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to another user.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

export function acquireStoreLock(dataDir: string): StoreLock {
  const path = join(dataDir, LOCK_FILE);
  for (let attempt = 0; attempt < 2; attempt++) {
    try {
      // 'wx' creates atomically: two processes cannot both succeed.
      const fd = openSync(path, 'wx', 0o600);
      writeSync(fd, `${process.pid}\n`);
      closeSync(fd);
      let released = false;
      return {
        path,
        release() {
          if (released) return;
          released = true;
          try {
            if (Number(readFileSync(path, 'utf8').trim()) === process.pid) rmSync(path);
          } catch {
            /* already gone */
          }
        },
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      let holder = NaN;
      try {
        holder = Number(readFileSync(path, 'utf8').trim());
      } catch {
        /* vanished between open and read: try again */
      }
      if (holder === process.pid || pidAlive(holder)) throw new AuthError('AUTH_STORE_IN_USE', STORE_IN_USE_MESSAGE);
      rmSync(path, { force: true }); // stale: its process is gone
    }
  }
  throw new AuthError('AUTH_STORE_IN_USE', STORE_IN_USE_MESSAGE);
}
