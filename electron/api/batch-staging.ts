// Files the renderer sends for import (chosen with <input type=file> or dropped) are held in
// this process's memory only, never written to disk: they are agencies' lists of NIKs and
// names, and a copy outside the encrypted store is what UU 27/2022 forbids. The wizard calls
// listSheets, preview (often several times) and save on the same staged file, so the bytes
// stay here until the batch is saved, the file is older than STALE_MS, or newer files push it
// out (MAX_HELD_BYTES); the wizard's next call then gets STAGED_NOT_FOUND and asks the user
// to choose the file again.
import { randomBytes } from 'node:crypto';
import { rmSync } from 'node:fs';
import { basename, join } from 'node:path';
import { MAX_STAGED_BYTES } from '../../shared/api/batch.ts';
import type { FileBytes } from '../import/index.ts';
import { closeImportSession } from '../import/session.ts';
import { PadanError } from './errors.ts';

const STALE_MS = 12 * 60 * 60 * 1000;

/** All staged files together; a few wizards' worth, so memory stays bounded whatever the renderer sends. */
export const MAX_HELD_BYTES = 4 * MAX_STAGED_BYTES;

interface Staged {
  /** The store the file was staged for: another store's handlers do not see it. */
  dataDir: string;
  fileName: string;
  bytes: Buffer;
  stagedAt: number;
}

// Insertion order is staging order: the first entries are the oldest.
const staged = new Map<string, Staged>();
let heldBytes = 0;

function drop(stagedId: string): void {
  const s = staged.get(stagedId);
  if (!s) return;
  staged.delete(stagedId);
  heldBytes -= s.bytes.length;
  // Its parsed copy in the import session's worker goes too.
  closeImportSession({ fileName: s.fileName, bytes: s.bytes });
}

/** Keeps letters, digits and a few marks: the name is only for the engine's format sniffing and display. */
function safeName(fileName: string): string {
  const base = basename(fileName.replace(/\\/g, '/')).replace(/[^\p{L}\p{N} ._()-]+/gu, '_').replace(/^\.+/, '');
  return (base || 'berkas').slice(0, 180);
}

function notFound(): PadanError {
  return new PadanError('STAGED_NOT_FOUND', 'Berkas yang dipilih sudah tidak tersedia (mungkin sudah disimpan atau kedaluwarsa). Pilih berkasnya lagi.');
}

/**
 * Startup: earlier versions kept staged files as plain copies in <dataDir>/staging; a
 * leftover folder (from a crash before the upgrade) may still hold agencies' data, so it goes.
 */
export function removeLegacyStaging(dataDir: string): void {
  try {
    rmSync(join(dataDir, 'staging'), { recursive: true, force: true, maxRetries: 3 });
  } catch {
    // In use (antivirus, an open Explorer window on Windows): the next start tries again.
  }
}

export function stageBytes(dataDir: string, fileName: string, dataBase64: string, now = Date.now()): { stagedId: string; file: FileBytes; sizeBytes: number } {
  const bytes = Buffer.from(dataBase64, 'base64');
  if (bytes.length === 0) throw new PadanError('EMPTY_FILE', 'Berkas kosong (0 byte). Minta instansi mengirim ulang berkasnya.');
  if (bytes.length > MAX_STAGED_BYTES) {
    throw new PadanError(
      'FILE_TOO_LARGE',
      `Berkas berukuran ${(bytes.length / 1048576).toFixed(1)} MB, melebihi batas ${MAX_STAGED_BYTES / 1048576} MB. Pecah berkas menjadi beberapa berkas lalu impor satu per satu.`,
    );
  }
  for (const [id, s] of staged) if (now - s.stagedAt > STALE_MS) drop(id);
  // Over the cap: the oldest go, without an error here (see the header comment).
  for (const id of staged.keys()) {
    if (heldBytes + bytes.length <= MAX_HELD_BYTES) break;
    drop(id);
  }
  const stagedId = randomBytes(16).toString('hex');
  const entry: Staged = { dataDir, fileName: safeName(fileName), bytes, stagedAt: now };
  staged.set(stagedId, entry);
  heldBytes += bytes.length;
  return { stagedId, file: { fileName: entry.fileName, bytes }, sizeBytes: bytes.length };
}

/** The staged file, for the engine; STAGED_NOT_FOUND once saved, expired, pushed out or never staged. */
export function stagedFile(dataDir: string, stagedId: string, now = Date.now()): FileBytes {
  const s = staged.get(stagedId);
  if (!s || s.dataDir !== dataDir) throw notFound();
  if (now - s.stagedAt > STALE_MS) {
    drop(stagedId);
    throw notFound();
  }
  return { fileName: s.fileName, bytes: s.bytes };
}

export function unstage(dataDir: string, stagedId: string): void {
  if (staged.get(stagedId)?.dataDir === dataDir) drop(stagedId);
}

/** Every file staged for this store (the runtime closing). */
export function unstageAll(dataDir: string): void {
  for (const [id, s] of staged) if (s.dataDir === dataDir) drop(id);
}

/** How many files and bytes are held (tests). */
export function stagedStats(): { files: number; bytes: number } {
  return { files: staged.size, bytes: heldBytes };
}
