import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '../../../../shared/api/rows.ts';

/** The few keys of a snapshot an operator reads; the registry record itself is never shown here. */
function summary(s: Record<string, unknown>, t: (k: string, o?: Record<string, unknown>) => string): string {
  const parts: string[] = [];
  if ('status' in s) parts.push(t(`common:status.${String(s.status)}`) + (s.reason ? ` (${t(`common:reason.${String(s.reason)}`, { defaultValue: String(s.reason) })})` : ''));
  if ('matchedNik' in s) parts.push(`NIK ${s.matchedNik ?? '—'}`);
  if ('unrepairable' in s && s.unrepairable) parts.push(t('koreksi:kinds.UNREPAIRABLE'));
  if (s.choice) {
    for (const [el, c] of Object.entries(s.choice as Record<string, string | null>)) parts.push(`${t(`common:element.${el}`)}: ${c ? t(`koreksi:choice.${c}`) : '—'}`);
  }
  if ('reviewed' in s && parts.length === 0) parts.push(s.reviewed ? t('koreksi:panel.reviewedMark') : '—');
  return parts.join(' · ') || '—';
}

export function CorrectionLog({ log, onUndo, onClose, onShowRow }: {
  log: CorrectionView[];
  onUndo: (id: number) => void;
  onClose: () => void;
  onShowRow: (seq: number) => void;
}) {
  const { t } = useTranslation('koreksi');
  return (
    <div className="kx-drawer" role="dialog" aria-label={t('log.title')} data-testid="correction-log">
      <div className="kx-drawer-head">
        <strong>{t('log.title')}</strong> <span className="muted">{t('log.count', { count: log.length })}</span>
        <button className="btn ghost small" onClick={onClose}>{t('common:close')} (L)</button>
      </div>
      {log.length === 0 ? (
        <div className="empty">{t('log.empty')}</div>
      ) : (
        <ol className="kx-log">
          {log.map((c) => (
            <li key={c.id} className={c.undoneBy ? 'undone' : ''} data-kind={c.kind}>
              <div className="kx-log-top">
                <span className="muted">#{c.id}</span>
                <strong>{t(`kinds.${c.kind}`)}</strong>
                <button className="btn ghost small kx-link" onClick={() => onShowRow(c.seq)}>{t('log.row', { row: c.rowNo ?? c.seq + 1 })}</button>
                {c.automatic && <span className="badge warn">{t('log.auto')}</span>}
                {c.undoneBy && <span className="badge info">{t('log.undone', { id: c.undoneBy })}</span>}
                {c.undoes && <span className="badge info">{t('log.undoes', { id: c.undoes })}</span>}
              </div>
              <div className="kx-log-change">{summary(c.before, t)} <span className="kx-arrow">→</span> {summary(c.after, t)}</div>
              <div className="kx-log-meta">
                {c.operator} · {new Date(c.at).toLocaleString('id-ID', { dateStyle: 'short', timeStyle: 'medium' })} ·{' '}
                {t(`reasons.${c.reasonCode}`, { defaultValue: c.reasonCode })}{c.reasonText ? `: ${c.reasonText}` : ''}
                {c.kind !== 'UNDO' && !c.undoneBy && (
                  <button className="btn ghost small" onClick={() => onUndo(c.id)} data-testid={`undo-${c.id}`}>{t('log.undo')}</button>
                )}
              </div>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
