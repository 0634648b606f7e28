import { useTranslation } from 'react-i18next';
import { useSearchParams } from 'react-router-dom';
import { AgenciesTab } from './pengaturan/AgenciesTab.tsx';
import BackupRetention from './pengaturan/BackupRetention.tsx';
import { GeneralTab } from './pengaturan/GeneralTab.tsx';
import Operators from './pengaturan/Operators.tsx';
import { RegistryTab } from './pengaturan/RegistryTab.tsx';
import './pengaturan/pengaturan.css';

const TABS = {
  registri: RegistryTab,
  opd: AgenciesTab,
  umum: GeneralTab,
  operator: Operators,
  cadangan: BackupRetention,
} as const;
type Tab = keyof typeof TABS;

/** Settings in tabs; the tab is in the address (#/pengaturan?tab=opd) so links can open it. */
export default function PengaturanPage() {
  const { t } = useTranslation('pengaturan');
  const [params, setParams] = useSearchParams();
  const raw = params.get('tab');
  const tab: Tab = raw && raw in TABS ? (raw as Tab) : 'registri';
  const Body = TABS[tab];
  return (
    <section className="pengaturan">
      <div className="page-head">
        <div><h1>{t('title')}</h1><p>{t('subtitle')}</p></div>
      </div>
      <div className="tabs" role="tablist">
        {(Object.keys(TABS) as Tab[]).map((k) => (
          <button key={k} role="tab" aria-selected={tab === k} className={tab === k ? 'on' : ''} onClick={() => setParams({ tab: k })}>
            {t(`tabs.${k}`)}
          </button>
        ))}
      </div>
      <div role="tabpanel"><Body /></div>
    </section>
  );
}
