import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo, ProgramInfo } from '../../../../shared/api/agencies.ts';
import { CHANNELS, type Channel } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';
import type { PurposeState } from './useImportWizard.ts';

/** Purpose of processing (UU 27/2022): recorded with every batch. */
export function PurposeForm({ value, onChange }: { value: PurposeState; onChange: (p: PurposeState) => void }) {
  const { t } = useTranslation('impor');
  const { t: tb } = useTranslation('beranda');
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [programs, setPrograms] = useState<ProgramInfo[]>([]);
  useEffect(() => {
    void unwrap(padan.agencies.list({})).then(setAgencies).catch(() => setAgencies([]));
  }, []);
  useEffect(() => {
    if (!value.agencyId) return setPrograms([]);
    void unwrap(padan.agencies.programs({ agencyId: Number(value.agencyId) })).then(setPrograms).catch(() => setPrograms([]));
  }, [value.agencyId]);
  const set = <K extends keyof PurposeState>(k: K) => (e: { target: { value: string } }) =>
    onChange({ ...value, [k]: e.target.value as PurposeState[K], ...(k === 'agencyId' ? { programId: '' } : {}) });
  return (
    <div className="purpose-form">
      <div className="form-grid two">
        <label className="field">{t('purpose.agency')} *
          <select value={value.agencyId} onChange={set('agencyId')} required>
            <option value="">{t('purpose.chooseAgency')}</option>
            {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
          </select>
        </label>
        <label className="field">{t('purpose.program')}
          <select value={value.programId} onChange={set('programId')} disabled={!value.agencyId}>
            <option value="">{t('purpose.noProgram')}</option>
            {programs.map((p) => <option key={p.id} value={p.id}>{p.name}</option>)}
          </select>
        </label>
        <label className="field">{t('purpose.letterNo')} *
          <input value={value.letterNo} onChange={set('letterNo')} placeholder={t('purpose.letterPlaceholder')} maxLength={120} required />
        </label>
        <label className="field">{t('purpose.receivedOn')} *
          <input type="date" value={value.receivedOn} onChange={set('receivedOn')} required />
        </label>
        <label className="field">{t('purpose.channel')}
          <select value={value.channel} onChange={set('channel')}>
            {CHANNELS.map((c: Channel) => <option key={c} value={c}>{tb(`channel.${c}`)}</option>)}
          </select>
        </label>
      </div>
      <label className="field">{t('purpose.purpose')}
        <textarea rows={2} value={value.purpose} onChange={set('purpose')} placeholder={t('purpose.purposePlaceholder')} maxLength={1000} />
      </label>
    </div>
  );
}
