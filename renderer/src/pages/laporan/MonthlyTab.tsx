import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { STATUSES } from '../../../../shared/domain.ts';
import { MonthlyChart } from './MonthlyChart.tsx';
import { MonthlyTableView } from './MonthlyTableView.tsx';
import { reportApi, type MonthlyTable } from './reportApi.ts';

const THIS_YEAR = new Date().getFullYear();
// Padan's history starts with its first use; five years back covers the office's reporting.
const YEARS = Array.from({ length: 6 }, (_, i) => THIS_YEAR - i);

export function MonthlyTab() {
  const { t } = useTranslation('laporan');
  const [year, setYear] = useState(THIS_YEAR);
  const [table, setTable] = useState<MonthlyTable | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  const months = t('months', { returnObjects: true }) as string[];
  const printFrame = useRef<HTMLIFrameElement>(null);
  const [printHtml, setPrintHtml] = useState<string | null>(null);

  // Prints the engine's A4 statistics document (same letterhead as the berita acara) from a
  // hidden frame; without it, the page itself prints with the app frame hidden by print CSS.
  const print = async () => {
    try {
      const html = await reportApi.monthlyHtml(year);
      if (html === printHtml) printFrame.current?.contentWindow?.print();
      else setPrintHtml(html);
    } catch {
      window.print();
    }
  };

  useEffect(() => {
    let live = true;
    setError(null);
    reportApi
      .monthly(year)
      .then((v) => live && setTable(v))
      .catch((e: Error) => live && (setError(e.message), setTable(null)));
    return () => {
      live = false;
    };
  }, [year]);

  const exportBook = async () => {
    setBusy(true);
    setMsg(null);
    try {
      const saved = await reportApi.exportMonthly(year);
      setMsg(saved ? { kind: 'ok', text: t('export.saved', { path: saved.path }) } : { kind: 'info', text: t('export.cancelled') });
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(false);
    }
  };

  return (
    <div className="lap-monthly">
      <div className="row-actions lap-toolbar no-print">
        <label className="field lap-year">
          {t('monthly.year')}
          <select value={year} onChange={(e) => setYear(Number(e.target.value))}>
            {YEARS.map((y) => (
              <option key={y} value={y}>{y}</option>
            ))}
          </select>
        </label>
        <div className="row-actions">
          <button className="btn" onClick={() => void exportBook()} disabled={busy || !table}>{t('monthly.export')}</button>
          <button className="btn ghost" onClick={() => void print()} disabled={!table}>{t('monthly.print')}</button>
        </div>
      </div>
      {printHtml && (
        <iframe
          ref={printFrame}
          className="lap-print-frame"
          title={t('monthly.print')}
          sandbox="allow-same-origin allow-modals"
          srcDoc={printHtml}
          onLoad={() => printFrame.current?.contentWindow?.print()}
        />
      )}
      {msg && <div className={`alert ${msg.kind} lap-saved no-print`} role={msg.kind === 'error' ? 'alert' : 'status'}>{msg.text}</div>}
      {error && <div className="alert error" role="alert">{error}</div>}
      {table && (
        <>
          <div className="cards">
            <div className="card"><div className="k">{t('monthly.cards.total')}</div><div className="v">{table.total.toLocaleString('id-ID')}</div></div>
            <div className="card"><div className="k">{t('monthly.cards.batches')}</div><div className="v">{table.batches.toLocaleString('id-ID')}</div></div>
            <div className="card"><div className="k">{t('monthly.cards.agencies')}</div><div className="v">{table.rows.length}</div></div>
          </div>
          <MonthlyTableView table={table} months={months} />
          <div className="lap-chart-row">
            <div className="panel">
              <h2>{t('monthly.chartTitle')} {table.year}</h2>
              <MonthlyChart values={table.monthTotals} labels={months} title={`${t('monthly.chartTitle')} ${table.year}`} />
            </div>
            <div className="panel">
              <h2>{t('monthly.statusTitle')}</h2>
              <table className="data lap-status">
                <tbody>
                  {STATUSES.map((s) => (
                    <tr key={s}>
                      <td><span className={`badge ${s}`}>{t(`status.${s}`, { ns: 'common' })}</span></td>
                      <td className="num">{(table.status[s] ?? 0).toLocaleString('id-ID')}</td>
                      <td className="num muted">{table.total ? `${(((table.status[s] ?? 0) / table.total) * 100).toFixed(1)}%` : ''}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </div>
          <p className="muted small-print">{t('monthly.note')}</p>
        </>
      )}
    </div>
  );
}
