// Shape of bench/results.json and the ratios computed from it.
import type { Summary } from './measure.ts';

export const GOALS = {
  import: 1.5,
  match: 2,
  export: 1.5,
  e2e: 2,
  /** Peak RSS of `padan match` end to end on 100,000 rows, MB. */
  e2ePeakMb100k: 1536,
} as const;

export type StageName = 'import' | 'match' | 'export' | 'e2e';

export interface SizeResult {
  rows: number;
  file: string;
  runs: number;
  /** Persons in the registry this size was matched against. */
  registryPersons?: number;
  stages: Partial<Record<StageName, { padan: Summary; raw?: Summary }>>;
  /** Stages that could not be measured, with the reason. */
  errors: Partial<Record<StageName, string>>;
  /** How end to end was measured: the CLI, or (when the CLI is broken) its functions in one child. */
  e2eMode?: string;
}

export interface RatioRow {
  rows: number;
  /** Padan median / raw median; e2e: CLI wall time / (raw import + raw match + raw export). */
  ratio: Partial<Record<StageName, number>>;
  padanMs: Partial<Record<StageName, number>>;
  rawMs: Partial<Record<StageName, number>>;
  padanPeakMb: Partial<Record<StageName, number>>;
  rawPeakMb: Partial<Record<StageName, number>>;
}

export interface GridResult {
  measured: boolean;
  reason?: string;
  [k: string]: unknown;
}

export interface Results {
  generatedAt: string;
  mode: 'quick' | 'full';
  machine: Record<string, unknown>;
  seed: number;
  registries: { small: number; large: number };
  goals: typeof GOALS;
  /** Padan measured from the build (out/main, built workers) or from source through tsx. */
  engine?: 'built' | 'source';
  /** 1-minute load average at start and end: the machine is shared with other work. */
  loadAverage: { start: number; end: number };
  floor: { stageProcessRssMb: number; cliStartupMs: number; cliStartupRssMb: number } | null;
  sizes: SizeResult[];
  ratios: RatioRow[];
  scale: { rows: number; format?: string; registryPersons?: number; seconds?: number; peakRssMb?: number; timings?: unknown; error?: string; refusedByDefaultLimits?: string; e2eMode?: string;
    /** Set when the scale run was measured by `--scale-only` after the main run. */
    separateRun?: { at: string; seconds: number; loadAverage: number } } | null;
  grid: GridResult | null;
  totalSeconds: number;
}

const r2 = (x: number): number => Math.round(x * 100) / 100;

export function ratioRow(s: SizeResult): RatioRow {
  const row: RatioRow = { rows: s.rows, ratio: {}, padanMs: {}, rawMs: {}, padanPeakMb: {}, rawPeakMb: {} };
  for (const k of ['import', 'match', 'export'] as const) {
    const st = s.stages[k];
    if (!st?.raw) continue;
    row.ratio[k] = r2(st.padan.medianMs / st.raw.medianMs);
    row.padanMs[k] = st.padan.medianMs;
    row.rawMs[k] = st.raw.medianMs;
    row.padanPeakMb[k] = st.padan.peakRssMb;
    row.rawPeakMb[k] = st.raw.peakRssMb;
  }
  const e2e = s.stages.e2e;
  if (e2e && row.rawMs.import !== undefined && row.rawMs.match !== undefined && row.rawMs.export !== undefined) {
    const raw = row.rawMs.import + row.rawMs.match + row.rawMs.export;
    row.ratio.e2e = r2(e2e.padan.medianMs / raw);
    row.padanMs.e2e = e2e.padan.medianMs;
    row.rawMs.e2e = Math.round(raw * 10) / 10;
    row.padanPeakMb.e2e = e2e.padan.peakRssMb;
    // Three raw steps in sequence would peak at the largest of them.
    row.rawPeakMb.e2e = Math.max(row.rawPeakMb.import ?? 0, row.rawPeakMb.match ?? 0, row.rawPeakMb.export ?? 0);
  }
  return row;
}
