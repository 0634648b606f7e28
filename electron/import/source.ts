// What the engine reads: a path (the CLI, the bench, tests), or a file's bytes held in memory.
// The import wizard's files arrive over IPC and are kept in memory only (api/batch-staging.ts):
// a copy on disk would be personal data outside the encrypted store (UU 27/2022).
import { createHash } from 'node:crypto';

export interface FileBytes {
  /** The name the user gave; shown, stored with the batch, and used to tell CSV from XML. */
  fileName: string;
  /** Must not change once handed to the engine: the read cache knows them by their hash. */
  bytes: Uint8Array;
}

export type ImportSource = string | FileBytes;

/** How a source crosses into the reader worker: the bytes go as a private copy. */
export type WireSource = { path: string } | { fileName: string; bytes: Uint8Array };

export function sourcePath(source: ImportSource): string | null {
  return typeof source === 'string' ? source : null;
}

// The hash of each byte array, computed once: the wizard previews the same staged file many
// times (every mapping change), and hashing 30 MB each time would be felt.
const hashes = new WeakMap<Uint8Array, string>();

export function bytesSha256(bytes: Uint8Array): string {
  let h = hashes.get(bytes);
  if (h === undefined) {
    h = createHash('sha256').update(bytes).digest('hex');
    hashes.set(bytes, h);
  }
  return h;
}

/**
 * The source for the worker's input, and what to transfer with it. The bytes are copied into
 * a fresh buffer that is transferred: the caller's array stays whole (the staging map keeps
 * it for the next call), and no other data sharing its memory (Node's Buffer pool) goes along.
 */
export function toWire(source: ImportSource): { wire: WireSource; transfer: ArrayBuffer[] } {
  if (typeof source === 'string') return { wire: { path: source }, transfer: [] };
  const copy = new Uint8Array(source.bytes.byteLength);
  copy.set(source.bytes);
  return { wire: { fileName: source.fileName, bytes: copy }, transfer: [copy.buffer] };
}
