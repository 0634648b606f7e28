import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditExportInfo } from '../../../../shared/api/audit.ts';
import { padan, unwrap } from '../../api.ts';
import { todayStamp } from './format.ts';

interface Filter {
  operator?: string;
  action?: string;
  batchId?: number;
  from?: string;
  to?: string;
}

/**
 * CSV of the filtered log for an inspector. The contract takes a path, so the form
 * suggests one in the data folder (which always exists); the user may type another.
 */
export function ExportCsv({ filter, onClose }: { filter: Filter; onClose: () => void }) {
  const { t } = useTranslation('audit');
  const [path, setPath] = useState('');
  const [busy, setBusy] = useState(false);
  const [done, setDone] = useState<AuditExportInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    void padan.app.info({}).then((r) => {
      if (r.ok) setPath(`${r.value.dataDir}/log-audit-${todayStamp()}.csv`);
    });
  }, []);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      setDone(await unwrap(padan.audit.export({ path, filter })));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  return (
    <form className="panel" onSubmit={submit}>
      <h2>{t('exportCsv.title')}</h2>
      <p className="muted small-print">{t('exportCsv.intro')}</p>
      <div className="row-actions audit-export-row">
        <label className="field grow">
          {t('exportCsv.path')}
          <input className="mono" value={path} onChange={(e) => setPath(e.target.value)} required />
        </label>
        <button type="submit" className="btn" disabled={busy || !path}>
          {busy ? t('exportCsv.running') : t('exportCsv.run')}
        </button>
        <button type="button" className="btn ghost" onClick={onClose}>
          {t('close', { ns: 'common' })}
        </button>
      </div>
      {error && <div className="alert error" role="alert">{error}</div>}
      {done && (
        <div className={`alert ${done.chainOk ? 'ok' : 'error'}`} role="status">
          <div>{t('exportCsv.done', { count: done.entries, path: done.path })}</div>
          <div className="small-print">{done.chainOk ? t('exportCsv.chainOk') : t('exportCsv.chainBroken')}</div>
        </div>
      )}
    </form>
  );
}
