import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router-dom';
import { padan, unwrap } from '../../api.ts';
import { fmtNumber } from '../beranda/format.ts';

export function SavedPanel({ batchId, rows, onAnother }: { batchId: number; rows: number; onAnother: () => void }) {
  const { t } = useTranslation('impor');
  const navigate = useNavigate();
  const [error, setError] = useState<string | null>(null);
  const matchNow = async () => {
    try {
      await unwrap(padan.batch.match({ batchId }));
      navigate(`/beranda/${batchId}`);
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <div className="panel saved-panel" role="status">
      <div className="saved-check" aria-hidden="true">✓</div>
      <h2>{t('done.title', { id: batchId })}</h2>
      <p className="muted">{t('done.text', { rows: fmtNumber(rows) })}</p>
      {error && <div className="alert error">{error}</div>}
      <div className="row-actions center">
        <button type="button" className="btn" onClick={() => void matchNow()} autoFocus>{t('done.matchNow')}</button>
        <Link className="btn secondary" to={`/beranda/${batchId}`}>{t('done.open')}</Link>
        <button type="button" className="btn ghost" onClick={onAnother}>{t('done.another')}</button>
      </div>
    </div>
  );
}
