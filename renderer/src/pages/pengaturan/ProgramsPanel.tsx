import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo, ProgramInfo } from '../../../../shared/api/agencies.ts';
import { padan, unwrap } from '../../api.ts';

export function ProgramsPanel({ agencies, version }: { agencies: AgencyInfo[]; version: number }) {
  const { t } = useTranslation('pengaturan');
  const [programs, setPrograms] = useState<ProgramInfo[]>([]);
  const [draft, setDraft] = useState({ name: '', code: '', agencyId: '' });
  const [error, setError] = useState<string | null>(null);
  const load = () => void unwrap(padan.agencies.programs({})).then(setPrograms).catch((e: Error) => setError(e.message));
  useEffect(load, [version]);
  const add = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await unwrap(padan.agencies.saveProgram({ name: draft.name, code: draft.code, agencyId: draft.agencyId ? Number(draft.agencyId) : null }));
      setDraft({ name: '', code: '', agencyId: draft.agencyId });
      load();
    } catch (err) {
      setError((err as Error).message);
    }
  };
  return (
    <div className="panel">
      <h2>{t('programs.title')}</h2>
      <table className="data compact">
        <thead><tr><th>{t('programs.name')}</th><th>{t('programs.code')}</th><th>{t('programs.agency')}</th></tr></thead>
        <tbody>
          {programs.map((p) => <tr key={p.id}><td>{p.name}</td><td className="mono">{p.code}</td><td>{p.agencyName ?? '–'}</td></tr>)}
        </tbody>
      </table>
      <form className="program-add" onSubmit={add}>
        <input aria-label={t('programs.name')} placeholder={t('programs.name')} value={draft.name} onChange={(e) => setDraft({ ...draft, name: e.target.value })} required minLength={2} />
        <input aria-label={t('programs.code')} className="mono" placeholder={t('programs.code')} value={draft.code} onChange={(e) => setDraft({ ...draft, code: e.target.value.toUpperCase() })} required pattern="[A-Za-z0-9_\-]{2,20}" />
        <select aria-label={t('programs.agency')} value={draft.agencyId} onChange={(e) => setDraft({ ...draft, agencyId: e.target.value })}>
          <option value="">{t('programs.anyAgency')}</option>
          {agencies.map((a) => <option key={a.id} value={a.id}>{a.name}</option>)}
        </select>
        <button type="submit" className="btn small">{t('programs.add')}</button>
      </form>
      {error && <div className="alert error">{error}</div>}
    </div>
  );
}
