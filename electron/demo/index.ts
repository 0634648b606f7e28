// Synthetic SIAK registry for demos and tests: deterministic per seed, no real person.
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { generateFamilies, type DemoPerson } from './families.ts';
import { createPrng } from './prng.ts';
import { writeRegistry, type RegistryWriteOptions } from './registry-writer.ts';

export { generateSampleWorkbooks, type SampleWorkbooksResult } from './workbooks.ts';
export { generateBenchWorkbook } from './bench-workbook.ts';
export type { TruthFile, TruthRow } from './truth.ts';

/** Kota Parepare's population (wilayah_penduduk.sql). */
export const DEFAULT_DEMO_PERSONS = 163_314;

export interface DemoRegistryOptions extends RegistryWriteOptions {
  dir: string;
  persons?: number;
  seed?: number;
  /** File name inside dir; default registry-demo.sqlite. */
  fileName?: string;
}

export interface DemoRegistryResult {
  path: string;
  persons: number;
  families: number;
  seed: number;
  millis: number;
  /** Counts by FLAG_STATUS value. */
  flagStatus: Record<string, number>;
  /** Sample NIKs per fact, for tests (each list at most 50). */
  truth: {
    active: string[]; deceased: string[]; moved: string[]; nonaktif: string[];
    domicileOutside: string[]; issuedElsewhere: string[]; papua: string[];
  };
}

export async function generateDemoRegistry(opts: DemoRegistryOptions): Promise<DemoRegistryResult> {
  const started = performance.now();
  const persons = opts.persons ?? DEFAULT_DEMO_PERSONS;
  const seed = opts.seed ?? 1;
  mkdirSync(opts.dir, { recursive: true });
  const path = join(opts.dir, opts.fileName ?? 'registry-demo.sqlite');
  const { families, people } = generateFamilies(createPrng(seed), persons);
  writeRegistry(path, families, people, opts);
  const flagStatus: Record<string, number> = {};
  for (const p of people) flagStatus[p.flagStatus] = (flagStatus[p.flagStatus] ?? 0) + 1;
  const sample = (f: (p: DemoPerson) => boolean): string[] => {
    const out: string[] = [];
    for (const p of people) if (f(p) && out.push(p.nik) >= 50) break;
    return out;
  };
  return {
    path, persons: people.length, families: families.length, seed, flagStatus,
    millis: Math.round(performance.now() - started),
    truth: {
      active: sample((p) => p.flagStatus === '0' && p.kab === 72),
      deceased: sample((p) => p.flagStatus === '1'),
      moved: sample((p) => p.flagStatus === '2'),
      nonaktif: sample((p) => p.flagStatus !== '0' && p.flagStatus !== '1' && p.flagStatus !== '2'),
      domicileOutside: sample((p) => p.flagStatus === '0' && p.kab !== 72),
      issuedElsewhere: sample((p) => !p.nik.startsWith('7372')),
      papua: sample((p) => Number(p.nik.slice(0, 2)) >= 91),
    },
  };
}
