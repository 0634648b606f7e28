import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { BatchResultTab } from './laporan/BatchResultTab.tsx';
import { MonthlyTab } from './laporan/MonthlyTab.tsx';
import { NikSearchTab } from './laporan/NikSearchTab.tsx';
import './laporan/laporan.css';

const TABS = ['batch', 'monthly', 'nik'] as const;
type Tab = (typeof TABS)[number];

/** Tab and batch live in the hash query (#/laporan?tab=monthly, #/laporan?batch=12) so other pages can link here. */
export default function LaporanPage() {
  const { t } = useTranslation('laporan');
  const [params, setParams] = useSearchParams();
  const asked = params.get('tab');
  const tab: Tab = TABS.includes(asked as Tab) ? (asked as Tab) : 'batch';
  const batchId = Number(params.get('batch')) || null;

  const go = (next: Tab) => {
    const p = new URLSearchParams(params);
    p.set('tab', next);
    setParams(p, { replace: true });
  };
  const pickBatch = (id: number | null) => {
    const p = new URLSearchParams(params);
    if (id) p.set('batch', String(id));
    else p.delete('batch');
    setParams(p, { replace: true });
  };

  return (
    <section className="laporan">
      <div className="page-head no-print">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
      </div>
      <div className="tabs no-print" role="tablist">
        {TABS.map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => go(k)}>
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      {tab === 'batch' && <BatchResultTab batchId={batchId} onPick={pickBatch} />}
      {tab === 'monthly' && <MonthlyTab />}
      {tab === 'nik' && <NikSearchTab />}
    </section>
  );
}
