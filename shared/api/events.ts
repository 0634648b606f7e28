// Progress and change events pushed from the engine to the renderer.
export interface MatchProgress {
  batchId: number;
  done: number;
  total: number;
  /** Rows per second over the run so far. */
  rate: number;
  etaSeconds: number | null;
  state: 'MATCHING' | 'MATCHED' | 'CANCELLED' | 'QUEUED' | 'FAILED';
  message?: string;
}

export interface ImportProgress {
  stage: 'READ' | 'DETECT' | 'SAVE';
  done: number;
  total: number;
}

export interface EventMap {
  'match/progress': MatchProgress;
  'import/progress': ImportProgress;
  'batch/changed': { batchId: number | null };
  'registry/state': { online: boolean; queued: number; nextProbeAt: string | null };
  'session/locked': { reason: 'IDLE' | 'SIGN_OUT' };
}

export type EventName = keyof EventMap;
