import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Decision, ReasonCode, RowDetail } from '../../../../shared/api/rows.ts';
import { CompareTable, agreement } from './CompareTable.tsx';
import { ManualNik } from './ManualNik.tsx';
import { ReasonForm, type PendingDecision } from './ReasonForm.tsx';

export interface SidePanelProps {
  detail: RowDetail | null;
  error: string | null;
  searching: boolean;
  activeCandidate: number;
  onActiveCandidate: (i: number) => void;
  onSearch: () => void;
  onCancelSearch: () => void;
  pending: PendingDecision | null;
  busy: boolean;
  ask: (decision: Decision) => void;
  onSubmitReason: (code: ReasonCode, text: string) => void;
  onCancelReason: () => void;
}

export function SidePanel(p: SidePanelProps) {
  const { t } = useTranslation('koreksi');
  const [manual, setManual] = useState(false);
  const d = p.detail;
  if (!d) return <aside className="kx-side"><div className="empty">{p.error ?? t('panel.empty')}</div></aside>;
  const cand = d.candidates[p.activeCandidate] ?? null;
  // An INVALID row is compared with its candidates; a found row with the record behind its verdict.
  const vsCandidate = cand !== null && (d.state.status === 'INVALID' || !d.registry);
  const person = vsCandidate ? cand.person : d.registry;
  const results = vsCandidate ? { ...agreement(d, cand.person), ...cand.fields } : d.state.elements;
  const heading = vsCandidate ? t('panel.candidate', { n: p.activeCandidate + 1 }) : t('panel.siak');
  return (
    <aside className="kx-side" data-testid="side-panel">
      <div className="kx-side-head">
        <div>
          <strong>{t('panel.row', { row: d.rowNo })}</strong>{' '}
          <span className={`badge ${d.state.status}`}>{t(`common:status.${d.state.status}`)}</span>{' '}
          {d.state.reason && <span className="badge warn">{t(`common:reason.${d.state.reason}`, { defaultValue: d.state.reason })}</span>}
        </div>
        <div className="kx-flags">
          {d.state.matchedNik && <span className="badge ok">{t('panel.repairedTo', { nik: d.state.matchedNik })}</span>}
          {d.state.unrepairable && <span className="badge MENINGGAL">{t('panel.unrepairableMark')}</span>}
          {d.state.reviewed && <span className="badge info">{t('panel.reviewedMark')}</span>}
          {d.duplicateOfRow !== null && <span className="badge warn">{t('panel.duplicate', { row: d.duplicateOfRow })}</span>}
          {d.crossBatches.length > 0 && (
            <span className="badge bad">{t('panel.crossBatch', { list: d.crossBatches.map((x) => `${x.agency}${x.program ? ' / ' + x.program : ''}`).join(', ') })}</span>
          )}
        </div>
      </div>

      {d.candidates.length > 0 && (
        <div className="kx-cands" role="tablist" aria-label={t('panel.candidates')}>
          {d.candidates.slice(0, 9).map((c, i) => (
            <button key={c.nik} role="tab" aria-selected={i === p.activeCandidate} className={'kx-cand' + (i === p.activeCandidate ? ' on' : '')}
              onClick={() => p.onActiveCandidate(i)} data-testid={`candidate-${i + 1}`}>
              <span className="kx-cand-n">{i + 1}</span>
              <span className="mono">{c.nik}</span>
              <span className="kx-cand-meta">
                {c.suggested && <span className="badge ok">{t('panel.suggested')}</span>}
                {t('panel.score', { score: c.score.toFixed(2) })} · {t(`common:status.${c.status}`)}
              </span>
            </button>
          ))}
        </div>
      )}

      <CompareTable detail={d} person={person} heading={heading} results={results}
        onChoose={!vsCandidate && d.registry ? (element, choice) => p.ask({ kind: 'ELEMENT_CHOICE', element, choice }) : undefined} />

      {p.pending ? (
        <ReasonForm pending={p.pending} busy={p.busy} onSubmit={p.onSubmitReason} onCancel={p.onCancelReason} />
      ) : manual ? (
        <ManualNik onUse={(nik) => (setManual(false), p.ask({ kind: 'MANUAL_NIK', nik }))} onCancel={() => setManual(false)} />
      ) : (
        <div className="row-actions kx-actions">
          {cand && (
            <button className="btn small" onClick={() => p.ask({ kind: 'ACCEPT_CANDIDATE', nik: cand.nik })} data-testid="accept">
              {t('act.accept', { n: p.activeCandidate + 1 })} <kbd>A</kbd>
            </button>
          )}
          <button className="btn secondary small" onClick={() => setManual(true)} data-testid="manual">{t('act.manual')}</button>
          {d.state.status === 'INVALID' && !d.state.unrepairable && (
            <button className="btn secondary small" onClick={() => p.ask({ kind: 'UNREPAIRABLE' })}>{t('act.unrepairable')} <kbd>U</kbd></button>
          )}
          {!d.state.reviewed && <button className="btn ghost small" onClick={() => p.ask({ kind: 'MARK_REVIEWED' })}>{t('act.reviewed')} <kbd>R</kbd></button>}
          {p.searching ? (
            <span className="kx-searching" role="status"><span className="kx-spinner" /> {t('panel.searching')}
              <button className="btn ghost small" onClick={p.onCancelSearch}>{t('panel.cancelSearch')}</button></span>
          ) : (
            <button className="btn ghost small" onClick={p.onSearch} data-testid="search">{t('panel.search')}</button>
          )}
        </div>
      )}
      {d.candidates.length === 0 && d.state.status === 'INVALID' && !p.searching && <p className="muted kx-small">{t('panel.noCandidates')}</p>}
      {p.error && <div className="alert error">{p.error}</div>}

      <details className="kx-original">
        <summary>{t('panel.original')}</summary>
        <table className="data">
          <tbody>
            {d.headers.map((h, i) => (
              <tr key={i}><th>{h}</th><td>{cellText(d.cells[i])}</td></tr>
            ))}
          </tbody>
        </table>
      </details>
    </aside>
  );
}

/** Cells are kept verbatim: text as displayed, or {text, raw} where the cell was numeric. */
function cellText(c: unknown): string {
  if (c == null) return '';
  if (typeof c === 'object') {
    const o = c as { text?: unknown; v?: unknown; raw?: unknown };
    return String(o.text ?? o.v ?? o.raw ?? JSON.stringify(c));
  }
  return String(c);
}
