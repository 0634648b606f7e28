// Loading a batch's rows once, patching them after decisions, and the correction log.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { Element } from '../../../../shared/domain.ts';
import type { CorrectionView, DecideResult, Decision, ReasonCode } from '../../../../shared/api/rows.ts';
import { padan, unwrap } from '../../api.ts';
import { fromList, withState, type GridRow } from './model.ts';

export interface Timings {
  fetchMs: number;
  modelMs: number;
}

export function useReview(batchId: number | null) {
  const [rows, setRows] = useState<GridRow[] | null>(null);
  const [elements, setElements] = useState<Element[]>([]);
  const [log, setLog] = useState<CorrectionView[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [timings, setTimings] = useState<Timings | null>(null);
  const index = useRef(new Map<number, number>());

  const reloadLog = useCallback(async () => {
    if (batchId === null) return;
    try {
      setLog(await unwrap(padan.rows.corrections({ batchId })));
    } catch (e) {
      setError((e as Error).message);
    }
  }, [batchId]);

  useEffect(() => {
    if (batchId === null) return;
    let live = true;
    setRows(null);
    setError(null);
    const t0 = performance.now();
    void unwrap(padan.rows.list({ batchId }))
      .then((list) => {
        if (!live) return;
        const t1 = performance.now();
        const model = fromList(list);
        index.current = new Map(model.map((r, i) => [r.seq, i]));
        setElements(list.elements);
        setRows(model);
        setTimings({ fetchMs: Math.round(t1 - t0), modelMs: Math.round(performance.now() - t1) });
      })
      .catch((e: Error) => live && setError(e.message));
    void reloadLog();
    return () => {
      live = false;
    };
  }, [batchId, reloadLog]);

  const apply = useCallback((res: DecideResult) => {
    setRows((prev) => {
      if (!prev) return prev;
      const next = prev.slice();
      for (const s of res.rows) {
        const i = index.current.get(s.seq);
        if (i !== undefined) next[i] = withState(next[i]!, s);
      }
      return next;
    });
  }, []);

  const run = useCallback(
    async (p: Promise<DecideResult>): Promise<DecideResult> => {
      const res = await p;
      apply(res);
      void reloadLog();
      return res;
    },
    [apply, reloadLog],
  );

  const decide = useCallback(
    (seqs: number[], decision: Decision, reasonCode: ReasonCode, reasonText: string) =>
      run(unwrap(padan.rows.decide(seqs.length === 1 ? { batchId: batchId!, seq: seqs[0], decision, reasonCode, reasonText } : { batchId: batchId!, seqs, decision, reasonCode, reasonText }))),
    [batchId, run],
  );
  const undo = useCallback((correctionId?: number) => run(unwrap(padan.rows.undo({ batchId: batchId!, correctionId }))), [batchId, run]);
  const undoAuto = useCallback(() => run(unwrap(padan.rows.undoAuto({ batchId: batchId! }))), [batchId, run]);
  const autoRepair = useCallback(
    async (dryRun: boolean) => {
      const res = await unwrap(padan.rows.autoRepair({ batchId: batchId!, dryRun }));
      if (!dryRun) {
        apply({ rows: res.rows, corrections: [] });
        void reloadLog();
      }
      return res;
    },
    [batchId, apply, reloadLog],
  );

  return { rows, elements, log, error, setError, timings, decide, undo, undoAuto, autoRepair, reloadLog };
}

export type Review = ReturnType<typeof useReview>;
