import { useCallback, useEffect, useState, type FormEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuthStatusInfo, SessionInfo } from '../../../shared/api/auth.ts';
import { padan, unwrap } from '../api.ts';

export interface SessionApi {
  session: SessionInfo;
  lock: () => void;
  signOut: () => void;
}

/**
 * Nothing of the application shows before sign-in. The first start asks for the
 * administrator account; an idle or manual lock comes back here with the name of who was in.
 */
export function SessionGate({ children }: { children: (s: SessionApi) => ReactNode }) {
  const [status, setStatus] = useState<AuthStatusInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const refresh = useCallback(async () => {
    try {
      setStatus(await unwrap(padan.auth.status({})));
    } catch (e) {
      setError((e as Error).message);
    }
  }, []);

  useEffect(() => {
    void refresh();
    return padan.on('session/locked', () => void refresh());
  }, [refresh]);

  // The engine locks idle sessions; a call refused with NOT_SIGNED_IN also brings the gate back.
  useEffect(() => {
    const timer = setInterval(() => void refresh(), 30_000);
    return () => clearInterval(timer);
  }, [refresh]);

  if (!status) return <div className="gate"><div className="gate-card">{error ?? '…'}</div></div>;
  if (status.session) {
    return (
      <>
        {children({
          session: status.session,
          lock: () => void padan.auth.lock({}).then(refresh),
          signOut: () => void padan.auth.signOut({}).then(refresh),
        })}
      </>
    );
  }
  return status.hasAccounts ? (
    <SignIn locked={status.lockedOperator} onDone={setStatus} />
  ) : (
    <SetupAdmin onDone={refresh} />
  );
}

function GateFrame({ title, intro, children }: { title: string; intro: string; children: ReactNode }) {
  const { t } = useTranslation('auth');
  return (
    <div className="gate">
      <div className="gate-card">
        <div className="gate-brand">
          <div className="brand-mark" aria-hidden="true">P</div>
          <div>
            <div className="gate-app">Padan</div>
            <div className="muted">Disdukcapil Kota Parepare</div>
          </div>
        </div>
        <h1>{title}</h1>
        <p className="muted">{intro}</p>
        {children}
        <p className="gate-foot">{t('footer')}</p>
      </div>
    </div>
  );
}

function SignIn({ locked, onDone }: { locked: string | null; onDone: (s: AuthStatusInfo) => void }) {
  const { t } = useTranslation('auth');
  const [username, setUsername] = useState(locked ?? '');
  const [password, setPassword] = useState('');
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      onDone(await unwrap(padan.auth.signIn({ username, password })));
    } catch (err) {
      setError((err as Error).message);
      setPassword('');
    } finally {
      setBusy(false);
    }
  };
  const title = locked ? t('lockedTitle') : t('title');
  const intro = locked ? t('lockedIntro', { name: locked }) : t('intro');
  return (
    <GateFrame title={title} intro={intro}>
      <form className="gate-form" onSubmit={submit}>
        {error && <div className="alert error" role="alert">{error}</div>}
        <label className="field">{t('username')}
          <input autoFocus={!locked} value={username} onChange={(e) => setUsername(e.target.value)} autoComplete="username" required />
        </label>
        <label className="field">{t('password')}
          <input autoFocus={!!locked} type="password" value={password} onChange={(e) => setPassword(e.target.value)} autoComplete="current-password" required />
        </label>
        <button className="btn" type="submit" disabled={busy}>{busy ? t('signingIn') : t('signIn')}</button>
      </form>
    </GateFrame>
  );
}

function SetupAdmin({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation('auth');
  const [form, setForm] = useState({ username: 'admin', displayName: '', password: '', repeat: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm({ ...form, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    if (form.password !== form.repeat) return setError(t('passwordMismatch'));
    setBusy(true);
    setError(null);
    try {
      await unwrap(padan.auth.setupAdmin({ username: form.username, displayName: form.displayName, password: form.password }));
      await unwrap(padan.auth.signIn({ username: form.username, password: form.password }));
      onDone();
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <GateFrame title={t('setupTitle')} intro={t('setupIntro')}>
      <form className="gate-form" onSubmit={submit}>
        {error && <div className="alert error" role="alert">{error}</div>}
        <label className="field">{t('displayName')}<input autoFocus value={form.displayName} onChange={set('displayName')} required /></label>
        <label className="field">{t('username')}<input value={form.username} onChange={set('username')} autoComplete="username" required /></label>
        <label className="field">{t('password')}<input type="password" value={form.password} onChange={set('password')} autoComplete="new-password" required minLength={8} /></label>
        <label className="field">{t('passwordRepeat')}<input type="password" value={form.repeat} onChange={set('repeat')} autoComplete="new-password" required /></label>
        <p className="muted small-print">{t('passwordHint')}</p>
        <button className="btn" type="submit" disabled={busy}>{t('createAdmin')}</button>
      </form>
    </GateFrame>
  );
}
