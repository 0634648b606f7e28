import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BatchDetail as Detail } from '../../../../shared/api/batch.ts';
import type { MatchProgress } from '../../../../shared/api/events.ts';
import { ELEMENT_RESULTS, ELEMENTS, STATUSES } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';
import { BatchActions } from './BatchActions.tsx';
import { MatchProgressBar } from './MatchProgressBar.tsx';
import { fmtDate, fmtDateTime, fmtNumber } from './format.ts';

export function BatchDetail({ batchId, version, progress, onClose, onError }: {
  batchId: number; version: number; progress?: MatchProgress; onClose: () => void; onError: (m: string | null) => void;
}) {
  const { t } = useTranslation('beranda');
  const { t: tc } = useTranslation();
  const [d, setD] = useState<Detail | null>(null);
  useEffect(() => {
    unwrap(padan.batch.get({ batchId })).then(setD).catch((e: Error) => onError(e.message));
  }, [batchId, version, onError]);
  if (!d) return <div className="panel detail-panel"><p className="muted">{tc('loading')}</p></div>;
  // Every count links to exactly the rows it counts: Koreksi turns the query into facets
  // (selectionFromQuery), so the filter shows there and can be cleared.
  const k = (q: string) => `/koreksi/${d.id}?${q}`;
  const reasons = Object.entries(d.reasons).sort((a, b) => b[1] - a[1]);
  // The office's order of elements (NAMA first), not the alphabet.
  const order = (e: string) => { const i = (ELEMENTS as readonly string[]).indexOf(e); return i < 0 ? 99 : i; };
  const elements = Object.entries(d.elements).sort((a, b) => order(a[0]) - order(b[0]));
  // NIK_GANDA has its own line below (duplicates), from duplicate_of_row.
  const flags = Object.entries(d.flags).filter(([f, n]) => n > 0 && f !== 'NIK_GANDA');
  return (
    <section className="panel detail-panel" aria-label={t('detail.title', { id: d.id })}>
      <div className="detail-head">
        <div>
          <h2>{t('detail.title', { id: d.id })} · {d.agencyName}{d.programName ? ` · ${d.programName}` : ''}</h2>
          <p className="muted small-print">
            {t('detail.letter')}: <b>{d.letterNo ?? '–'}</b> · {t('detail.received')}: {fmtDate(d.receivedOn)}
            {d.channel ? ` · ${t('detail.channel')}: ${t(`channel.${d.channel}`, { defaultValue: d.channel })}` : ''} · {t('detail.file')}: {d.fileName}
            {d.sheetName ? ` (${t('detail.sheet', { sheet: d.sheetName, row: d.headerRow ?? '?' })})` : ''}
          </p>
        </div>
        <div className="row-actions detail-actions">
          <BatchActions batch={d} onError={onError} />
          <Link className="btn small ghost" to="/beranda" onClick={onClose} aria-label={t('detail.close')}>✕</Link>
        </div>
      </div>
      <div className="purpose"><span className="k">{t('detail.purpose')}</span> {d.purpose || <i className="muted">{t('detail.noPurpose')}</i>}</div>
      {(d.state === 'MATCHING' || progress?.state === 'MATCHING') && <MatchProgressBar batch={d} progress={progress} />}
      {d.lastError && d.state !== 'MATCHED' && <div className={`alert ${d.state === 'QUEUED' ? 'warn' : 'info'}`}>{d.lastError}</div>}
      <div className="detail-grid">
        <div>
          <h3>{t('detail.statusTitle')}</h3>
          <ul className="count-list">
            {STATUSES.map((s) => (
              <li key={s}><span className={`badge ${s}`}>{tc(`status.${s}`)}</span>
                {(d.counts[s] ?? 0) > 0 ? <Link to={k(`status=${s}`)}>{fmtNumber(d.counts[s]!)}</Link> : <span className="muted">0</span>}</li>
            ))}
          </ul>
          <h3>{t('detail.reasonTitle')}</h3>
          {reasons.length === 0 ? <p className="muted small-print">{t('detail.noReasons')}</p> : (
            <ul className="count-list">
              {reasons.map(([r, n]) => (
                <li key={r}><span>{tc(`reason.${r}`, { defaultValue: r })}</span><Link to={k(`reason=${r}`)}>{fmtNumber(n)}</Link></li>
              ))}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('detail.elementTitle')}</h3>
          {Object.keys(d.elements).length === 0 ? <p className="muted small-print">{t('detail.noElements')}</p> : (
            <table className="data compact">
              <thead><tr><th>{t('detail.element')}</th>{ELEMENT_RESULTS.map((r) => <th key={r} className="num">{tc(`elementResult.${r}`)}</th>)}</tr></thead>
              <tbody>
                {elements.map(([el, res]) => (
                  <tr key={el}>
                    <td>{tc(`element.${el}`, { defaultValue: el })}</td>
                    {ELEMENT_RESULTS.map((r) => (
                      <td key={r} className="num">{(res[r] ?? 0) > 0 ? <Link to={k(`element=${el}&result=${r}`)}>{fmtNumber(res[r]!)}</Link> : <span className="muted">0</span>}</td>
                    ))}
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </div>
        <div>
          <h3>{t('detail.importTitle')}</h3>
          <ul className="count-list">
            {flags.map(([f, n]) => (
              <li key={f}><span>{t(`flag.${f}`, { defaultValue: f })}</span><Link to={k(`flag=${f}`)}>{fmtNumber(n)}</Link></li>
            ))}
            <li><span>{t('detail.duplicates')}</span>{d.duplicates > 0 ? <Link to={k('flag=NIK_GANDA')}>{fmtNumber(d.duplicates)}</Link> : <span className="muted">0</span>}</li>
            <li><span>{t('detail.crossBatch')}</span>{d.crossBatch > 0 ? <Link to={k('crossBatch=1')}>{fmtNumber(d.crossBatch)}</Link> : <span className="muted">0</span>}</li>
          </ul>
          <p className="muted small-print">
            {t('detail.importedBy', { who: d.createdBy, at: fmtDateTime(d.createdAt) })}
            {d.matchedAt ? <><br />{t('detail.matchedAt', { at: fmtDateTime(d.matchedAt), registry: d.registryLabel ?? 'SIAK' })}</> : null}
          </p>
        </div>
      </div>
    </section>
  );
}
