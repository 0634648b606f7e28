// What limits each stage that misses its goal, from `node --import tsx bench/profile.ts STAGE
// ROWS` (node --cpu-prof on every thread of the stage; inclusive CPU time of Padan functions,
// on the shared machine, so read the shares more than the milliseconds). Written by hand after
// profiling; bench/readme-table.ts prints the entry of every stage that misses its goal.
export const LIMITS = {
  import:
    'Owner: import engine (electron/import). Since the 17:41 run the worker reads, maps and builds every row (NIK cleaning, ' +
    'dates, the verbatim cells JSON) and streams chunks of 2,048 rows to the main thread, which only inserts them inside one ' +
    'transaction (about 1.3 s main-thread CPU at 100,000 rows, 0.56× the raw read). What is left: the worker\'s SheetJS parse ' +
    'is the raw read itself (≈2.2 s), the inserts overlap it only in part (the transaction opens once header and mapping are ' +
    'known), the commit\'s automatic WAL checkpoint (≈0.25 s) and copying chunks between threads. At 10,000 rows the fixed ' +
    'cost of a fresh worker that registers tsx and loads @e965/xlsx through its loader hooks dominates. To fix: run the CLI and ' +
    'workers from built .js (no tsx in workers), defer the checkpoint to after the import.',
  match:
    'Owner: matching engine (electron/match) and the SQLite adapter (electron/registry/sqlite.ts). The raw floor is one join; ' +
    'Padan also compares every element, stores a registry snapshot per row, and searches candidates for every INVALID row ' +
    '(24.5% of rows here) inline. After the 17:40 optimisations (temp-table key lookups, range scans for serial typos, ' +
    'allocation-free NIK variants, memoised name normalisation, counts kept in memory) matchBatch at 100,000 rows spends ' +
    'about 3.3 s CPU without candidates: writing row_results ≈1.5 s (bound by the bytes stored: the registry snapshot JSON ' +
    'per row; 100,000 encrypted writes cost 0.56 s empty and 1.06 s at 330 bytes), the registry lookup ≈1.0 s (its SQL is ' +
    'the raw join\'s own 0.6 s), reading the batch rows ≈0.55 s, verdicts 0.3 s, GC 0.4 s; bulk candidates add ≈2 s ' +
    '(250,000 probes, family and birth-date searches, scoring). To fix: a compact positional snapshot (readers in ' +
    'review/detail.ts, review/state.ts, export/result-rows.ts change together), candidates as a second resumable pass after ' +
    'the statuses, and the lookup + verdicts in a worker overlapping the writes.',
  export:
    'Owner: export engine (electron/export). At 55,000 and 100,000 rows the goal is met since the single-scan rewrite ' +
    '(one read of batch_rows ⋈ row_results with the counts tallied on the way, KETERANGAN cached per combination, rows sent ' +
    'to the worker as JSON chunks). At 10,000 rows the fixed cost is the writer worker\'s start (a fresh thread registering ' +
    'tsx and loading sheetjs-style), about 0.4 s against a 0.53 s raw write. To fix: built .js workers, or one warm writer.',
  e2e:
    'Owner: the stages above plus the CLI (electron/match/cli-match.ts, bin/padan.mjs). `padan match` is the three stages in ' +
    'sequence plus what the raw sum leaves out: Node + tsx start (`padan --help` alone takes about 1.2 s), two worker threads ' +
    'that each register tsx and load their modules again, and ROWS.jsonl (≈0.9 s at 100,000 rows). At 10,000 and 55,000 rows ' +
    'those fixed costs make the ratio; at 100,000 rows the match stage is the bulk and the goal is met. A built CLI (.js, no ' +
    'tsx in process or workers) and the match fix above are what would bring the small sizes near 2×.',
  peak:
    'Owner: export engine. The peak comes from export: the result rows are held as JSON chunks in the main thread until the ' +
    'writer worker has them, and the worker builds the whole sheet object and the zip in memory.',
  scale:
    'The scale run was repeated after the import streaming and export rewrites: 167 s and 2.16 GB peak, against 415 s ' +
    'and 4.07 GB before them. It has not been profiled since; before the rewrites the import stage alone peaked at ' +
    '1.13 GB (all rows held between the worker and saveBatch), matching stayed flat (chunked, about 230 MB) and the ' +
    'rest was the export holding and cloning the whole result table. The export still keeps every result row as JSON ' +
    'chunks in the main thread until the writer has them, and the writer builds the whole sheet in memory, so that is ' +
    'the first place to look (owner: export engine).',
} as const;
