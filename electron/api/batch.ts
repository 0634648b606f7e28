import type { Database } from 'better-sqlite3-multiple-ciphers';
import type { EarlierBatch } from '../../shared/api/batch.ts';
import { matchService } from '../runtime/match-service.ts';
import { appendAudit } from '../store/audit.ts';
import { getAgency } from './agencies.ts';
import { listSheets, prepare, save, toPreview } from './batch-import.ts';
import { batchDetail, batchItem, listBatches } from './batch-list.ts';
import { stageBytes, stagedFile, unstage } from './batch-staging.ts';
import { operatorOf } from './context.ts';
import { PadanError } from './errors.ts';
import type { DomainHandlers } from './types.ts';
import { deleteBatchNiks } from '../store/batch-niks.ts';
import { unmarkCrossBatches } from '../match/cross-batch.ts';
import { closeImportSession } from '../import/session.ts';

// Handlers of the 'batch' domain (contract: shared/api/batch.ts). The wizard's file is held in
// memory from stageFile to save (batch-staging.ts), never written to disk.

/** The same bytes already imported for this agency (domain: a file sent twice). */
function earlierBatch(db: Database, agencyId: number, sha256: string): EarlierBatch | null {
  const r = db
    .prepare(`SELECT id, created_at, file_name FROM batches WHERE agency_id = ? AND file_sha256 = ? AND state <> 'PURGED' ORDER BY id LIMIT 1`)
    .get(agencyId, sha256) as { id: number; created_at: string; file_name: string } | undefined;
  return r ? { batchId: r.id, createdAt: r.created_at, fileName: r.file_name } : null;
}

function duplicateError(e: EarlierBatch): PadanError {
  const err = new PadanError(
    'DUPLICATE_FILE',
    `Berkas yang sama persis sudah diimpor untuk instansi ini sebagai batch #${e.batchId} (${e.createdAt.slice(0, 10)}). ` +
      'Buka batch tersebut, atau simpan lagi dengan izin duplikat bila memang disengaja.',
  );
  return Object.assign(err, { data: e });
}

function requireBatch(db: Database, batchId: number): { state: string } {
  const b = db.prepare('SELECT state FROM batches WHERE id = ?').get(batchId) as { state: string } | undefined;
  if (!b) throw new PadanError('BATCH_NOT_FOUND', `Batch #${batchId} tidak ditemukan. Muat ulang daftar batch.`);
  if (b.state === 'PURGED') throw new PadanError('BATCH_PURGED', `Data batch #${batchId} sudah dihapus karena masa retensi berakhir; batch tidak dapat dipadankan lagi.`);
  return b;
}

export const batchHandlers: DomainHandlers<'batch'> = {
  stageFile: async ({ fileName, dataBase64 }, ctx) => {
    const staged = stageBytes(ctx.dataDir, fileName, dataBase64);
    try {
      const { format, sheets } = await listSheets(staged.file);
      return { stagedId: staged.stagedId, fileName: staged.file.fileName, sizeBytes: staged.sizeBytes, format, sheets };
    } catch (err) {
      unstage(ctx.dataDir, staged.stagedId);
      throw err;
    }
  },

  preview: async (a, ctx) => {
    const file = stagedFile(ctx.dataDir, a.stagedId);
    const prepared = await prepare(ctx.db, file, { sheet: a.sheet, headerRow: a.headerRow, map: a.map, agencyId: a.agencyId });
    const duplicateOf = a.agencyId ? earlierBatch(ctx.db, a.agencyId, prepared.file.sha256) : null;
    return { ...toPreview(prepared), duplicateOf };
  },

  save: async (a, ctx) => {
    const file = stagedFile(ctx.dataDir, a.stagedId);
    getAgency(ctx.db, a.agencyId);
    // The map the user confirmed in the wizard is explicit: it wins over any guess.
    const result = await save(
      ctx.db, file, { sheet: a.sheet, headerRow: a.headerRow, map: a.map, agencyId: a.agencyId },
      {
        agencyId: a.agencyId, programId: a.programId ?? null, letterNo: a.letterNo, receivedOn: a.receivedOn,
        channel: a.channel, purpose: a.purpose || null, operator: operatorOf(ctx), allowDuplicate: a.allowDuplicate ?? false,
      },
      (sha256) => {
        const earlier = earlierBatch(ctx.db, a.agencyId, sha256);
        if (earlier && !a.allowDuplicate) throw duplicateError(earlier);
      },
    );
    // The parsed rows (NIKs, names) were only kept for the wizard's next step, in the import
    // session's worker; now they are in the encrypted store, so the session and its copy go
    // with the staged bytes.
    unstage(ctx.dataDir, a.stagedId);
    closeImportSession();
    ctx.emit('batch/changed', { batchId: result.batchId });
    return result;
  },

  list: (a, ctx) => listBatches(ctx.db, a, matchService(ctx)),

  // Counts only, no personal data: not audited (the detail view refreshes on every progress event).
  get: (a, ctx) => batchDetail(ctx.db, a.batchId, matchService(ctx)),

  match: (a, ctx) => {
    const b = requireBatch(ctx.db, a.batchId);
    if (b.state === 'MATCHED' || b.state === 'EXPORTED') {
      throw new PadanError('ALREADY_MATCHED', `Batch #${a.batchId} sudah selesai dipadankan. Buka Koreksi untuk meninjau hasilnya.`);
    }
    matchService(ctx).start(a.batchId, operatorOf(ctx));
    return batchItem(ctx.db, a.batchId, matchService(ctx));
  },

  resume: (a, ctx) => {
    requireBatch(ctx.db, a.batchId);
    matchService(ctx).start(a.batchId, operatorOf(ctx));
    return batchItem(ctx.db, a.batchId, matchService(ctx));
  },

  cancel: (a, ctx) => {
    requireBatch(ctx.db, a.batchId);
    matchService(ctx).cancel(a.batchId);
    return batchItem(ctx.db, a.batchId, matchService(ctx));
  },

  delete: ({ batchId, reason }, ctx) => {
    requireBatch(ctx.db, batchId);
    if (matchService(ctx).isRunning(batchId)) {
      throw new PadanError('BATCH_BUSY', `Batch #${batchId} sedang dipadankan. Batalkan pemadanan dulu, lalu hapus.`);
    }
    const corrections = (ctx.db.prepare('SELECT COUNT(*) AS n FROM corrections WHERE batch_id = ?').get(batchId) as { n: number }).n;
    if (corrections > 0) {
      throw new PadanError('BATCH_HAS_CORRECTIONS', `Batch #${batchId} sudah memiliki ${corrections} koreksi yang tercatat. Batch seperti ini dihapus melalui retensi (Pengaturan > Cadangan & retensi), bukan dihapus langsung.`);
    }
    matchService(ctx).cancel(batchId);
    ctx.db.transaction(() => {
      const rows = (ctx.db.prepare('SELECT row_count AS n FROM batches WHERE id = ?').get(batchId) as { n: number }).n;
      unmarkCrossBatches(ctx.db, batchId); // before its rows go: they find the marked rows
      deleteBatchNiks(ctx.db, batchId);
      for (const t of ['row_results', 'match_chunks', 'batch_rows', 'batch_stats']) ctx.db.prepare(`DELETE FROM ${t} WHERE batch_id = ?`).run(batchId);
      ctx.db.prepare('DELETE FROM batches WHERE id = ?').run(batchId);
      appendAudit(ctx.db, { operator: operatorOf(ctx), action: 'DELETE_BATCH', batchId, detail: { rows, reason } });
    })();
    ctx.emit('batch/changed', { batchId: null });
    return null;
  },
};
