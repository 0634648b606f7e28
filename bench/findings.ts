// What limits each stage that misses its goal, from `node --import tsx bench/profile.ts STAGE
// ROWS` (node --cpu-prof on every thread of the stage; inclusive CPU time of Padan functions,
// on the shared machine, so read the shares more than the milliseconds). Written by hand after
// profiling; bench/readme-table.ts prints the entry of every stage that misses its goal.
export const LIMITS = {
  import:
    'Owner: import engine (electron/import). Profile at 100,000 rows (7.9 s CPU): reading in the worker ' +
    '(readWorkbookFile 2.7 s, the same SheetJS parse as raw) is not the gap; `saveBatch` is (2.1 s, of which 1.7 s ' +
    'is the per-row loop in save-batch.ts: two encrypted INSERTs per row, `batch_rows` with JSON.stringify of cells and flags, ' +
    'plus a `row_results` BELUM_DIPERIKSA row each), then `buildRows` (0.65 s: NIK cleaning, date parsing) and GC (0.9 s). ' +
    'At 10,000 rows a fixed cost dominates: the read worker is a fresh thread that registers tsx and loads @e965/xlsx through ' +
    "tsx's loader hooks (worker-bootstrap.mjs 857 ms inclusive against 568 ms of reading). To fix: fill `row_results` with one " +
    '`INSERT … SELECT` after the loop (matchBatch already does INSERT OR IGNORE), serialise cells once in the worker, and ' +
    'keep one warm read worker or start it from built .js instead of registering tsx per worker.',
  match:
    'Owner: matching engine (electron/match/candidates.ts, shared/nik.ts) and the SQLite adapter (electron/registry/sqlite.ts). ' +
    'The raw floor is one join; Padan also searches candidates for every INVALID row (24.5% of rows here) inline. Profile at ' +
    '100,000 rows: matchBatch 9.6 s CPU, of which `findCandidates` 7.4 s (77%): `typoVariants` 2.9 s (substitutionVariants ' +
    'builds ~144 strings per row and validates each with isValidNik → nikStructureProblem → nikBirthDate, then agreeWithRow ' +
    'parses the date again), looking those variants up in IN-lists of 1,000 (`inChunks` 3.7 s with the NIK lookup itself), ' +
    '`searchByNameAndBirthDate` 1.5 s, `lookupPrefixes` 0.9 s (one BETWEEN query per Excel-damaged prefix). Writing results ' +
    '(JSON of elements, person, candidates per row) ≈ 2.5 s, refreshBatchStats/countBatch 1.2 s. To fix: move the candidate ' +
    'search out of the matching pass (after MATCHED, in the background or per row on review: candidatesForRow exists), ' +
    'generate only variants that keep a valid date (digits 7–12) instead of validating 144 strings, and look up a chunk ' +
    'through one temp-table join as the raw floor does. The rest of the pass is 2.2 s CPU (about 3× the raw join under ' +
    'the profiler), so the candidate search comes first, the IN-list lookups and the per-row result writes next.',
  export:
    'Owner: export engine (electron/export) and stats (electron/stats/counts.ts). Profile at 100,000 rows (21 s CPU): the ' +
    'writer itself (writeResultXlsx 7.6 s in the worker: sheetjs-style write_ws_xml_data, styles, zip, repack) is close to ' +
    "the raw write; the gap is on the main thread before it: `countBatch` 3.0 s (three full scans of row_results — status, " +
    'reason, json_each over elements — each decrypting the whole table, whose rows carry the person and candidate JSON; ' +
    'refreshBatchStats at the end of matching pays the same again), `buildResultRows` 2.5 s (JSON.parse of cells, elements and person ' +
    'per row), spawning the worker with the whole table cloned (0.5 s) and GC 4.7 s from those copies; peak RSS 1.0 GB. ' +
    'To fix: one scan, or the counts kept in batch_stats at match time, and build the rows inside the worker (hand it the store path and key, or stream rows) so the ' +
    'table is made once.',
  e2e:
    'Owner: the stages above plus the CLI (electron/match/cli-match.ts, bin/padan.mjs). `padan match` is the three stages in ' +
    'sequence plus what the raw sum leaves out: Node + tsx start (`padan --help` alone took 0.8–3.3 s under this load), two ' +
    'worker threads that each register tsx and load their modules again (≈0.4 s at 10,000 rows: worker-bootstrap 1.27 s ' +
    'inclusive against 0.87 s of reading and writing), the SQLCipher key ' +
    'derivation at store open (~0.2 s) and ROWS.jsonl (0.9 s at 100,000 rows). At 10,000 rows those fixed costs make the ' +
    'ratio; at 100,000 rows the match stage is the bulk. A built CLI (.js, no tsx in process or workers) and the match fix ' +
    'above are what would bring it near 2×.',
  peak:
    'Owner: export engine. The peak comes from export (buildResultRows builds the whole table in the main thread and a ' +
    'structured clone of it goes to the worker, which builds the sheet object and the zip in memory).',
  scale:
    'Where the scale peak comes from: the import stage alone on this file peaks at 1.13 GB (53.7 s; all rows are held ' +
    'between the worker and saveBatch) and matching is chunked (flat, about 230 MB at 100,000 rows), so the rest is the ' +
    "export: `buildResultRows` holds the whole result table in the main thread and `exportBatch` clones it into the writer " +
    'worker (export alone peaked at 1.0 GB for 100,000 rows). Owner: export engine; streaming rows to the writer would ' +
    'keep the peak near the import\'s.',
} as const;
