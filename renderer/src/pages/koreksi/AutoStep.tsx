import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Review } from './useReview.ts';

/** The optional automatic step: off by default; when on, a gold banner says so and offers bulk undo. */
export function AutoStep({ review, onMessage }: { review: Review; onMessage: (m: string) => void }) {
  const { t } = useTranslation('koreksi');
  const [offer, setOffer] = useState<number | null>(null);
  const autoCount = review.log.filter((c) => c.automatic && !c.undoneBy && c.kind !== 'UNDO').length;
  const on = autoCount > 0;
  const toggle = async () => {
    try {
      if (on) {
        await review.undoAuto();
        onMessage(t('msg.undone'));
        return;
      }
      const dry = await review.autoRepair(true);
      if (dry.count === 0) onMessage(t('auto.none'));
      else setOffer(dry.count);
    } catch (e) {
      onMessage((e as Error).message);
    }
  };
  return (
    <>
      <label className={'kx-auto' + (on ? ' on' : '')} title={t('auto.hint')}>
        <input type="checkbox" checked={on || offer !== null} onChange={() => void toggle()} data-testid="auto-toggle" /> {t('auto.toggle')}
      </label>
      {offer !== null && (
        <div className="kx-autobar alert warn">
          {t('auto.confirm', { count: offer })}{' '}
          <button className="btn small" onClick={() => void review.autoRepair(false).then(() => setOffer(null), (e: Error) => (setOffer(null), onMessage(e.message)))}>{t('auto.apply')}</button>{' '}
          <button className="btn ghost small" onClick={() => setOffer(null)}>{t('common:cancel')}</button>
        </div>
      )}
      {on && offer === null && (
        <div className="kx-autobar on" data-testid="auto-on">
          {t('auto.on', { count: autoCount })}{' '}
          <button className="btn small secondary" onClick={() => void toggle()}>{t('auto.undoAll')}</button>
        </div>
      )}
    </>
  );
}
