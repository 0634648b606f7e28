import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo } from '../../../../shared/api/agencies.ts';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import { STATUSES } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';
import { BatchReportPreview } from './BatchReportPreview.tsx';
import { ExportResult } from './ExportResult.tsx';

interface Props {
  batchId: number | null;
  onPick: (id: number | null) => void;
}

const MATCHED_STATES = new Set(['MATCHED', 'EXPORTED']);

export function BatchResultTab({ batchId, onPick }: Props) {
  const { t } = useTranslation('laporan');
  const [batches, setBatches] = useState<BatchListItem[] | null>(null);
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    // Purged batches have no rows left to export or print.
    unwrap(padan.batch.list({}))
      .then((list) => setBatches(list.filter((b) => b.state !== 'PURGED')))
      .catch((e: Error) => setError(e.message));
    void padan.agencies.list({}).then((r) => r.ok && setAgencies(r.value));
  }, []);

  const batch = batches?.find((b) => b.id === batchId) ?? null;
  const agency = agencies.find((a) => a.id === batch?.agencyId) ?? null;

  if (error) return <div className="alert error" role="alert">{error}</div>;
  if (batches && batches.length === 0) return <div className="panel empty">{t('batch.none')}</div>;

  return (
    <div className="lap-batch">
      <div className="lap-side">
        <div className="panel">
          <label className="field">
            {t('batch.pick')}
            <select value={batchId ?? ''} onChange={(e) => onPick(Number(e.target.value) || null)}>
              <option value="">{t('batch.pickPrompt')}</option>
              {(batches ?? []).map((b) => (
                <option key={b.id} value={b.id}>
                  {t('batch.option', { id: b.id, agency: b.agencyName, rows: b.rowCount.toLocaleString('id-ID') })}
                </option>
              ))}
            </select>
          </label>
          {batch && <BatchFacts batch={batch} />}
        </div>
        {batch && (
          <>
            {!MATCHED_STATES.has(batch.state) && <div className="alert warn">{t('batch.notMatched', { state: batch.state })}</div>}
            <div className="panel">
              <h2>{t('include.title')}</h2>
              <p className="small-print">{t('include.always')}</p>
              {agency && agency.allowedElements.length > 0 ? (
                <>
                  <p className="small-print">{t('include.siak', { agency: agency.name })}</p>
                  <div className="lap-chips">
                    {agency.allowedElements.map((el) => (
                      <span key={el} className="badge info">{t(`element.${el}`, { ns: 'common' })}</span>
                    ))}
                  </div>
                </>
              ) : (
                agency && <p className="small-print muted">{t('include.noSiak', { agency: agency.name })}</p>
              )}
            </div>
            <ExportResult batchId={batch.id} />
          </>
        )}
      </div>
      <BatchReportPreview batchId={batch?.id ?? null} />
    </div>
  );
}

function BatchFacts({ batch }: { batch: BatchListItem }) {
  const { t } = useTranslation('laporan');
  const facts: [string, string][] = [
    [t('batch.facts.agency'), batch.agencyName],
    [t('batch.facts.program'), batch.programName ?? '—'],
    [t('batch.facts.letter'), batch.letterNo ?? '—'],
    [t('batch.facts.received'), batch.receivedOn ? new Date(batch.receivedOn).toLocaleDateString('id-ID') : '—'],
    [t('batch.facts.file'), batch.fileName],
    [t('batch.facts.rows'), batch.rowCount.toLocaleString('id-ID')],
    [t('batch.facts.state'), t(`batchState.${batch.state}`, { ns: 'common', defaultValue: batch.state })],
  ];
  return (
    <>
      <dl className="lap-facts">
        {facts.map(([k, v]) => (
          <div key={k}>
            <dt>{k}</dt>
            <dd>{v}</dd>
          </div>
        ))}
      </dl>
      <div className="lap-chips">
        {STATUSES.filter((s) => (batch.counts[s] ?? 0) > 0).map((s) => (
          <span key={s} className={`badge ${s}`}>
            {t(`status.${s}`, { ns: 'common' })} {(batch.counts[s] ?? 0).toLocaleString('id-ID')}
          </span>
        ))}
      </div>
    </>
  );
}
