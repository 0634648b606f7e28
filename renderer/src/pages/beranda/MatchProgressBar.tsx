import { useTranslation } from 'react-i18next';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import type { MatchProgress } from '../../../../shared/api/events.ts';
import { fmtDuration, fmtNumber } from './format.ts';

/** Rows done, rows per second and time left of a running match. */
export function MatchProgressBar({ batch, progress }: { batch: BatchListItem; progress?: MatchProgress }) {
  const { t } = useTranslation('beranda');
  const p = progress ?? batch.progress;
  const done = p?.done ?? 0;
  const total = p?.total || batch.rowCount;
  const pct = total > 0 ? Math.min(100, (done / total) * 100) : 0;
  return (
    <div className="match-progress" role="group" aria-label={t('detail.progress', { done, total })}>
      <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round(pct)}>
        <div style={{ width: `${pct}%` }} />
      </div>
      <div className="match-progress-text">
        <b>{Math.round(pct)}%</b>
        <span>{t('detail.progress', { done: fmtNumber(done), total: fmtNumber(total) })}</span>
        {p && p.rate > 0 && <span>{t('detail.rate', { rate: fmtNumber(Math.round(p.rate)) })}</span>}
        {p && p.etaSeconds !== null && <span>{t('detail.eta', { time: fmtDuration(p.etaSeconds) })}</span>}
      </div>
    </div>
  );
}
