// Pengaturan tab "Cadangan & retensi": encrypted backup, restore, and the end-of-retention
// purge (plan shown first, deletion only after confirmation). Administrators only.
import { useCallback, useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { BackupInfo, PurgeCandidateInfo, PurgeOutcomeInfo, RestoreInfo } from '../../../../shared/api/backup.ts';
import { padan, unwrap } from '../../api.ts';
import { AdminOnlyNotice, passwordProblem } from './Operators.tsx';

const GAP = { marginTop: 10 } as const;
type Msg = { kind: 'ok' | 'error' | 'warn'; text: string } | null;
const errText = (e: unknown) => (e as Error).message;
const day = (iso: string) => new Date(iso).toLocaleDateString('id-ID', { day: '2-digit', month: 'short', year: 'numeric' });
const stamp = () => new Date().toISOString().slice(0, 16).replace(/[-:T]/g, '');

function Alert({ msg }: { msg: Msg }) {
  return msg ? <div className={`alert ${msg.kind}`} role={msg.kind === 'error' ? 'alert' : 'status'} style={GAP}>{msg.text}</div> : null;
}

function useInfoText() {
  const { t } = useTranslation('trust');
  return (b: BackupInfo) =>
    t('backup.info', { at: new Date(b.createdAt).toLocaleString('id-ID'), by: b.createdBy, schema: b.appSchema, chain: b.auditChainOk ? t('backup.chainOk') : t('backup.chainBroken') });
}

export default function BackupRetention() {
  const [forbidden, setForbidden] = useState<string | null>(null);
  const [dataDir, setDataDir] = useState('');
  useEffect(() => {
    void padan.app.info({}).then((r) => r.ok && setDataDir(r.value.dataDir));
  }, []);
  if (forbidden) return <AdminOnlyNotice message={forbidden} />;
  return (
    <div>
      <div className="grid-2" style={{ alignItems: 'start' }}>
        <CreateBackup dataDir={dataDir} />
        <RestoreBackup dataDir={dataDir} />
      </div>
      <div style={{ marginTop: 14 }}>
        <Retention onForbidden={setForbidden} />
      </div>
    </div>
  );
}

function CreateBackup({ dataDir }: { dataDir: string }) {
  const { t } = useTranslation('trust');
  const info = useInfoText();
  const [path, setPath] = useState('');
  const [p1, setP1] = useState('');
  const [p2, setP2] = useState('');
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  useEffect(() => {
    if (dataDir && !path) setPath(`${dataDir}/padan-cadangan-${stamp()}.padanbak`);
  }, [dataDir, path]);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const problem = passwordProblem(t, p1, p2);
    if (problem) return setMsg({ kind: 'error', text: problem });
    setBusy(true);
    setMsg(null);
    try {
      const b = await unwrap(padan.backup.create({ path, passphrase: p1 }));
      const size = t('bytes', { n: (b.bytes / 1_048_576).toFixed(1) });
      setMsg({ kind: 'ok', text: `${t('backup.created', { batches: b.batches, entries: b.auditEntries, size })} ${info(b)}` });
      setP1('');
      setP2('');
    } catch (err) {
      setMsg({ kind: 'error', text: errText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit}>
      <h2>{t('backup.title')}</h2>
      <p className="muted small-print">{t('backup.intro')}</p>
      <div className="form-grid" style={GAP}>
        <label className="field" style={{ gridColumn: '1 / -1' }}>
          {t('backup.path')}
          <input className="mono" value={path} onChange={(e) => setPath(e.target.value)} required />
        </label>
        <label className="field">
          {t('backup.passphrase')}
          <input type="password" value={p1} onChange={(e) => setP1(e.target.value)} required autoComplete="new-password" />
        </label>
        <label className="field">
          {t('backup.passphrase2')}
          <input type="password" value={p2} onChange={(e) => setP2(e.target.value)} required autoComplete="new-password" />
        </label>
      </div>
      <Alert msg={msg} />
      <div className="row-actions" style={GAP}>
        <button className="btn" type="submit" disabled={busy}>{busy ? t('backup.creating') : t('backup.create')}</button>
      </div>
    </form>
  );
}

function RestoreBackup({ dataDir }: { dataDir: string }) {
  const { t } = useTranslation('trust');
  const info = useInfoText();
  const [path, setPath] = useState('');
  const [pass, setPass] = useState('');
  const [confirmed, setConfirmed] = useState(false);
  const [inspected, setInspected] = useState<BackupInfo | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  useEffect(() => {
    if (dataDir && !path) setPath(`${dataDir}/`);
  }, [dataDir, path]);
  const inspect = async () => {
    setMsg(null);
    try {
      setInspected(await unwrap(padan.backup.inspect({ path, passphrase: pass })));
    } catch (err) {
      setInspected(null);
      setMsg({ kind: 'error', text: errText(err) });
    }
  };
  const restore = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setMsg(null);
    try {
      const r: RestoreInfo = await unwrap(padan.backup.restore({ path, passphrase: pass, confirm: true }));
      setMsg({ kind: 'ok', text: t('restore.done', { at: new Date(r.createdAt).toLocaleString('id-ID'), copy: r.previousCopy }) });
      setConfirmed(false);
      setPass('');
    } catch (err) {
      setMsg({ kind: 'error', text: errText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={restore} style={{ marginTop: 0 }}>
      <h2>{t('restore.title')}</h2>
      <p className="muted small-print">{t('restore.intro')}</p>
      <div className="form-grid" style={GAP}>
        <label className="field" style={{ gridColumn: '1 / -1' }}>
          {t('backup.path')}
          <input className="mono" value={path} onChange={(e) => (setPath(e.target.value), setInspected(null))} required />
        </label>
        <label className="field">
          {t('backup.passphrase')}
          <input type="password" value={pass} onChange={(e) => (setPass(e.target.value), setInspected(null))} required autoComplete="off" />
        </label>
      </div>
      {inspected && (
        <div className="alert info" style={GAP}>
          {t('restore.inspected', { batches: inspected.batches, entries: inspected.auditEntries })} {info(inspected)}
        </div>
      )}
      <label style={{ display: 'flex', gap: 8, alignItems: 'flex-start', marginTop: 10, fontSize: 13 }}>
        <input type="checkbox" checked={confirmed} onChange={(e) => setConfirmed(e.target.checked)} />
        <span>{t('restore.confirm')}</span>
      </label>
      <Alert msg={msg} />
      <div className="row-actions" style={GAP}>
        <button className="btn secondary" type="button" onClick={() => void inspect()} disabled={!pass}>{t('restore.inspect')}</button>
        <button className="btn danger" type="submit" disabled={!confirmed || busy || !pass}>{busy ? t('restore.running') : t('restore.submit')}</button>
      </div>
    </form>
  );
}

function Retention({ onForbidden }: { onForbidden: (message: string) => void }) {
  const { t } = useTranslation('trust');
  const [plan, setPlan] = useState<PurgeCandidateInfo[] | null>(null);
  const [busy, setBusy] = useState(false);
  const [msg, setMsg] = useState<Msg>(null);
  const load = useCallback(async () => {
    try {
      setPlan(await unwrap(padan.backup.purgePlan({})));
    } catch (err) {
      if ((err as { code?: string }).code === 'FORBIDDEN') onForbidden(errText(err));
      else setMsg({ kind: 'error', text: errText(err) });
    }
  }, [onForbidden]);
  useEffect(() => {
    void load();
  }, [load]);
  const rows = (plan ?? []).reduce((n, c) => n + c.rowCount, 0);
  const purge = async () => {
    if (!plan?.length || !window.confirm(t('retention.confirm', { batches: plan.length, rows }))) return;
    setBusy(true);
    try {
      const done: PurgeOutcomeInfo[] = await unwrap(padan.backup.purge({ batchIds: plan.map((c) => c.batchId) }));
      const sum = (k: 'rows' | 'corrections') => done.reduce((n, d) => n + d[k], 0);
      setMsg({ kind: 'ok', text: t('retention.done', { batches: done.length, rows: sum('rows'), corrections: sum('corrections') }) });
      await load();
    } catch (err) {
      setMsg({ kind: 'error', text: errText(err) });
    } finally {
      setBusy(false);
    }
  };
  return (
    <div className="panel">
      <h2>{t('retention.title')}</h2>
      <p className="muted small-print">{t('retention.intro')}</p>
      <Alert msg={msg} />
      {plan && plan.length === 0 && <div className="empty">{t('retention.none')}</div>}
      {plan && plan.length > 0 && (
        <>
          <table className="data" style={GAP}>
            <thead>
              <tr>
                <th className="num">{t('retention.col.batch')}</th>
                <th>{t('retention.col.agency')}</th>
                <th>{t('retention.col.letter')}</th>
                <th>{t('retention.col.exported')}</th>
                <th className="num">{t('retention.col.days')}</th>
                <th>{t('retention.col.due')}</th>
                <th className="num">{t('retention.col.rows')}</th>
              </tr>
            </thead>
            <tbody>
              {plan.map((c) => (
                <tr key={c.batchId}>
                  <td className="num">{c.batchId}</td>
                  <td>{c.agencyName}</td>
                  <td>{c.letterNo ?? '—'}</td>
                  <td>{day(c.exportedAt)}</td>
                  <td className="num">{c.retentionDays}</td>
                  <td>{day(c.dueAt)}</td>
                  <td className="num">{c.rowCount.toLocaleString('id-ID')}</td>
                </tr>
              ))}
            </tbody>
          </table>
          <div className="row-actions" style={{ ...GAP, justifyContent: 'space-between' }}>
            <strong>{t('retention.summary', { batches: plan.length, rows: rows.toLocaleString('id-ID') })}</strong>
            <button className="btn danger" onClick={() => void purge()} disabled={busy}>{busy ? t('retention.running') : t('retention.purge')}</button>
          </div>
        </>
      )}
      <div className="row-actions" style={GAP}>
        <button className="btn ghost small" onClick={() => void load()}>{t('retention.refresh')}</button>
      </div>
    </div>
  );
}
