// Pengaturan tab "Operator": accounts, roles, disable/enable, password reset, idle lock.
// Administrators only: the engine refuses everyone else with FORBIDDEN, and this tab then
// explains that instead of showing a raw error.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { OperatorInfo } from '../../../../shared/api/auth.ts';
import { ROLES, type Role } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';

type Failure = { code?: string; message: string };
// The few layout touches this tab needs (styles.css belongs to the shell).
const GAP = { marginTop: 10 } as const;

const failure = (e: unknown): Failure => ({ code: (e as { code?: string }).code, message: (e as Error).message });

/** Shown instead of an admin tab when the engine answered FORBIDDEN. */
export function AdminOnlyNotice({ message }: { message: string }) {
  const { t } = useTranslation('trust');
  return (
    <div className="alert warn" role="alert" data-testid="admin-only">
      <strong>{t('adminOnly.title')}</strong>
      <div>{t('adminOnly.body')}</div>
      <div className="small-print">{message}</div>
    </div>
  );
}

/** Two password fields that must agree; returns the problem text or null. */
export function passwordProblem(t: (k: string) => string, a: string, b: string): string | null {
  if (a.length < 8) return t('password.tooShort');
  if (a !== b) return t('password.mismatch');
  return null;
}

export default function Operators() {
  const { t } = useTranslation('trust');
  const [operators, setOperators] = useState<OperatorInfo[] | null>(null);
  const [me, setMe] = useState<string | null>(null);
  const [forbidden, setForbidden] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [resetFor, setResetFor] = useState<string | null>(null);

  const load = useCallback(async () => {
    try {
      setOperators(await unwrap(padan.auth.listOperators({})));
    } catch (e) {
      const f = failure(e);
      if (f.code === 'FORBIDDEN') setForbidden(f.message);
      else setError(f.message);
    }
  }, []);

  useEffect(() => {
    void load();
    void padan.auth.status({}).then((r) => r.ok && setMe(r.value.session?.operator ?? null));
  }, [load]);

  if (forbidden) return <AdminOnlyNotice message={forbidden} />;

  const toggle = async (op: OperatorInfo) => {
    if (!op.disabled && !window.confirm(t('operators.confirmDisable', { username: op.username }))) return;
    setError(null);
    try {
      const next = await unwrap(padan.auth.setOperatorDisabled({ username: op.username, disabled: !op.disabled }));
      setNotice(t('operators.stateChanged', { username: next.username, state: next.disabled ? t('operators.disabled') : t('operators.active') }));
      await load();
    } catch (e) {
      setError(failure(e).message);
    }
  };

  return (
    <div>
      <div className="panel">
        <h2>{t('operators.title')}</h2>
        <p className="muted small-print" style={{ marginBottom: 10 }}>{t('operators.intro')}</p>
        {error && <div className="alert error" role="alert">{error}</div>}
        {notice && <div className="alert ok" role="status">{notice}</div>}
        <table className="data">
          <thead>
            <tr>
              <th>{t('operators.col.username')}</th>
              <th>{t('operators.col.displayName')}</th>
              <th>{t('operators.col.role')}</th>
              <th>{t('operators.col.state')}</th>
              <th>{t('operators.col.createdAt')}</th>
              <th>{t('operators.col.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {(operators ?? []).map((op) => (
              <tr key={op.id}>
                <td className="mono">
                  {op.username} {op.username === me && <span className="badge info">{t('operators.you')}</span>}
                </td>
                <td>{op.displayName}</td>
                <td>{t(`operators.role.${op.role}`)}</td>
                <td>
                  <span className={`badge ${op.disabled ? 'bad' : 'ok'}`}>{op.disabled ? t('operators.disabled') : t('operators.active')}</span>
                </td>
                <td>{new Date(op.createdAt).toLocaleDateString('id-ID')}</td>
                <td>
                  <div className="row-actions">
                  {/* An administrator cannot lock themself out from here. */}
                  {op.username !== me && (
                    <button className={`btn small ${op.disabled ? 'secondary' : 'ghost'}`} onClick={() => void toggle(op)}>
                      {op.disabled ? t('operators.enable') : t('operators.disable')}
                    </button>
                  )}
                  <button className="btn small ghost" onClick={() => setResetFor(resetFor === op.username ? null : op.username)}>
                    {t('operators.resetPassword')}
                  </button>
                  </div>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        {resetFor && <ResetPassword username={resetFor} onDone={(m) => (setNotice(m), setResetFor(null))} />}
      </div>
      <div className="grid-2" style={{ marginTop: 14, alignItems: 'start' }}>
        <CreateOperator onCreated={(m) => (setNotice(m), void load())} />
        <IdleLock />
      </div>
    </div>
  );
}

function CreateOperator({ onCreated }: { onCreated: (message: string) => void }) {
  const { t } = useTranslation('trust');
  const [f, setF] = useState({ username: '', displayName: '', role: 'OPERATOR' as Role, password: '', password2: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof f) => (e: { target: { value: string } }) => setF({ ...f, [k]: e.target.value });
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(t, f.password, f.password2);
    if (problem) return setError(problem);
    setBusy(true);
    setError(null);
    try {
      const op = await unwrap(padan.auth.createOperator({ username: f.username, displayName: f.displayName, role: f.role, password: f.password }));
      setF({ username: '', displayName: '', role: 'OPERATOR', password: '', password2: '' });
      onCreated(t('operators.create.done', { username: op.username }));
    } catch (err) {
      setError(failure(err).message);
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit}>
      <h2>{t('operators.create.title')}</h2>
      <div className="form-grid">
        <label className="field">
          {t('operators.create.username')}
          <input value={f.username} onChange={set('username')} required pattern="[A-Za-z0-9._\-]{2,64}" title={t('operators.create.usernameHint')} autoComplete="off" />
        </label>
        <label className="field">
          {t('operators.create.displayName')}
          <input value={f.displayName} onChange={set('displayName')} required />
        </label>
        <label className="field">
          {t('operators.create.role')}
          <select value={f.role} onChange={set('role')}>
            {ROLES.map((r) => (
              <option key={r} value={r}>{t(`operators.role.${r}`)}</option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('operators.create.password')}
          <input type="password" value={f.password} onChange={set('password')} required autoComplete="new-password" />
        </label>
        <label className="field">
          {t('operators.create.password2')}
          <input type="password" value={f.password2} onChange={set('password2')} required autoComplete="new-password" />
        </label>
      </div>
      {error && <div className="alert error" style={GAP} role="alert">{error}</div>}
      <div className="row-actions" style={GAP}>
        <button className="btn" type="submit" disabled={busy}>{t('operators.create.submit')}</button>
      </div>
    </form>
  );
}

function ResetPassword({ username, onDone }: { username: string; onDone: (message: string) => void }) {
  const { t } = useTranslation('trust');
  const [a, setA] = useState('');
  const [b, setB] = useState('');
  const [error, setError] = useState<string | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(t, a, b);
    if (problem) return setError(problem);
    try {
      await unwrap(padan.auth.resetPassword({ username, password: a }));
      onDone(t('operators.reset.done', { username }));
    } catch (err) {
      setError(failure(err).message);
    }
  };
  return (
    <form onSubmit={submit} style={{ marginTop: 12, paddingTop: 10, borderTop: '1px solid var(--line)' }}>
      <strong>{t('operators.reset.title', { username })}</strong>
      <div className="row-actions">
        <label className="field">
          {t('operators.reset.password')}
          <input type="password" value={a} onChange={(e) => setA(e.target.value)} autoComplete="new-password" />
        </label>
        <label className="field">
          {t('operators.reset.password2')}
          <input type="password" value={b} onChange={(e) => setB(e.target.value)} autoComplete="new-password" />
        </label>
        <button className="btn small" type="submit">{t('operators.reset.submit')}</button>
      </div>
      {error && <div className="alert error" role="alert">{error}</div>}
    </form>
  );
}

function IdleLock() {
  const { t } = useTranslation('trust');
  const [minutes, setMinutes] = useState('');
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  useEffect(() => {
    void padan.auth.status({}).then((r) => r.ok && setMinutes(String(r.value.idleLockMinutes)));
  }, []);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    try {
      const s = await unwrap(padan.auth.setIdleLockMinutes({ minutes: Number(minutes) }));
      setMsg({ kind: 'ok', text: t('operators.idle.done', { minutes: s.idleLockMinutes }) });
    } catch (err) {
      setMsg({ kind: 'error', text: failure(err).message });
    }
  };
  return (
    <form className="panel" onSubmit={submit} style={{ marginTop: 0 }}>
      <h2>{t('operators.idle.title')}</h2>
      <label className="field">
        {t('operators.idle.label')}
        <input type="number" min={1} max={1440} value={minutes} onChange={(e) => setMinutes(e.target.value)} required />
      </label>
      <p className="muted small-print" style={GAP}>{t('operators.idle.hint')}</p>
      {msg && <div className={`alert ${msg.kind}`} style={GAP} role="status">{msg.text}</div>}
      <div className="row-actions" style={GAP}>
        <button className="btn" type="submit">{t('operators.idle.save')}</button>
      </div>
    </form>
  );
}
