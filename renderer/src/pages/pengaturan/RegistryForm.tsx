import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegistrySettingsInfo, RegistrySettingsInput, RegistryTestResult } from '../../../../shared/api/registry.ts';
import { padan, unwrap } from '../../api.ts';

type Kind = RegistrySettingsInfo['kind'];
interface FormState { kind: Kind; path: string; host: string; port: string; serviceName: string; user: string; password: string }

function fromInfo(i: RegistrySettingsInfo): FormState {
  return {
    kind: i.kind, path: i.kind === 'sqlite' ? i.path : '',
    host: i.kind === 'oracle' ? i.host : '', port: i.kind === 'oracle' ? String(i.port) : '1521',
    serviceName: i.kind === 'oracle' ? i.serviceName : '', user: i.kind === 'oracle' ? i.user : '', password: '',
  };
}

function toInput(f: FormState): RegistrySettingsInput {
  if (f.kind === 'demo') return { kind: 'demo' };
  if (f.kind === 'sqlite') return { kind: 'sqlite', path: f.path.trim() };
  return {
    kind: 'oracle', host: f.host.trim(), port: Number(f.port), serviceName: f.serviceName.trim(), user: f.user.trim(),
    ...(f.password ? { password: f.password } : {}),
  };
}

/** Which registry to use, with a connection test of the unsaved values. */
export function RegistryForm({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('pengaturan');
  const [info, setInfo] = useState<RegistrySettingsInfo | null>(null);
  const [f, setF] = useState<FormState | null>(null);
  const [test, setTest] = useState<RegistryTestResult | null>(null);
  const [busy, setBusy] = useState<'test' | 'save' | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    unwrap(padan.registry.get({})).then((i) => { setInfo(i); setF(fromInfo(i)); }).catch((e: Error) => setMsg({ kind: 'error', text: e.message }));
  }, []);
  if (!f) return <p className="muted">…</p>;
  const set = (k: keyof FormState) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const runTest = async () => {
    setBusy('test'); setTest(null); setMsg(null);
    try { setTest(await unwrap(padan.registry.test({ settings: toInput(f) }))); } catch (e) { setMsg({ kind: 'error', text: (e as Error).message }); }
    setBusy(null);
  };
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setBusy('save'); setMsg(null);
    try {
      const i = await unwrap(padan.registry.save(toInput(f)));
      setInfo(i); setF({ ...fromInfo(i) }); setMsg({ kind: 'ok', text: t('saved') }); onSaved();
    } catch (err) { setMsg({ kind: 'error', text: (err as Error).message }); }
    setBusy(null);
  };
  const hasPassword = info?.kind === 'oracle' && info.hasPassword;
  return (
    <form onSubmit={save} className="registry-form">
      <div className="kind-choice" role="radiogroup" aria-label={t('registry.kind')}>
        {(['demo', 'sqlite', 'oracle'] as const).map((k) => (
          <label key={k} className={`kind-option${f.kind === k ? ' on' : ''}`}>
            <input type="radio" name="kind" value={k} checked={f.kind === k} onChange={() => { setF({ ...f, kind: k }); setTest(null); }} />
            {t(`registry.kinds.${k}`)}
          </label>
        ))}
      </div>
      {f.kind === 'demo' && <p className="muted small-print">{t('registry.demoNote')}</p>}
      {f.kind === 'sqlite' && (
        <label className="field">{t('registry.path')}<input value={f.path} onChange={set('path')} placeholder={t('registry.pathPlaceholder')} required /></label>
      )}
      {f.kind === 'oracle' && (
        <div className="form-grid oracle-grid">
          <label className="field">{t('registry.host')}<input value={f.host} onChange={set('host')} required placeholder="10.73.72.10" /></label>
          <label className="field">{t('registry.port')}<input type="number" min={1} max={65535} value={f.port} onChange={set('port')} required /></label>
          <label className="field">{t('registry.serviceName')}<input value={f.serviceName} onChange={set('serviceName')} required placeholder="SIAKDB" /></label>
          <label className="field">{t('registry.user')}<input value={f.user} onChange={set('user')} required autoComplete="off" /></label>
          <label className="field">{t('registry.password')}
            <input type="password" value={f.password} onChange={set('password')} autoComplete="new-password"
              placeholder={hasPassword ? t('registry.passwordKeep') : t('registry.passwordNone')} />
          </label>
        </div>
      )}
      {test && (
        <div className={`alert ${test.ok ? 'ok' : 'error'}`} role="status" data-testid="registry-test-result">
          {test.ok ? t('registry.ok', { label: test.label, ms: test.millis }) : test.message}
        </div>
      )}
      {msg && <div className={`alert ${msg.kind}`} role="status">{msg.text}</div>}
      <div className="row-actions">
        <button type="button" className="btn secondary" disabled={busy !== null} onClick={() => void runTest()}>
          {busy === 'test' ? t('registry.testing') : t('registry.test')}
        </button>
        <button type="submit" className="btn" disabled={busy !== null}>{t('registry.save')}</button>
      </div>
    </form>
  );
}
