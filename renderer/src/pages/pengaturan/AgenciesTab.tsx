import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo } from '../../../../shared/api/agencies.ts';
import { padan, unwrap } from '../../api.ts';
import { AgencyEditor, NEW_AGENCY, type AgencyDraft } from './AgencyEditor.tsx';
import { ProgramsPanel } from './ProgramsPanel.tsx';

export function AgenciesTab() {
  const { t } = useTranslation('pengaturan');
  const { t: tc } = useTranslation();
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [editing, setEditing] = useState<AgencyDraft | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [version, setVersion] = useState(0);
  useEffect(() => {
    unwrap(padan.agencies.list({})).then(setAgencies).catch((e: Error) => setError(e.message));
  }, [version]);
  return (
    <div className="agencies-layout">
      <div className="panel">
        <div className="panel-head">
          <h2>{t('agencies.title')}</h2>
          <button className="btn small" onClick={() => setEditing(NEW_AGENCY)}>+ {t('agencies.add')}</button>
        </div>
        <p className="muted small-print">{t('agencies.help')}</p>
        {error && <div className="alert error">{error}</div>}
        {editing && (
          <AgencyEditor key={editing.id ?? 'new'} draft={editing} onCancel={() => setEditing(null)}
            onDone={() => { setEditing(null); setVersion((v) => v + 1); }} />
        )}
        <table className="data agency-table">
          <thead><tr><th>{t('agencies.name')}</th><th>{t('agencies.code')}</th><th>{t('agencies.allowed')}</th><th className="num">{t('agencies.retention')}</th><th className="num">{t('agencies.batches')}</th><th /></tr></thead>
          <tbody>
            {agencies.map((a) => (
              <tr key={a.id}>
                <td><b>{a.name}</b>{a.contact && <div className="cell-sub">{a.contact}</div>}</td>
                <td className="mono">{a.code}</td>
                <td>{a.allowedElements.length === 0 ? <span className="muted">{t('agencies.noneAllowed')}</span>
                  : a.allowedElements.map((e) => <span key={e} className="badge info tag">{tc(`element.${e}`)}</span>)}</td>
                <td className="num">{a.retentionDays}</td>
                <td className="num">{a.batches}</td>
                <td><button className="btn ghost small" onClick={() => setEditing(a)}>{t('agencies.edit')}</button></td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      <ProgramsPanel agencies={agencies} version={version} />
    </div>
  );
}
