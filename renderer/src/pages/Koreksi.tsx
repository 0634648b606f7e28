// The review page (OpenRefine's facets over a grid, OpenCRVS's side-by-side compare): one
// batch's rows in a virtualised grid, facets at the left, the selected row at the right.
import { useCallback, useEffect, useMemo, useState } from 'react';
import type { GridApi } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import { useNavigate, useParams, useSearchParams } from 'react-router-dom';
import type { Decision, ReasonCode } from '../../../shared/api/rows.ts';
import { AutoStep } from './koreksi/AutoStep.tsx';
import { BatchPicker } from './koreksi/BatchPicker.tsx';
import { BulkBar, applicable } from './koreksi/BulkBar.tsx';
import { CorrectionLog } from './koreksi/CorrectionLog.tsx';
import { FacetPanel } from './koreksi/FacetPanel.tsx';
import { HeaderStrip } from './koreksi/HeaderStrip.tsx';
import { HelpOverlay } from './koreksi/HelpOverlay.tsx';
import { ReasonForm, type PendingDecision } from './koreksi/ReasonForm.tsx';
import { ReviewGrid } from './koreksi/ReviewGrid.tsx';
import { SidePanel } from './koreksi/SidePanel.tsx';
import { buildFacets, facetCounts, needsReview, passes, selectionFromQuery, type GridRow, type Selection } from './koreksi/model.ts';
import { useKeys } from './koreksi/useKeys.ts';
import { useReview } from './koreksi/useReview.ts';
import { useRowDetail } from './koreksi/useRowDetail.ts';
import './koreksi/koreksi.css';

export default function KoreksiPage() {
  const { t } = useTranslation('koreksi');
  const params = useParams();
  const [query] = useSearchParams();
  const navigate = useNavigate();
  const batchId = params.batchId ? Number(params.batchId) : null;
  const review = useReview(batchId);
  const { rows, elements, log } = review;
  const [selection, setSelection] = useState<Selection>(() => selectionFromQuery(query));
  const [selectedSeq, setSelectedSeq] = useState<number | null>(null);
  const [activeCandidate, setActiveCandidate] = useState(0);
  const [version, setVersion] = useState(0);
  const [pending, setPending] = useState<PendingDecision | null>(null);
  const [busy, setBusy] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [showLog, setShowLog] = useState(false);
  const [showHelp, setShowHelp] = useState(false);
  const [api, setApi] = useState<GridApi<GridRow> | null>(null);
  const [shown, setShown] = useState(0);
  const row = useRowDetail(batchId, selectedSeq, version);

  const facets = useMemo(() => buildFacets(elements), [elements]);
  const counts = useMemo(() => (rows ? facetCounts(rows, facets, selection) : {}), [rows, facets, selection]);
  const filtered = useCallback(() => (rows ?? []).filter((r) => passes(r, facets, selection)), [rows, facets, selection]);

  useEffect(() => setActiveCandidate(0), [selectedSeq]);
  useEffect(() => {
    if (!message) return;
    const timer = setTimeout(() => setMessage(null), 5000);
    return () => clearTimeout(timer);
  }, [message]);

  const toggleFacet = (key: string, value: string) =>
    setSelection((s) => {
      const cur = s[key] ?? [];
      return { ...s, [key]: cur.includes(value) ? cur.filter((v) => v !== value) : [...cur, value] };
    });

  const labelOf = (d: Decision): string =>
    t(`actionName.${d.kind}`, {
      n: activeCandidate + 1,
      nik: 'nik' in d ? d.nik : '',
      element: 'element' in d ? t(`common:element.${d.element}`) : '',
      choice: 'choice' in d ? t(`choice.${d.choice}`) : '',
    });

  const ask = (decision: Decision) => {
    if (selectedSeq === null) return setMessage(t('msg.noRow'));
    setPending({ seqs: [selectedSeq], decision, label: labelOf(decision) });
  };

  const askBulk = (decision: Decision) => {
    const visible = filtered();
    const seqs = applicable(visible, decision);
    if (seqs.length === 0) return setMessage(t('bulk.none'));
    const label = labelOf(decision);
    setPending({ seqs, decision, label, confirm: t('bulk.confirm', { action: label, count: seqs.length, shown: visible.length }) });
  };

  const submit = async (code: ReasonCode, text: string) => {
    if (!pending) return;
    setBusy(true);
    try {
      const res = await review.decide(pending.seqs, pending.decision, code, text);
      setMessage(pending.confirm ? t('bulk.done', { count: res.rows.length }) : t('msg.saved', { what: pending.label }));
      setPending(null);
      setVersion((v) => v + 1);
    } catch (e) {
      setMessage((e as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const undo = async (id?: number) => {
    try {
      const res = await review.undo(id);
      setMessage(t('msg.undone'));
      if (res.rows[0]) setSelectedSeq(res.rows[0].seq);
      setVersion((v) => v + 1);
    } catch (e) {
      setMessage((e as Error).message);
    }
  };

  /** Next/previous displayed row (sort and filter as on screen) that still needs review. */
  const step = (dir: 1 | -1) => {
    if (!api) return;
    const count = api.getDisplayedRowCount();
    const cur = selectedSeq === null ? null : api.getRowNode(String(selectedSeq));
    let i = cur?.rowIndex ?? (dir === 1 ? -1 : count);
    for (i += dir; i >= 0 && i < count; i += dir) {
      const n = api.getDisplayedRowAtIndex(i);
      if (n?.data && needsReview(n.data)) {
        setSelectedSeq(n.data.seq);
        return;
      }
    }
    setMessage(t('msg.endOfList'));
  };

  const d = row.detail;
  useKeys(
    {
      next: () => step(1),
      prev: () => step(-1),
      accept: () => {
        const c = d?.candidates[activeCandidate];
        if (!c) return setMessage(t('msg.noCandidate'));
        ask({ kind: 'ACCEPT_CANDIDATE', nik: c.nik });
      },
      candidate: (n) => d && n < d.candidates.length && setActiveCandidate(n),
      unrepairable: () => ask({ kind: 'UNREPAIRABLE' }),
      reviewed: () => ask({ kind: 'MARK_REVIEWED' }),
      undo: () => void undo(),
      log: () => setShowLog((v) => !v),
      help: () => setShowHelp((v) => !v),
      escape: () => (showHelp ? setShowHelp(false) : pending ? setPending(null) : setShowLog(false)),
    },
    batchId !== null && !pending,
  );

  return (
    <section className="kx-page">
      <div className="kx-top">
        <h1>{t('title')}</h1>
        <BatchPicker batchId={batchId} onChange={(id) => navigate(`/koreksi/${id}`)} />
        {rows && <HeaderStrip rows={rows} log={log} shown={shown} />}
        <div className="kx-top-actions">
          {rows && <AutoStep review={review} onMessage={setMessage} />}
          <button className="btn ghost small" onClick={() => void undo()} disabled={!rows} title="Ctrl+Z">{t('act.undo')}</button>
          <button className="btn ghost small" onClick={() => setShowLog((v) => !v)} disabled={!rows} data-testid="open-log">{t('act.log')}</button>
          <button className="btn ghost small" onClick={() => setShowHelp(true)} aria-label={t('act.help')}>?</button>
        </div>
      </div>
      {message && <div className="alert info kx-toast" role="status">{message}</div>}
      {/* Read by bench/grid.ts: where the time to open a batch goes. */}
      {review.timings && <span hidden data-testid="timings" data-fetch={review.timings.fetchMs} data-model={review.timings.modelMs} />}
      {review.error && <div className="alert error">{review.error}</div>}
      {batchId !== null && !rows && !review.error && <div className="empty">{t('loadingRows', { what: t('rows') })}</div>}
      {rows && (
        <div className="kx-body">
          <FacetPanel facets={facets} counts={counts} selection={selection} onToggle={toggleFacet} onClear={() => setSelection({})} />
          <div className="kx-center">
            {pending?.confirm ? (
              <ReasonForm pending={pending} busy={busy} onSubmit={(c, x) => void submit(c, x)} onCancel={() => setPending(null)} />
            ) : (
              <BulkBar shown={shown} elements={elements} onAsk={askBulk} />
            )}
            <ReviewGrid rows={rows} elements={elements} facets={facets} selection={selection} selectedSeq={selectedSeq}
              onSelect={setSelectedSeq} onReady={setApi} onDisplayedChange={setShown} />
          </div>
          <SidePanel detail={d && d.seq === selectedSeq ? d : null} error={row.error} searching={row.searching} activeCandidate={activeCandidate}
            onActiveCandidate={setActiveCandidate} onSearch={() => void row.search()} onCancelSearch={row.cancel}
            pending={pending && !pending.confirm ? pending : null} busy={busy} ask={ask}
            onSubmitReason={(c, x) => void submit(c, x)} onCancelReason={() => setPending(null)} />
        </div>
      )}
      {showLog && <CorrectionLog log={log} onUndo={(id) => void undo(id)} onClose={() => setShowLog(false)} onShowRow={setSelectedSeq} />}
      {showHelp && <HelpOverlay onClose={() => setShowHelp(false)} />}
    </section>
  );
}
