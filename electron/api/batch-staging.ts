// Files the renderer sends for import (chosen with <input type=file> or dropped): written to
// <dataDir>/staging/<random id>/<name> so the import engine reads them like any file. The
// staged copy holds personal data outside the encrypted store, so it is removed after the
// batch is saved and any copy older than STALE_MS is removed at the next staging.
import { randomBytes } from 'node:crypto';
import { mkdirSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_STAGED_BYTES } from '../../shared/api/batch.ts';
import { PadanError } from './errors.ts';

const STALE_MS = 12 * 60 * 60 * 1000;

function stagingDir(dataDir: string): string {
  return join(dataDir, 'staging');
}

/** Keeps letters, digits and a few marks: the name is only for the engine's format sniffing and display. */
function safeName(fileName: string): string {
  const base = basename(fileName.replace(/\\/g, '/')).replace(/[^\p{L}\p{N} ._()-]+/gu, '_').replace(/^\.+/, '');
  return (base || 'berkas').slice(0, 180);
}

export function removeStale(dataDir: string, now = Date.now()): void {
  const dir = stagingDir(dataDir);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return;
  }
  for (const e of entries) {
    const p = join(dir, e);
    try {
      if (now - statSync(p).mtimeMs > STALE_MS) rmSync(p, { recursive: true, force: true });
    } catch {
      // Gone already, or in use by another window: the next run tries again.
    }
  }
}

export function stageBytes(dataDir: string, fileName: string, dataBase64: string): { stagedId: string; path: string; sizeBytes: number } {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new PadanError('EMPTY_FILE', 'Berkas kosong (0 byte). Minta instansi mengirim ulang berkasnya.');
  if (bytes.length > MAX_STAGED_BYTES) {
    throw new PadanError(
      'FILE_TOO_LARGE',
      `Berkas berukuran ${(bytes.length / 1048576).toFixed(1)} MB, melebihi batas ${MAX_STAGED_BYTES / 1048576} MB. Pecah berkas menjadi beberapa berkas lalu impor satu per satu.`,
    );
  }
  removeStale(dataDir);
  const stagedId = randomBytes(16).toString('hex');
  const dir = join(stagingDir(dataDir), stagedId);
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const path = join(dir, safeName(fileName));
  writeFileSync(path, bytes, { mode: 0o600 });
  return { stagedId, path, sizeBytes: bytes.length };
}

export function stagedPath(dataDir: string, stagedId: string): string {
  const dir = join(stagingDir(dataDir), stagedId);
  let names: string[] = [];
  try {
    names = readdirSync(dir);
  } catch {
    // handled below
  }
  if (names.length !== 1) {
    throw new PadanError('STAGED_NOT_FOUND', 'Berkas yang dipilih sudah tidak tersedia (mungkin sudah disimpan atau kedaluwarsa). Pilih berkasnya lagi.');
  }
  return join(dir, names[0]!);
}

export function unstage(dataDir: string, stagedId: string): void {
  rmSync(join(stagingDir(dataDir), stagedId), { recursive: true, force: true });
}
