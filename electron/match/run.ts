// Matching a batch against the registry in chunks of at most CHUNK_SIZE rows. Each chunk's
// results and its match_chunks row are written in one transaction, so calling matchBatch
// again after a drop, a closed window or a crash resumes at the first unfinished chunk.
import { refreshBatchStats } from '../stats/batch-stats.ts';
import type { Database } from 'better-sqlite3-multiple-ciphers';
import { CHUNK_SIZE } from '../../shared/domain.ts';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import type { Registry, RegistryPerson } from '../registry/types.ts';
import { appendAudit } from '../store/audit.ts';
import { inThreadSearch, MIN_CHUNKS_FOR_WORKER, reopenableSpec, workerSearch, type CandidateSearch, type ChunkCandidates } from './candidate-pool.ts';
import { markCrossBatches } from './cross-batch.ts';
import { mappedElements, readRows, type MatchRow, type RowVerdict } from './rows.ts';
import { rowVerdict } from './status.ts';
import { MatchTally } from './tally.ts';
import { encodeSnapshot } from '../registry/snapshot.ts';

export interface MatchProgress {
  done: number;
  total: number;
  /** Rows per second in this run. */
  rate: number;
  etaSeconds: number;
  chunk: number;
}

export interface MatchOptions {
  operator: string;
  signal?: AbortSignal;
  onProgress?: (p: MatchProgress) => void;
  /** 'none' settles statuses only (candidates later, per row or per batch); default 'bulk'. */
  candidates?: 'bulk' | 'none';
  /** false keeps the candidate search on this thread even for a registry file (tests). */
  candidateWorker?: boolean;
}

export interface MatchCounts {
  status: Record<string, number>;
  reason: Record<string, number>;
}

export interface MatchResult {
  state: 'MATCHED' | 'CANCELLED' | 'QUEUED';
  /** Rows settled by this call (a resumed run does not count finished chunks again). */
  checked: number;
  counts: MatchCounts;
  /** Indonesian message when queued. */
  error?: string;
}

const CONNECTION_CODES = new Set(['REGISTRY_UNREACHABLE', 'REGISTRY_TIMEOUT', 'REGISTRY_DROPPED', 'REGISTRY_BUSY']);

/** A registry failure after which the same work can succeed later: the batch waits in the queue. */
export function isConnectionError(err: unknown): boolean {
  const e = err as { code?: unknown; retryable?: unknown } | null;
  return typeof e?.code === 'string' && (CONNECTION_CODES.has(e.code) || (e.code.startsWith('REGISTRY_') && e.retryable === true));
}

export function batchCounts(db: Database, batchId: number): MatchCounts {
  const rows = db
    .prepare('SELECT status, reason, COUNT(*) AS n FROM row_results WHERE batch_id = ? GROUP BY status, reason')
    .all(batchId) as { status: string; reason: string | null; n: number }[];
  const counts: MatchCounts = { status: {}, reason: {} };
  for (const r of rows) {
    counts.status[r.status] = (counts.status[r.status] ?? 0) + r.n;
    if (r.reason) counts.reason[r.reason] = (counts.reason[r.reason] ?? 0) + r.n;
  }
  return counts;
}

interface BatchHead {
  state: string;
  column_map: string;
}

export async function matchBatch(
  db: Database,
  registry: Registry,
  mapping: SchemaMapping,
  batchId: number,
  opts: MatchOptions,
): Promise<MatchResult> {
  const batch = db.prepare('SELECT state, column_map FROM batches WHERE id = ?').get(batchId) as BatchHead | undefined;
  if (!batch) throw new Error(`Batch ${batchId} tidak ditemukan di basis data lokal.`);
  if (batch.state === 'PURGED') throw new Error(`Batch ${batchId} sudah dihapus (masa retensi berakhir); tidak dapat dipadankan.`);
  const mapped = mappedElements(batch.column_map);
  // MAX(seq) is one step down the primary key; COUNT(*) over batch_rows would decrypt every page.
  const { total, maxSeq } = db
    .prepare('SELECT row_count AS total, (SELECT COALESCE(MAX(seq), -1) FROM batch_rows WHERE batch_id = @batchId) AS maxSeq FROM batches WHERE id = @batchId')
    .get({ batchId }) as { total: number; maxSeq: number };
  const finished = new Set(
    (db.prepare('SELECT chunk_no FROM match_chunks WHERE batch_id = ?').all(batchId) as { chunk_no: number }[]).map((r) => r.chunk_no),
  );

  db.transaction(() => {
    // Every row has a result row from the start (the import writes them), so an unchecked row
    // shows as BELUM_DIPERIKSA and each chunk only updates its rows. Filled in here only for a
    // batch that somehow lacks them, since that statement reads every row of the batch.
    const results = (db.prepare('SELECT count(*) AS n FROM row_results WHERE batch_id = ?').get(batchId) as { n: number }).n;
    if (results < total) {
      db.prepare(
        `INSERT OR IGNORE INTO row_results (batch_id, seq, status) SELECT batch_id, seq, 'BELUM_DIPERIKSA' FROM batch_rows WHERE batch_id = ?`,
      ).run(batchId);
    }
    db.prepare(`UPDATE batches SET state = 'MATCHING', registry_label = ?, last_error = NULL WHERE id = ?`).run(registry.label, batchId);
  })();

  const update = db.prepare(
    `UPDATE row_results SET status = ?, reason = ?, elements = ?, registry = ?, candidates = ?, checked_at = ? WHERE batch_id = ? AND seq = ?`,
  );
  const chunkDone = db.prepare('INSERT INTO match_chunks (batch_id, chunk_no, first_seq, last_seq, done_at) VALUES (?, ?, ?, ?, ?)');
  const writeChunk = db.transaction(
    (chunkNo: number, first: number, last: number, results: ChunkResult[]) => {
      const at = new Date().toISOString();
      for (const [seq, v, cands] of results) {
        update.run(v.status, v.reason, JSON.stringify(v.elements), v.person ? encodeSnapshot(v.person) : null, cands ?? '[]', at, batchId, seq);
      }
      chunkDone.run(batchId, chunkNo, first, last, at);
    },
  );

  const chunks = Math.floor(maxSeq / CHUNK_SIZE) + 1;
  let done = [...finished].reduce((n, c) => n + Math.min(CHUNK_SIZE, total - c * CHUNK_SIZE), 0);
  let checked = 0;
  const started = Date.now();
  const tally = new MatchTally();
  const search = candidateSearch(registry, mapping, opts, chunks - finished.size);

  // One chunk deep: while chunk N's candidates are searched (in a worker when the registry
  // allows), chunk N+1 is read, looked up and judged here; chunk N is written whole, statuses
  // and candidates in one transaction, before N+1 is. A failure or cancel leaves the chunk in
  // flight unwritten, and a resumed run starts from it.
  let inFlight: ChunkInFlight | null = null;
  const write = (c: ChunkInFlight, candidates: ChunkCandidates): void => {
    const results: ChunkResult[] = c.rows.map((r) => [r.seq, c.verdicts.get(r.seq)!, candidates.get(r.seq)]);
    writeChunk(c.chunkNo, c.first, c.last, results);
    for (const [, v] of results) tally.add(v);
    done += c.rows.length;
    checked += c.rows.length;
    const seconds = Math.max(0.001, (Date.now() - started) / 1000);
    const rate = checked / seconds;
    opts.onProgress?.({ done, total, rate, etaSeconds: rate > 0 ? (total - done) / rate : 0, chunk: c.chunkNo });
  };
  try {
    for (let chunkNo = 0; chunkNo <= chunks; chunkNo++) {
      if (chunkNo < chunks && finished.has(chunkNo)) continue;
      if (opts.signal?.aborted) return stop(db, batchId, 'CANCELLED', checked, CANCELLED_MESSAGE);
      let next: ChunkInFlight | null = null;
      let failure: unknown = null;
      try {
        if (chunkNo < chunks) next = await judgeChunk(db, registry, mapping, mapped, batchId, chunkNo, search, opts.signal);
      } catch (err) {
        failure = err;
      }
      // The chunk before is finished as far as it got: its results are stored even when this
      // one failed, so a drop at 60% keeps every chunk done before it.
      if (inFlight) {
        let candidates: ChunkCandidates | null = null;
        try {
          candidates = await inFlight.candidates;
        } catch (err) {
          failure = err;
        }
        if (candidates) write(inFlight, candidates);
        inFlight = null;
      }
      if (failure !== null) {
        next?.candidates.catch(() => undefined);
        if (opts.signal?.aborted) return stop(db, batchId, 'CANCELLED', checked, CANCELLED_MESSAGE);
        if (isConnectionError(failure)) return queue(db, batchId, registry.label, opts.operator, checked, failure as Error);
        db.prepare(`UPDATE batches SET state = 'IMPORTED', last_error = ? WHERE id = ?`).run(`Pemadanan gagal: ${(failure as Error).message}`, batchId);
        throw failure;
      }
      inFlight = next;
    }
  } finally {
    inFlight?.candidates.catch(() => undefined);
    await search.close();
  }

  // A run that did every chunk itself knows the counts; a resumed one asks the store.
  const counts: MatchCounts = finished.size === 0 ? { status: tally.status, reason: tally.reason } : batchCounts(db, batchId);
  db.transaction(() => {
    // With MATCHED: the related batches' rows get their marks of this batch at the same time.
    markCrossBatches(db, batchId, { clear: finished.size > 0 });
    db.prepare(`UPDATE batches SET state = 'MATCHED', matched_at = ?, last_error = NULL WHERE id = ?`).run(new Date().toISOString(), batchId);
    appendAudit(db, { operator: opts.operator, action: 'MATCH', batchId, detail: { registry: registry.label, rows: total, checked, counts } });
    // The monthly statistics read batch_stats, which outlives the retention purge.
    refreshBatchStats(db, batchId, finished.size === 0 ? tally.batchCounts(total) : undefined);
  })();
  return { state: 'MATCHED', checked, counts };
}

const CANCELLED_MESSAGE = 'Pemadanan dibatalkan pengguna. Jalankan lagi untuk melanjutkan.';

/** [seq, verdict, candidates JSON] per row of a chunk. */
type ChunkResult = [number, RowVerdict, string | undefined];

interface ChunkInFlight {
  chunkNo: number;
  first: number;
  last: number;
  rows: MatchRow[];
  verdicts: Map<number, RowVerdict>;
  candidates: Promise<ChunkCandidates>;
}

/** Reads, looks up and judges one chunk here; its candidate search is started, not awaited. */
async function judgeChunk(
  db: Database, registry: Registry, mapping: SchemaMapping, mapped: ReturnType<typeof mappedElements>, batchId: number,
  chunkNo: number, search: CandidateSearch, signal: AbortSignal | undefined,
): Promise<ChunkInFlight> {
  const first = chunkNo * CHUNK_SIZE;
  const last = first + CHUNK_SIZE - 1;
  const rows = readRows(db, batchId, first, last);
  const niks = new Set<string>();
  for (const r of rows) if (r.nik) niks.add(r.nik);
  const persons: Map<string, RegistryPerson> = niks.size > 0 ? await registry.lookup([...niks], signal) : new Map();
  const verdicts = new Map<number, RowVerdict>();
  for (const r of rows) verdicts.set(r.seq, rowVerdict(r, r.nik ? persons.get(r.nik) : undefined, mapping, mapped));
  return { chunkNo, first, last, rows, verdicts, candidates: search.find(rows, verdicts, signal) };
}

/** No search ('none'), a worker for a registry file and a batch of a few chunks, else this thread. */
function candidateSearch(registry: Registry, mapping: SchemaMapping, opts: MatchOptions, chunksToDo: number): CandidateSearch {
  if (opts.candidates === 'none') return { find: async () => new Map(), close: async () => {} };
  const spec = reopenableSpec(registry);
  return spec && chunksToDo >= MIN_CHUNKS_FOR_WORKER && opts.candidateWorker !== false ? workerSearch(spec, registry, mapping) : inThreadSearch(registry, mapping);
}

function stop(db: Database, batchId: number, state: 'CANCELLED', checked: number, message: string): MatchResult {
  // A cancelled batch goes back to IMPORTED: its finished chunks stay, the rest is BELUM_DIPERIKSA.
  db.prepare(`UPDATE batches SET state = 'IMPORTED', last_error = ? WHERE id = ?`).run(message, batchId);
  return { state, checked, counts: batchCounts(db, batchId), error: message };
}

function queue(db: Database, batchId: number, label: string, operator: string, checked: number, err: Error): MatchResult {
  const open = (db.prepare(`SELECT COUNT(*) AS n FROM row_results WHERE batch_id = ? AND status = 'BELUM_DIPERIKSA'`).get(batchId) as { n: number }).n;
  const message =
    `SIAK tidak dapat dihubungi (${err.message}). ${open} baris belum diperiksa dan tetap BELUM_DIPERIKSA; ` +
    'batch masuk antrean dan dilanjutkan otomatis saat SIAK menjawab lagi.';
  db.transaction(() => {
    db.prepare(`UPDATE batches SET state = 'QUEUED', last_error = ? WHERE id = ?`).run(message, batchId);
    appendAudit(db, {
      operator, action: 'MATCH_QUEUED', batchId,
      detail: { registry: label, code: (err as { code?: string }).code ?? null, checked, unchecked: open },
    });
  })();
  return { state: 'QUEUED', checked, counts: batchCounts(db, batchId), error: message };
}
