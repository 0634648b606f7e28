import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo, ProgramInfo } from '../../../../shared/api/agencies.ts';
import { BATCH_STATES } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';
import { Icon } from '../../components/Icon.tsx';
import { EMPTY_FILTER, type BatchFilterState } from './useBatches.ts';

/** The last 24 months as [YYYY-MM, "November 2026"], newest first. */
function recentMonths(lang: string): [string, string][] {
  const now = new Date();
  return Array.from({ length: 24 }, (_, i) => {
    const d = new Date(now.getFullYear(), now.getMonth() - i, 1);
    const v = `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}`;
    return [v, d.toLocaleDateString(lang === 'en' ? 'en-GB' : 'id-ID', { month: 'long', year: 'numeric' })];
  });
}

export function BatchFilters({ value, onChange }: { value: BatchFilterState; onChange: (f: BatchFilterState) => void }) {
  const { t } = useTranslation('beranda');
  const { t: tc, i18n } = useTranslation();
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [programs, setPrograms] = useState<ProgramInfo[]>([]);
  useEffect(() => {
    void unwrap(padan.agencies.list({})).then(setAgencies).catch(() => setAgencies([]));
  }, []);
  useEffect(() => {
    const args = value.agencyId ? { agencyId: Number(value.agencyId) } : {};
    void unwrap(padan.agencies.programs(args)).then(setPrograms).catch(() => setPrograms([]));
  }, [value.agencyId]);
  const set = (k: keyof BatchFilterState) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value, ...(k === 'agencyId' ? { programId: '' } : {}) });
  const active = Object.values(value).some(Boolean);
  return (
    <div className="filter-bar" role="search">
      <label className="search-box">
        <Icon name="search" size={16} />
        <input type="search" value={value.search} onChange={set('search')} placeholder={t('filters.search')} aria-label={t('filters.search')} />
      </label>
      <select value={value.agencyId} onChange={set('agencyId')} aria-label={t('filters.agency')}>
        <option value="">{t('filters.agency')}</option>
        {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
      </select>
      <select value={value.programId} onChange={set('programId')} aria-label={t('filters.program')}>
        <option value="">{t('filters.program')}</option>
        {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
      </select>
      <select value={value.month} onChange={set('month')} aria-label={t('filters.month')}>
        <option value="">{t('filters.anyMonth')}</option>
        {recentMonths(i18n.language).map(([v, label]) => <option key={v} value={v}>{label}</option>)}
      </select>
      <select value={value.state} onChange={set('state')} aria-label={t('filters.state')}>
        <option value="">{t('filters.state')}</option>
        {BATCH_STATES.map((s) => <option key={s} value={s}>{tc(`batchState.${s}`)}</option>)}
      </select>
      {active && <button className="btn ghost small" onClick={() => onChange(EMPTY_FILTER)}>{t('filters.reset')}</button>}
    </div>
  );
}
