// Worker side of the candidate search (candidate-pool.ts): its own read-only connection to the
// same registry, so the search for one chunk's INVALID rows runs on the second core while the
// main thread looks up, judges and stores the next chunk. Jobs come over `port` one at a time
// (processed in order); each answer carries the candidates already as the JSON row_results
// stores, so the main thread only writes them.
import type { MessagePort } from 'node:worker_threads';
import type { SchemaMapping } from '../../shared/registry-mapping.ts';
import { openRegistry, type RegistrySpec } from '../registry/open.ts';
import { findCandidates } from './candidates.ts';
import type { MatchRow, RowVerdict } from './rows.ts';

export interface CandidateWorkerInput {
  spec: RegistrySpec;
  mapping: SchemaMapping;
  port: MessagePort;
}

export interface CandidateJob {
  id: number;
  rows: MatchRow[];
  /** [seq, status, reason] of each row in `rows`. */
  verdicts: [number, RowVerdict['status'], RowVerdict['reason']][];
}

export type CandidateReply =
  /** Registry open, jobs welcome: until then the main thread searches by itself. */
  | { id: -1; ok: true; ready: true }
  | { id: number; ok: true; candidates: [number, string][] }
  | { id: number; ok: false; error: { name: string; message: string; code: string | null; retryable: boolean } };

export default async function candidateWorker(input: CandidateWorkerInput): Promise<{ jobs: number }> {
  const { port, mapping } = input;
  const registry = await openRegistry(input.spec, mapping);
  let jobs = 0;
  let queue = Promise.resolve();
  const run = async (job: CandidateJob): Promise<CandidateReply> => {
    try {
      const verdicts = new Map<number, RowVerdict>(job.verdicts.map(([seq, status, reason]) => [seq, { status, reason, elements: {}, person: null }]));
      const found = await findCandidates(registry, mapping, job.rows, verdicts);
      return { id: job.id, ok: true, candidates: [...found].map(([seq, list]) => [seq, JSON.stringify(list)]) };
    } catch (err) {
      const e = err as Error & { code?: unknown; retryable?: unknown };
      return {
        id: job.id, ok: false,
        error: { name: e.name ?? 'Error', message: e.message ?? String(err), code: typeof e.code === 'string' ? e.code : null, retryable: e.retryable === true },
      };
    }
  };
  port.postMessage({ id: -1, ok: true, ready: true } satisfies CandidateReply);
  await new Promise<void>((resolve) => {
    port.on('message', (job: CandidateJob) => {
      queue = queue.then(async () => {
        port.postMessage(await run(job));
        jobs++;
      });
    });
    port.once('close', () => resolve());
  });
  await queue;
  await registry.close();
  return { jobs };
}
