// The import stage: file -> rows (worker, limits) -> header and mapping -> stored batch.
// See README-free summary in each module; this is the API the handlers and the CLI use.
import type { Database as Db } from 'better-sqlite3-multiple-ciphers';
import { prepareImport, type PrepareOptions } from './prepare.ts';
import { getSavedMap, saveBatch, type BatchPurpose, type SavedBatch, type SaveOptions } from './save-batch.ts';

export { ImportError, type ImportErrorCode } from './errors.ts';
export { listSheets, prepareImport, type FileInfo, type ImportPreview, type PrepareOptions, type SheetInfo } from './prepare.ts';
export { findDuplicateBatch, getSavedMap, saveBatch, type BatchPurpose, type SavedBatch, type SaveOptions } from './save-batch.ts';
export { mapColumns, parseMapSpec, toSavedMap, type ColumnMapping, type MapSpec, type MappingSource, type UnmappedColumn } from './mapping.ts';
export { detectHeader, dataRowIndexes, type HeaderInfo } from './header.ts';
export type { ImportRow, ValidationSummary } from './rows.ts';
export { readWorkbook, clearReadCache, holdsReadCache, prewarmReader, DEFAULT_LIMITS, type ImportLimits } from './read.ts';
export { prewarmWorker, runInWorker, WorkerFailure, WorkerJobError, type WorkerLimits } from './worker-host.ts';
export type { FileBytes, ImportSource } from './source.ts';
import { checkFile, DEFAULT_LIMITS, isReadCached, prewarmReader, type ImportLimits } from './read.ts';
import type { ImportSource } from './source.ts';
import { streamImportFile } from './stream.ts';

// Loading the engine readies one idle reader (unref'd: it never keeps the process alive).
prewarmReader();

export type ImportFileOptions = PrepareOptions & SaveOptions & { purpose: BatchPurpose; operator: string };

/**
 * Reads, maps (with the agency's saved mapping as a hint) and stores one file (a path, or
 * bytes held in memory) in one go. The worker builds the rows and this thread stores them as
 * they come (stream.ts), in one transaction; a file already parsed (listSheets, a preview)
 * goes the in-memory way instead.
 */
export async function importFile(db: Db, source: ImportSource, options: ImportFileOptions): Promise<SavedBatch & { preview: ImportPreviewLite }> {
  const savedMap = options.savedMap !== undefined ? options.savedMap : getSavedMap(db, options.purpose.agencyId);
  const limits: ImportLimits = { ...DEFAULT_LIMITS, ...options.limits };
  if (!isReadCached(await checkFile(source, limits))) {
    return streamImportFile(db, source, options.purpose, options.operator, { ...options, savedMap });
  }
  const preview = await prepareImport(source, { ...options, savedMap });
  const saved = saveBatch(db, preview, options.purpose, options.operator, options);
  const { rows: _rows, ...lite } = preview;
  void _rows;
  return { ...saved, preview: lite };
}

/** The preview without its full row list (what goes over IPC). */
export type ImportPreviewLite = Omit<import('./prepare.ts').ImportPreview, 'rows'>;
