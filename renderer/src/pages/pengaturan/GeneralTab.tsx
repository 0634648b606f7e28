import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AppInfo } from '../../../../shared/api/app.ts';
import type { AppSettings } from '../../../../shared/api/settings.ts';
import { padan, unwrap } from '../../api.ts';
import { setLanguage } from '../../i18n/index.ts';

export function GeneralTab() {
  const { t, i18n } = useTranslation('pengaturan');
  const [s, setS] = useState<AppSettings | null>(null);
  const [info, setInfo] = useState<AppInfo | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    unwrap(padan.settings.get({})).then(setS).catch((e: Error) => setMsg({ kind: 'error', text: e.message }));
    void unwrap(padan.app.info({})).then(setInfo).catch(() => undefined);
  }, []);
  const save = async (e: FormEvent) => {
    e.preventDefault();
    if (!s) return;
    try {
      setS(await unwrap(padan.settings.save(s)));
      setMsg({ kind: 'ok', text: t('saved') });
    } catch (err) {
      setMsg({ kind: 'error', text: (err as Error).message });
    }
  };
  return (
    <div className="grid-2">
      <form className="panel" onSubmit={save}>
        <h2>{t('general.title')}</h2>
        {s && (
          <div className="general-form">
            <label className="field">{t('general.idleLock')}
              <input type="number" min={1} max={1440} value={s.idleLockMinutes} onChange={(e) => setS({ ...s, idleLockMinutes: Number(e.target.value) })} required />
            </label>
            <label className="check-row">
              <input type="checkbox" checked={s.autoRepair} onChange={(e) => setS({ ...s, autoRepair: e.target.checked })} />
              <span>{t('general.autoRepair')}<span className="muted small-print block">{t('general.autoRepairHelp')}</span></span>
            </label>
            <label className="field">{t('general.language')}
              <select value={i18n.language} onChange={(e) => setLanguage(e.target.value as 'id' | 'en')}>
                <option value="id">Bahasa Indonesia</option>
                <option value="en">English</option>
              </select>
            </label>
          </div>
        )}
        {msg && <div className={`alert ${msg.kind}`} role="status">{msg.text}</div>}
        <div className="row-actions"><button type="submit" className="btn">{t('general.save')}</button></div>
      </form>
      <div className="panel">
        <h2>{t('general.keyTitle')}</h2>
        {info && (
          <>
            <div className={`alert ${info.keyProtection === 'basic_text' ? 'warn' : 'ok'}`} data-testid="key-protection">
              {t(`general.key.${info.keyProtection}`)}
            </div>
            <dl className="facts">
              <dt>{t('general.dataDir')}</dt><dd className="mono">{info.dataDir}</dd>
              <dt>{t('general.version')}</dt><dd>{info.name} {info.version}</dd>
            </dl>
          </>
        )}
      </div>
    </div>
  );
}
