import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { reportApi, type NikAppearance } from './reportApi.ts';

const dateOf = (a: NikAppearance) => {
  const d = a.matchedAt ?? a.receivedOn;
  return d ? new Date(d).toLocaleDateString('id-ID') : '—';
};

/** Where has this NIK been? Every search is audited (NIK_SEARCH), and the page says so up front. */
export function NikSearchTab() {
  const { t } = useTranslation('laporan');
  const [nik, setNik] = useState('');
  const [found, setFound] = useState<NikAppearance[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const digits = nik.replace(/\D/g, '');
    if (digits.length !== 16) return setError(t('nik.invalid'));
    setBusy(true);
    setError(null);
    try {
      setFound(await reportApi.nikSearch(digits));
    } catch (err) {
      setError((err as Error).message);
      setFound(null);
    } finally {
      setBusy(false);
    }
  };

  return (
    <div>
      <div className="alert warn" role="note">{t('nik.logged')}</div>
      <form className="panel lap-nik-form" onSubmit={submit}>
        <label className="field">
          {t('nik.label')}
          <input className="mono" value={nik} onChange={(e) => setNik(e.target.value)} inputMode="numeric" maxLength={24} autoComplete="off" />
        </label>
        <button className="btn" type="submit" disabled={busy}>{t('nik.search')}</button>
      </form>
      {error && <div className="alert error" role="alert">{error}</div>}
      {found && found.length === 0 && <div className="panel empty">{t('nik.none')}</div>}
      {found && found.length > 0 && (
        <div className="panel">
          <h2>{t('nik.found', { count: found.length })}</h2>
          <table className="data">
            <thead>
              <tr>
                <th className="num">{t('nik.col.batch')}</th>
                <th>{t('nik.col.agency')}</th>
                <th>{t('nik.col.program')}</th>
                <th>{t('nik.col.letter')}</th>
                <th>{t('nik.col.date')}</th>
                <th className="num">{t('nik.col.row')}</th>
                <th>{t('nik.col.status')}</th>
              </tr>
            </thead>
            <tbody>
              {found.map((a) => (
                <tr key={`${a.batchId}-${a.rowNo}`}>
                  <td className="num"><Link to={`/laporan?batch=${a.batchId}`}>#{a.batchId}</Link></td>
                  <td>{a.agency}</td>
                  <td>{a.program ?? '—'}</td>
                  <td>{a.letterNo ?? '—'}</td>
                  <td>{dateOf(a)}</td>
                  <td className="num">{a.rowNo}</td>
                  <td>
                    <span className={`badge ${a.status}`}>{t(`status.${a.status}`, { ns: 'common' })}</span>
                    {a.reason && <span className="muted small-print"> {t(`reason.${a.reason}`, { ns: 'common' })}</span>}
                    {a.repaired && <span className="badge info lap-gap-left">{t('nik.repaired')}</span>}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
