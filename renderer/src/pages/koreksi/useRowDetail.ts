// The selected row's detail (rows/get), fetched shortly after the selection settles so that
// holding J does not send one request per row, and the cancellable candidate search.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { CandidateView, RowDetail } from '../../../../shared/api/rows.ts';
import { padan, unwrap } from '../../api.ts';

export function useRowDetail(batchId: number | null, seq: number | null, version: number) {
  const [detail, setDetail] = useState<RowDetail | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [searching, setSearching] = useState(false);
  const current = useRef<{ batchId: number | null; seq: number | null }>({ batchId, seq });
  current.current = { batchId, seq };

  useEffect(() => {
    if (batchId === null || seq === null) {
      setDetail(null);
      return;
    }
    let live = true;
    const timer = setTimeout(() => {
      unwrap(padan.rows.get({ batchId, seq }))
        .then((d) => live && (setDetail(d), setError(null)))
        .catch((e: Error) => live && setError(e.message));
    }, 90);
    return () => {
      live = false;
      clearTimeout(timer);
    };
  }, [batchId, seq, version]);

  const search = useCallback(async () => {
    if (batchId === null || seq === null) return;
    setSearching(true);
    try {
      const list: CandidateView[] = await unwrap(padan.rows.candidates({ batchId, seq }));
      // The operator may have moved on while the search ran: keep the answer for its own row only.
      if (current.current.batchId === batchId && current.current.seq === seq) {
        setDetail((d) => (d && d.seq === seq ? { ...d, candidates: list, state: { ...d.state, candidateCount: list.length } } : d));
      }
    } catch (e) {
      if ((e as { code?: string }).code !== 'CANCELLED') setError((e as Error).message);
    } finally {
      setSearching(false);
    }
  }, [batchId, seq]);

  const cancel = useCallback(() => {
    if (batchId !== null && seq !== null) void padan.rows.cancelCandidates({ batchId, seq });
  }, [batchId, seq]);

  return { detail, error, searching, search, cancel };
}
