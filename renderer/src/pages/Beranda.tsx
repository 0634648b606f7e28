import { useCallback, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useNavigate, useParams } from 'react-router-dom';
import { Icon } from '../components/Icon.tsx';
import { BatchDetail } from './beranda/BatchDetail.tsx';
import { BatchFilters } from './beranda/BatchFilters.tsx';
import { BatchTable } from './beranda/BatchTable.tsx';
import { EMPTY_FILTER, useBatches, type BatchFilterState } from './beranda/useBatches.ts';
import './beranda/beranda.css';

/** Batch history with filters; #/beranda/<id> opens one batch's summary above the list. */
export default function BerandaPage() {
  const { t } = useTranslation('beranda');
  const { t: tc } = useTranslation();
  const { batchId } = useParams();
  const navigate = useNavigate();
  const [filter, setFilter] = useState<BatchFilterState>(EMPTY_FILTER);
  const [actionError, setActionError] = useState<string | null>(null);
  const { batches, error, progress, version } = useBatches(filter);
  const selected = batchId && /^\d+$/.test(batchId) ? Number(batchId) : null;
  const onError = useCallback((m: string | null) => setActionError(m), []);
  const filtered = Object.values(filter).some(Boolean);

  return (
    <section className="beranda">
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('subtitle')}</p>
        </div>
        <Link className="btn" to="/impor"><Icon name="impor" size={16} /> {t('importButton')}</Link>
      </div>
      {(error || actionError) && <div className="alert error" role="alert">{actionError ?? error}</div>}
      {selected !== null && (
        <BatchDetail batchId={selected} version={version} progress={progress[selected]} onClose={() => navigate('/beranda')} onError={onError} />
      )}
      {batches === null ? (
        <div className="panel"><p className="muted">{tc('loading')}</p></div>
      ) : batches.length === 0 && !filtered ? (
        <div className="panel empty-state">
          <div className="empty-icon"><Icon name="impor" size={36} /></div>
          <h2>{t('empty.title')}</h2>
          <p>{t('empty.text')}</p>
          <Link className="btn" to="/impor">{t('empty.action')}</Link>
        </div>
      ) : (
        <div className="panel list-panel">
          <BatchFilters value={filter} onChange={setFilter} />
          {batches.length === 0 ? (
            <p className="empty">{t('empty.noMatch')}</p>
          ) : (
            <div className="table-scroll">
              <BatchTable batches={batches} progress={progress} selected={selected} onError={onError} />
            </div>
          )}
        </div>
      )}
    </section>
  );
}
