import { useTranslation } from 'react-i18next';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import type { MatchProgress } from '../../../../shared/api/events.ts';
import { partlyChecked } from './BatchActions.tsx';
import { fmtDuration, fmtNumber, fmtTime } from './format.ts';

const STATE_BADGE: Record<string, string> = {
  IMPORTED: 'info', QUEUED: 'warn', MATCHING: 'info', MATCHED: 'ok', EXPORTED: 'ok', PURGED: 'MENINGGAL',
};

/**
 * The batch state; while matching a small progress bar, while queued the position, the next
 * probe and why (the registry's message, clamped; whole on hover), and for a run that was
 * stopped how far it got, so "Lanjutkan" is not mistaken for a fresh start.
 */
export function StateCell({ batch, progress }: { batch: BatchListItem; progress?: MatchProgress }) {
  const { t } = useTranslation('beranda');
  const { t: tc } = useTranslation();
  const live = batch.state === 'MATCHING' ? (progress ?? batch.progress) : null;
  const pct = live && live.total > 0 ? Math.round((live.done / live.total) * 100) : 0;
  const checked = batch.rowCount - (batch.counts.BELUM_DIPERIKSA ?? 0);
  const resumable = batch.state === 'IMPORTED' && partlyChecked(batch);
  return (
    <div className="state-cell">
      <span className={`badge ${STATE_BADGE[batch.state] ?? 'info'}`}>{resumable ? t('resumable') : tc(`batchState.${batch.state}`)}</span>
      {live && (
        <div className="mini-progress" title={t('detail.progress', { done: fmtNumber(live.done), total: fmtNumber(live.total) })}>
          <div className="progress" role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={pct}><div style={{ width: `${pct}%` }} /></div>
          <span className="cell-sub">
            {pct}%{live.etaSeconds !== null && ` · ${t('detail.eta', { time: fmtDuration(live.etaSeconds) })}`}
          </span>
        </div>
      )}
      {batch.state === 'QUEUED' && batch.queue && (
        <div className="cell-sub">
          {t('queue.waiting', { position: batch.queue.position })}
          {batch.queue.nextProbeAt && ` · ${t('queue.nextProbe', { time: fmtTime(batch.queue.nextProbeAt) })}`}
        </div>
      )}
      {batch.state === 'QUEUED' && batch.lastError && (
        <div className="cell-sub state-reason" title={batch.lastError}>{batch.lastError}</div>
      )}
      {resumable && (
        <div className="cell-sub" title={batch.lastError ?? undefined}>
          {t('partly', { done: fmtNumber(checked), total: fmtNumber(batch.rowCount) })}
        </div>
      )}
    </div>
  );
}
