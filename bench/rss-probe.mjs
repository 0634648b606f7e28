// Preloaded into every measured child (node --import ./bench/rss-probe.mjs): at exit, writes
// the process's peak resident set size in KB (getrusage ru_maxrss, all threads) to BENCH_RSS_OUT.
import { writeFileSync } from 'node:fs';

const out = process.env.BENCH_RSS_OUT;
if (out) process.on('exit', () => writeFileSync(out, String(process.resourceUsage().maxRSS)));
