// Main-thread side of reading: checks the file's size, runs read-worker.ts in a worker with
// heap and time limits, and turns every failure into an ImportError. The last file read is
// cached so listSheets followed by prepareImport parses it once. The file is a path or bytes
// held in memory (source.ts); both get the same checks, limits and cache.
import { stat } from 'node:fs/promises';
import { ImportError, importErrors, type ImportErrorCode } from './errors.ts';
import type { ReadInput, ReadLimits, ReadResult, ReadSheet, ReadWire } from './read-worker.ts';
import { bytesSha256, toWire, type ImportSource } from './source.ts';
import { prewarmWorker, startInWorker, WorkerFailure, WorkerJobError, type WorkerLimits } from './worker-host.ts';

export interface ImportLimits extends ReadLimits {
  maxFileBytes: number;
  timeoutMs: number;
  maxHeapMb: number;
}

export const DEFAULT_LIMITS: ImportLimits = {
  maxFileBytes: 100 * 1024 * 1024,
  maxUnpackedBytes: 1024 * 1024 * 1024,
  maxRows: 1_048_576,
  // Excel allows 16,384 columns; no agency list needs more than a few dozen.
  maxCols: 2_000,
  // Excel's own limit for one cell.
  maxCellChars: 32_767,
  timeoutMs: 120_000,
  maxHeapMb: 3_072,
};

export const WORKER_ENTRY = new URL(import.meta.url.endsWith('.ts') ? './read-worker.ts' : './read-worker.js', import.meta.url);

/**
 * The reader's young generation: SheetJS allocates millions of short-lived strings, and a
 * 32 MB semi-space (96 MB young generation) spends ~10% less CPU on scavenges than 64 MB.
 * The memory guard is the old-generation limit (maxHeapMb), unchanged.
 */
const READER_YOUNG_MB = 96;

/** The reader worker's limits; prewarmed and started workers must agree to be reused. */
export function readerLimits(l: ImportLimits): WorkerLimits {
  return { timeoutMs: l.timeoutMs, maxOldGenerationSizeMb: l.maxHeapMb, maxYoungGenerationSizeMb: READER_YOUNG_MB };
}

let cache: { key: string; result: ReadResult } | null = null;

/**
 * Starts the next reader worker ahead of time (the wizard calls this when it opens; the
 * engine's index does it once when loaded), so picking a file does not wait for SheetJS to
 * load. Not after every read: an idle worker loading on a busy 2-core machine slows the rest.
 */
export function prewarmReader(): void {
  prewarmWorker(WORKER_ENTRY, readerLimits(DEFAULT_LIMITS));
}

/**
 * The checks every read starts with (before a worker is started); returns the read cache key.
 * Bytes are known by their hash (and name: it decides CSV or XML), so a preview followed by
 * the save parses a staged file once, as the path, size and mtime do for a file on disk.
 */
export async function checkFile(source: ImportSource, l: ImportLimits): Promise<string> {
  if (typeof source !== 'string') {
    const size = source.bytes.byteLength;
    if (size === 0) throw importErrors.empty();
    if (size > l.maxFileBytes) throw importErrors.tooLarge(size, l.maxFileBytes);
    return JSON.stringify(['bytes', source.fileName, size, bytesSha256(source.bytes), l]);
  }
  const path = source;
  let st;
  try {
    st = await stat(path);
  } catch {
    throw importErrors.notFound(path);
  }
  if (!st.isFile()) throw importErrors.notFound(path);
  if (st.size === 0) throw importErrors.empty();
  if (st.size > l.maxFileBytes) throw importErrors.tooLarge(st.size, l.maxFileBytes);
  return JSON.stringify([path, st.size, st.mtimeMs, l]);
}

/** True when the last read was this file, unchanged, with these limits (no parse needed). */
export function isReadCached(key: string): boolean {
  return cache?.key === key;
}

export function readLimits(l: ImportLimits): ReadLimits {
  return { maxRows: l.maxRows, maxCols: l.maxCols, maxCellChars: l.maxCellChars, maxUnpackedBytes: l.maxUnpackedBytes };
}

export async function readWorkbook(source: ImportSource, limits: Partial<ImportLimits> = {}): Promise<ReadResult> {
  const l: ImportLimits = { ...DEFAULT_LIMITS, ...limits };
  const key = await checkFile(source, l);
  if (cache?.key === key) return cache.result;
  cache = null;
  let result: ReadResult;
  try {
    const { wire: file, transfer } = toWire(source);
    const wire = await startInWorker<ReadInput, ReadWire>(WORKER_ENTRY, { file, limits: readLimits(l) }, readerLimits(l), transfer).result;
    const { sheetsJson, ...meta } = wire;
    result = { ...meta, sheets: JSON.parse(sheetsJson) as ReadSheet[] };
  } catch (err) {
    throw toImportError(err, l);
  }
  cache = { key, result };
  return result;
}

/** Forgets the cached parse (tests, or after the file was imported). */
export function clearReadCache(): void {
  cache = null;
}

/** Whether a parsed file (its rows, NIKs included) is held in memory. */
export function holdsReadCache(): boolean {
  return cache !== null;
}

export function toImportError(err: unknown, l: ImportLimits): ImportError {
  if (err instanceof ImportError) return err;
  if (err instanceof WorkerFailure) {
    if (err.kind === 'TIMEOUT') return importErrors.timeout(Math.round(l.timeoutMs / 1000));
    return importErrors.outOfMemory();
  }
  if (err instanceof WorkerJobError) {
    if (err.originalName === 'ImportError' && err.code) {
      return new ImportError(err.code as ImportErrorCode, err.message, err.data ?? {});
    }
    if (/Invalid string length|allocation failed|out of memory|Maximum call stack/i.test(err.message)) {
      return importErrors.outOfMemory();
    }
    return importErrors.corrupt(err.message.slice(0, 120));
  }
  return importErrors.corrupt(err instanceof Error ? err.message.slice(0, 120) : undefined);
}
