import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { reportApi } from './reportApi.ts';

/**
 * Berita acara preview. The HTML comes from the engine (the same builder the PDF uses) and is
 * shown in a sandboxed srcdoc iframe: no scripts may run in it (our CSP forbids them and the
 * report has none); allow-same-origin only lets "Cetak" call print() on the frame's window,
 * and allow-modals lets that print dialog open.
 */
export function BatchReportPreview({ batchId }: { batchId: number | null }) {
  const { t } = useTranslation('laporan');
  const frame = useRef<HTMLIFrameElement>(null);
  const [includeInvalid, setIncludeInvalid] = useState(false);
  const [html, setHtml] = useState<string | null>(null);
  const [busy, setBusy] = useState<'html' | 'pdf' | null>(null);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error' | 'info'; text: string } | null>(null);

  // A different batch or option invalidates the preview; the HTML call is audited, so it is
  // only fetched when the user asks for it.
  useEffect(() => {
    setHtml(null);
    setMsg(null);
  }, [batchId, includeInvalid]);

  const preview = async () => {
    if (!batchId) return;
    setBusy('html');
    setMsg(null);
    try {
      setHtml(await reportApi.batchHtml(batchId, includeInvalid));
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };
  const pdf = async () => {
    if (!batchId) return;
    setBusy('pdf');
    setMsg(null);
    try {
      const saved = await reportApi.batchPdf(batchId, includeInvalid);
      setMsg(saved ? { kind: 'ok', text: t('export.saved', { path: saved.path }) } : { kind: 'info', text: t('export.cancelled') });
    } catch (e) {
      setMsg({ kind: 'error', text: (e as Error).message });
    } finally {
      setBusy(null);
    }
  };

  return (
    <div className="panel lap-report">
      <div className="lap-report-head">
        <h2>{t('report.title')}</h2>
        <label className="lap-check">
          <input type="checkbox" checked={includeInvalid} onChange={(e) => setIncludeInvalid(e.target.checked)} />
          {t('report.includeInvalid')}
        </label>
      </div>
      <div className="row-actions">
        <button className="btn secondary" onClick={() => void preview()} disabled={!batchId || busy !== null}>
          {busy === 'html' ? t('report.loading') : html ? t('report.refresh') : t('report.preview')}
        </button>
        <button className="btn" onClick={() => void pdf()} disabled={!batchId || busy !== null}>
          {t('report.pdf')}
        </button>
        <button className="btn ghost" onClick={() => frame.current?.contentWindow?.print()} disabled={!html}>
          {t('report.print')}
        </button>
      </div>
      {msg && (
        <div className={`alert ${msg.kind} lap-saved`} role={msg.kind === 'error' ? 'alert' : 'status'}>
          {msg.text}
        </div>
      )}
      {html ? (
        <iframe ref={frame} className="lap-frame" title={t('report.frameTitle')} sandbox="allow-same-origin allow-modals" srcDoc={html} />
      ) : (
        <div className="lap-frame-empty">{busy === 'html' ? t('report.loading') : t('report.empty')}</div>
      )}
    </div>
  );
}
