// ROWS.jsonl (one object per data row, streamed for 100,000+ rows) and SUMMARY.json.
import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import type { Database } from 'better-sqlite3-multiple-ciphers';

export interface Tally {
  total: number;
  status: Record<string, number>;
  reason: Record<string, number>;
  elements: Record<string, Record<string, number>>;
  duplicates: number;
  candidates: number;
}

interface Joined {
  row_no: number;
  nik_input: string | null;
  nik: string | null;
  duplicate_of_row: number | null;
  status: string | null;
  reason: string | null;
  elements: string | null;
  candidates: string | null;
}

const bump = (m: Record<string, number>, k: string): void => {
  m[k] = (m[k] ?? 0) + 1;
};

/** Streams every row as JSON (best candidates first, nik+score only); tallies as it goes. */
export async function writeRowsJsonl(db: Database, batchId: number, path: string | null): Promise<Tally> {
  const tally: Tally = { total: 0, status: {}, reason: {}, elements: {}, duplicates: 0, candidates: 0 };
  const out = path ? createWriteStream(path, { encoding: 'utf8' }) : null;
  const stmt = db.prepare(
    `SELECT r.row_no, r.nik_input, r.nik, r.duplicate_of_row, x.status, x.reason, x.elements, x.candidates
     FROM batch_rows r LEFT JOIN row_results x ON x.batch_id = r.batch_id AND x.seq = r.seq
     WHERE r.batch_id = ? ORDER BY r.seq`,
  );
  let buffer = '';
  for (const r of stmt.iterate(batchId) as IterableIterator<Joined>) {
    const status = r.status ?? 'BELUM_DIPERIKSA';
    const elements = JSON.parse(r.elements ?? '{}') as Record<string, string>;
    const candidates = (JSON.parse(r.candidates ?? '[]') as { nik: string; score: number }[]).map((c) => ({ nik: c.nik, score: c.score }));
    tally.total++;
    bump(tally.status, status);
    if (r.reason) bump(tally.reason, r.reason);
    if (r.duplicate_of_row !== null) tally.duplicates++;
    if (candidates.length > 0) tally.candidates++;
    for (const [el, v] of Object.entries(elements)) bump((tally.elements[el] ??= {}), v);
    if (!out) continue;
    buffer +=
      JSON.stringify({
        row: r.row_no, nikInput: r.nik_input ?? '', nik: r.nik, status, reason: r.reason,
        duplicateOfRow: r.duplicate_of_row, elements, candidates,
      }) + '\n';
    // Write in blocks and wait for the disk when the stream is full: memory stays flat.
    if (buffer.length > 1 << 16) {
      if (!out.write(buffer)) await once(out, 'drain');
      buffer = '';
    }
  }
  if (out) {
    out.end(buffer);
    await once(out, 'finish');
  }
  return tally;
}

export function buildSummary(
  batchId: number,
  registry: string,
  tally: Tally,
  timingsMs: { import: number; match: number; write: number },
  importSummary: unknown,
): Record<string, unknown> {
  return {
    batchId,
    registry,
    rows: tally.total,
    status: tally.status,
    reason: tally.reason,
    elements: tally.elements,
    duplicates: tally.duplicates,
    rowsWithCandidates: tally.candidates,
    timingsMs,
    import: importSummary ?? null,
  };
}
