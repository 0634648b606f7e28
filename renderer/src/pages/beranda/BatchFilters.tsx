import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo, ProgramInfo } from '../../../../shared/api/agencies.ts';
import { BATCH_STATES } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';
import { Icon } from '../../components/Icon.tsx';
import { EMPTY_FILTER, type BatchFilterState } from './useBatches.ts';

export function BatchFilters({ value, onChange }: { value: BatchFilterState; onChange: (f: BatchFilterState) => void }) {
  const { t } = useTranslation('beranda');
  const { t: tc } = useTranslation();
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
      <input type="month" value={value.month} onChange={set('month')} aria-label={t('filters.month')} title={t('filters.month')} />
      <select value={value.state} onChange={set('state')} aria-label={t('filters.state')}>
        <option value="">{t('filters.state')}</option>
        {BATCH_STATES.map((s) => <option key={s} value={s}>{tc(`batchState.${s}`)}</option>)}
      </select>
      {active && <button className="btn ghost small" onClick={() => onChange(EMPTY_FILTER)}>{t('filters.reset')}</button>}
    </div>
  );
}
