import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistryDiagnosticsInfo } from '../../../../shared/api/registry.ts';
import { padan, unwrap } from '../../api.ts';
import { fmtNumber } from '../beranda/format.ts';

const TARGET_BADGE: Record<string, string> = { AKTIF: 'AKTIF', MENINGGAL: 'MENINGGAL', PINDAH: 'PINDAH', NONAKTIF: 'INVALID' };

/** FLAG_STATUS as SIAK really has it, next to what the current mapping makes of it. */
export function Diagnostics({ version }: { version: number }) {
  const { t } = useTranslation('pengaturan');
  const [d, setD] = useState<RegistryDiagnosticsInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [seen, setSeen] = useState(version);
  if (seen !== version) {
    // Mapping or connection changed: the shown distribution is stale.
    setSeen(version);
    setD(null);
  }
  const run = async () => {
    setBusy(true); setError(null);
    try { setD(await unwrap(padan.registry.diagnostics({}))); } catch (e) { setError((e as Error).message); }
    setBusy(false);
  };
  const total = d?.flagStatus.reduce((n, f) => n + f.count, 0) ?? 0;
  const missing = d?.schema.filter((s) => !s.exists) ?? [];
  return (
    <div>
      <p className="muted small-print">{t('diag.help')}</p>
      <button type="button" className="btn secondary small diag-run" disabled={busy} onClick={() => void run()}>{busy ? t('diag.running') : t('diag.run')}</button>
      {error && <div className="alert error" style={{ marginTop: 10 }}>{error}</div>}
      {d && (
        <div className="diag">
          <div className="diag-head"><b>{d.label}</b> · {t('diag.persons')}: {fmtNumber(d.persons)} · {t('diag.families')}: {fmtNumber(d.families)}</div>
          <table className="data compact">
            <thead><tr><th>{t('diag.value')}</th><th className="num">{t('diag.count')}</th><th className="num">{t('diag.share')}</th><th>{t('diag.mappedTo')}</th></tr></thead>
            <tbody>
              {d.flagStatus.map((f) => (
                <tr key={f.value}>
                  <td className="mono">{f.value === '' ? '(kosong)' : f.value}</td>
                  <td className="num">{fmtNumber(f.count)}</td>
                  <td className="num">{total ? ((f.count / total) * 100).toFixed(1) : 0}%</td>
                  <td><span className={`badge ${TARGET_BADGE[f.mappedTo] ?? 'info'}`}>{t(`mapping.targets.${f.mappedTo}`, { defaultValue: f.mappedTo })}</span></td>
                </tr>
              ))}
            </tbody>
          </table>
          {missing.length === 0 ? (
            <div className="alert ok small-print">{t('diag.allPresent', { count: d.schema.length })}</div>
          ) : (
            <div className="alert warn small-print">
              {t('diag.someMissing', { count: missing.length })}{' '}
              {missing.map((m) => <code key={`${m.table}.${m.column ?? ''}`}>{m.table}{m.column ? `.${m.column}` : ''} </code>)}
            </div>
          )}
        </div>
      )}
    </div>
  );
}
