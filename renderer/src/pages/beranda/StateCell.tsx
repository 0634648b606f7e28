import { useTranslation } from 'react-i18next';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import type { MatchProgress } from '../../../../shared/api/events.ts';
import { fmtDuration, fmtTime } from './format.ts';

const STATE_BADGE: Record<string, string> = {
  IMPORTED: 'info', QUEUED: 'warn', MATCHING: 'info', MATCHED: 'ok', EXPORTED: 'ok', PURGED: 'MENINGGAL',
};

/** The batch state; while matching a small progress bar, while queued the next probe time. */
export function StateCell({ batch, progress }: { batch: BatchListItem; progress?: MatchProgress }) {
  const { t } = useTranslation('beranda');
  const { t: tc } = useTranslation();
  const live = batch.state === 'MATCHING' ? (progress ?? batch.progress) : null;
  const pct = live && live.total > 0 ? Math.round((live.done / live.total) * 100) : 0;
  return (
    <div className="state-cell">
      <span className={`badge ${STATE_BADGE[batch.state] ?? 'info'}`}>{tc(`batchState.${batch.state}`)}</span>
      {live && (
        <div className="mini-progress" title={`${pct}% · ${fmtDuration(live.etaSeconds)}`}>
          <div className="progress"><div style={{ width: `${pct}%` }} /></div>
          <span className="cell-sub">{pct}% · {fmtDuration(live.etaSeconds)}</span>
        </div>
      )}
      {batch.state === 'QUEUED' && batch.queue && (
        <div className="cell-sub">
          {t('queue.waiting', { position: batch.queue.position })}
          {batch.queue.nextProbeAt && ` · ${t('queue.nextProbe', { time: fmtTime(batch.queue.nextProbeAt) })}`}
        </div>
      )}
    </div>
  );
}
