// What limits each stage that misses its goal, from `node --import tsx bench/profile.ts STAGE
// ROWS` (node --cpu-prof on every thread of the stage; inclusive CPU time of Padan functions,
// on the shared machine, so read the shares more than the milliseconds). Written by hand after
// profiling; bench/readme-table.ts prints the entry of every stage that misses its goal.
export const LIMITS = {
  import:
    'Owner: import engine (electron/import). The worker parses (the raw read itself), plans and builds every row and streams ' +
    'them to the main thread, which inserts them in one transaction; the batch\'s NIKs go to batch_niks sorted by the worker ' +
    '(migration 0030) instead of a random-order index, the page cache is 4 MiB, the result rows are written beside each ' +
    'group and the WAL checkpoint runs after the commit. At 100,000 rows what is left after the parse is about 0.6 s of ' +
    'building (worker) overlapped with about 0.6 s of inserts (main thread), then the last chunk and the sorted NIKs ' +
    '(≈0.2 s). Both threads are busy on a 2-core machine, so further gains need less CPU per row, not more overlap. ' +
    'At 10,000 rows the raw read takes 0.25-0.35 s and the same steps add a fixed 0.1-0.25 s (build, sort, commit, ' +
    'the transaction around them, the worker\'s start), so the ratio sits near the goal\'s edge and moves with the ' +
    'machine and its load: 1.38x to 1.54x on quiet runs, 1.75x on a run that started at load 2.5 on a slower CPU.',
  match:
    'Owner: matching engine (electron/match) and the SQLite adapter (electron/registry/sqlite.ts). The raw floor is one join ' +
    'and reads the rows; Padan also compares every element, writes a result row with its registry snapshot per row in ' +
    'chunks of 1,000 committed one by one (so a crash resumes), and searches candidates for every INVALID row (24.5% of ' +
    'rows here). The candidate search now runs in a worker with its own registry connection, one chunk behind the main ' +
    'thread (from 5.2-5.9 s to about 4 s at 100,000 rows), and the snapshot is a positional array. Main-thread profile at ' +
    '100,000 rows: writing and committing the chunks ≈1.35 s (the commits alone 0.8 s, WAL checkpoints included), the ' +
    'registry lookup ≈1.0 s (the raw join\'s SQL is 0.6 s of it), reading the batch rows ≈0.45 s, GC 0.25 s, verdicts and ' +
    'snapshots ≈0.35 s; the worker\'s search is ≈2.5-3 s of CPU. Both cores are busy, so 2× of a bare join is out of reach ' +
    'without dropping work the issue asks for; at 10,000 rows the first chunks are searched on the main thread while the ' +
    'worker starts, and cold caches make each chunk slower.',
  export:
    'Owner: export engine (electron/export). At 55,000 and 100,000 rows the goal is met (single scan of batch_rows ⋈ ' +
    'row_results, rows sent to the writer worker as JSON chunks). At 10,000 rows the fixed cost is the writer worker\'s ' +
    'start (a thread loading sheetjs-style), which exportBatch starts only when called; `padan match --out` starts it at ' +
    'its beginning instead, so end to end does not pay it.',
  e2e:
    'Owner: the stages above plus the CLI (electron/match/cli-match.ts, bin/padan.mjs). `padan match` is the three stages ' +
    'in sequence plus what the raw sum leaves out: Node start and the CLI\'s modules (`padan --help` 0.35 s from the build), ' +
    'the workers\' starts, and ROWS.jsonl. At 100,000 and 55,000 rows the goal is met; at 10,000 rows those fixed costs and ' +
    'the match stage\'s cold start make the ratio.',
  peak:
    'Owner: export engine. The peak comes from export: the result rows are held as JSON chunks in the main thread until the ' +
    'writer worker has them, and the worker builds the whole sheet object and the zip in memory.',
  scale:
    'Before the built CLI, the candidate worker and this session\'s import changes the scale run took 167 s at 2.16 GB ' +
    '(and 415 s at 4.07 GB before the import streaming and export rewrites). It has not been profiled since; the export ' +
    'still keeps every result row as JSON chunks in the main thread until the writer has them, and the writer builds the ' +
    'whole sheet in memory, so that is the first place to look for the peak (owner: export engine).',
} as const;
