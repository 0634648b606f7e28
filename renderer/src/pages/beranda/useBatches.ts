// The batch list, kept fresh by the engine's events (progress, changes) without polling.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import type { MatchProgress } from '../../../../shared/api/events.ts';
import { padan, unwrap } from '../../api.ts';

export interface BatchFilterState {
  search: string;
  agencyId: string;
  programId: string;
  month: string;
  state: string;
}

export const EMPTY_FILTER: BatchFilterState = { search: '', agencyId: '', programId: '', month: '', state: '' };

export function useBatches(filter: BatchFilterState) {
  const [batches, setBatches] = useState<BatchListItem[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [progress, setProgress] = useState<Record<number, MatchProgress>>({});
  const [version, setVersion] = useState(0);
  const timer = useRef<ReturnType<typeof setTimeout> | null>(null);

  const load = useCallback(async () => {
    try {
      const list = await unwrap(
        padan.batch.list({
          ...(filter.search.trim() ? { search: filter.search.trim() } : {}),
          ...(filter.agencyId ? { agencyId: Number(filter.agencyId) } : {}),
          ...(filter.programId ? { programId: Number(filter.programId) } : {}),
          ...(filter.month ? { month: filter.month } : {}),
          ...(filter.state ? { state: filter.state as BatchListItem['state'] } : {}),
        }),
      );
      setBatches(list);
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [filter]);

  // Search typing and bursts of events: one reload per 250 ms at most.
  const reload = useCallback(() => {
    if (timer.current) clearTimeout(timer.current);
    timer.current = setTimeout(() => {
      void load();
      setVersion((v) => v + 1);
    }, 250);
  }, [load]);

  useEffect(() => {
    reload();
  }, [reload]);

  useEffect(() => {
    const offProgress = padan.on('match/progress', (p) => {
      setProgress((prev) => ({ ...prev, [p.batchId]: p }));
      if (p.state !== 'MATCHING') reload();
    });
    const offChanged = padan.on('batch/changed', () => reload());
    // Each failed probe moves a queued batch's next try (backoff): without this the list kept
    // showing the first probe's time, soon in the past.
    const offRegistry = padan.on('registry/state', (s) => {
      if (s.queued > 0) reload();
    });
    return () => {
      offProgress();
      offChanged();
      offRegistry();
      if (timer.current) clearTimeout(timer.current);
    };
  }, [reload]);

  return { batches, error, progress, reload, version };
}
