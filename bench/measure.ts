// Child-process runner and statistics for bench/run.ts.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import { cpus, loadavg, platform, release, totalmem } from 'node:os';
import { join } from 'node:path';

/** Key of the bench's throwaway stores (not a secret: the stores hold synthetic data only). */
export const STORE_KEY = 'bench-key-not-secret-0123456789abcdef';
export const OPERATOR = 'bench';

export const ROOT = join(import.meta.dirname, '..');
const PROBE = join(import.meta.dirname, 'rss-probe.mjs');

export interface Run {
  /** Time of the work itself as the child measured it (stages), or wall time (CLI). */
  ms: number;
  /** Spawn to exit, as the parent saw it. */
  wallMs: number;
  /** Peak RSS of the child, KB (getrusage maxrss). */
  maxRssKb: number;
  facts: Record<string, unknown>;
}

export class ChildFailed extends Error {}

let seq = 0;

/** Runs `node [nodeArgs] script args` with the RSS probe; the stage's JSON result comes back through a file. */
export async function runChild(script: string, args: string[], opts: { nodeArgs?: string[]; env?: NodeJS.ProcessEnv; tmp: string; timeoutMs?: number; tsx?: boolean }): Promise<Run> {
  mkdirSync(opts.tmp, { recursive: true });
  const n = ++seq;
  const out = join(opts.tmp, `result-${process.pid}-${n}.json`);
  const rss = join(opts.tmp, `rss-${process.pid}-${n}.txt`);
  rmSync(out, { force: true });
  rmSync(rss, { force: true });
  // bin/padan.mjs registers tsx itself: the CLI runs exactly as `npx padan` runs it.
  const nodeArgs = [...(opts.tsx === false ? [] : ['--import', 'tsx']), '--import', PROBE, ...(opts.nodeArgs ?? [])];
  const t = performance.now();
  const { code, stderr } = await new Promise<{ code: number | null; stderr: string }>((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, script, ...args], {
      cwd: ROOT,
      env: { ...process.env, ...opts.env, BENCH_OUT: out, BENCH_RSS_OUT: rss },
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let err = '';
    child.stderr.on('data', (d: Buffer) => { err = (err + d.toString()).slice(-4000); });
    const timer = opts.timeoutMs ? setTimeout(() => child.kill('SIGKILL'), opts.timeoutMs) : null;
    child.on('error', reject);
    child.on('close', (c) => { if (timer) clearTimeout(timer); resolve({ code: c, stderr: err }); });
  });
  const wallMs = performance.now() - t;
  if (code !== 0) {
    const lines = stderr.trim().split('\n');
    const why = lines.filter((l) => /Error|ERR_|Gagal|gagal|tidak/.test(l)).slice(0, 3);
    throw new ChildFailed(`${script.replace(ROOT + '/', '')} ${args[0] ?? ''} exit ${code}: ${(why.length ? why : lines.slice(-3)).join(' | ').trim()}`);
  }
  const facts = existsSync(out) ? (JSON.parse(readFileSync(out, 'utf8')) as Record<string, unknown>) : {};
  const maxRssKb = existsSync(rss) ? Number(readFileSync(rss, 'utf8')) : NaN;
  rmSync(out, { force: true });
  rmSync(rss, { force: true });
  const ms = typeof facts.ms === 'number' && facts.ms > 0 ? facts.ms : wallMs;
  delete facts.ms;
  return { ms, wallMs, maxRssKb, facts };
}

export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = Math.floor(s.length / 2);
  return s.length % 2 ? s[m]! : (s[m - 1]! + s[m]!) / 2;
}

export interface Summary {
  runs: number;
  medianMs: number;
  minMs: number;
  maxMs: number;
  /** Highest peak RSS over the runs, MB. */
  peakRssMb: number;
  timesMs: number[];
  facts: Record<string, unknown>;
}

export function summarize(runs: Run[]): Summary {
  const times = runs.map((r) => r.ms);
  return {
    runs: runs.length,
    medianMs: round(median(times)),
    minMs: round(Math.min(...times)),
    maxMs: round(Math.max(...times)),
    peakRssMb: round(Math.max(...runs.map((r) => r.maxRssKb)) / 1024),
    timesMs: times.map(round),
    facts: runs[0]?.facts ?? {},
  };
}

export const round = (x: number): number => Math.round(x * 10) / 10;

export function machine(): Record<string, unknown> {
  const c = cpus();
  return {
    cpus: c.length,
    model: c[0]?.model ?? 'unknown',
    totalMemoryMb: Math.round(totalmem() / 2 ** 20),
    os: `${platform()} ${release()}`,
    node: process.version,
  };
}

/** 1-minute load average: how busy the (shared) machine was. */
export const load = (): number => round(loadavg()[0]!);
