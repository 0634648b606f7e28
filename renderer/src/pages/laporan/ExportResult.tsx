import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportApi, type Saved } from './reportApi.ts';

/** Result file for the agency. In the app the main process asks where to save; elsewhere it lands in the data folder. */
export function ExportResult({ batchId }: { batchId: number }) {
  const { t } = useTranslation('laporan');
  const [busy, setBusy] = useState<'xlsx' | 'csv' | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);

  const run = async (format: 'xlsx' | 'csv') => {
    setBusy(format);
    setMsg(null);
    try {
      const saved: Saved | null = await reportApi.exportBatch(batchId, format);
      if (!saved) setMsg({ kind: 'info', text: t('export.cancelled') });
      else
        setMsg({
          kind: 'ok',
          text: saved.rows !== undefined ? t('export.savedRows', { path: saved.path, rows: saved.rows.toLocaleString('id-ID') }) : t('export.saved', { path: saved.path }),
        });
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="panel">
      <h2>{t('export.title')}</h2>
      <div className="row-actions">
        <button className="btn" onClick={() => void run('xlsx')} disabled={busy !== null}>
          {busy === 'xlsx' ? t('export.running') : t('export.xlsx')}
        </button>
        <button className="btn secondary" onClick={() => void run('csv')} disabled={busy !== null}>
          {busy === 'csv' ? t('export.running') : t('export.csv')}
        </button>
      </div>
      {msg && (
        <div className={`alert ${msg.kind} lap-saved`} role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </div>
      )}
    </div>
  );
}
