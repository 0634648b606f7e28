import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditIntegrityInfo } from '../../../../shared/api/audit.ts';
import { padan, unwrap } from '../../api.ts';

const HEX = /^[0-9a-f]{12,64}$/i;

/**
 * "Cocokkan jangkar dari berita acara": the entry number and hash printed on a signed report,
 * typed back in. The chain alone cannot show a cut tail; the paper can. Checked here first
 * so a typo gets a message about the form, not about the engine call.
 */
export function AnchorCheck() {
  const { t } = useTranslation('audit');
  const ids = useId();
  const [entry, setEntry] = useState('');
  const [hash, setHash] = useState('');
  const [invalid, setInvalid] = useState<'entry' | 'hash' | null>(null);
  const [busy, setBusy] = useState(false);
  const [result, setResult] = useState<AuditIntegrityInfo | null>(null);
  const [error, setError] = useState<string | null>(null);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setResult(null);
    setError(null);
    // Read as printed: "#123" and a hash with spaces from copying off paper are fine.
    const id = Number(entry.trim().replace(/^#/, ''));
    const prefix = hash.replace(/\s+/g, '');
    if (!Number.isInteger(id) || id < 1) return setInvalid('entry');
    if (!HEX.test(prefix)) return setInvalid('hash');
    setInvalid(null);
    setBusy(true);
    try {
      setResult(await unwrap(padan.audit.verify({ anchorId: id, anchorHash: prefix })));
    } catch (err) {
      setError((err as Error).message);
    } finally {
      setBusy(false);
    }
  };

  const anchor = result?.anchor;
  return (
    <form className="panel audit-anchor" onSubmit={submit} aria-labelledby={`${ids}-title`} noValidate>
      <div className="audit-anchor-row">
        <div className="audit-anchor-text">
          <h2 id={`${ids}-title`}>{t('anchor.title')}</h2>
          <p className="muted small-print">{t('anchor.intro')}</p>
        </div>
        <label className="field audit-anchor-entry">
          {t('anchor.entry')}
          <input
            value={entry}
            onChange={(e) => setEntry(e.target.value)}
            inputMode="numeric"
            autoComplete="off"
            placeholder="123"
            aria-invalid={invalid === 'entry'}
            aria-describedby={invalid === 'entry' ? `${ids}-err` : undefined}
          />
        </label>
        <label className="field audit-anchor-hash">
          {t('anchor.hash')}
          <input
            className="mono"
            value={hash}
            onChange={(e) => setHash(e.target.value)}
            maxLength={80}
            spellCheck={false}
            autoComplete="off"
            placeholder="0123456789abcdef"
            aria-invalid={invalid === 'hash'}
            aria-describedby={invalid === 'hash' ? `${ids}-err` : undefined}
          />
        </label>
        <button type="submit" className="btn" disabled={busy}>
          {busy ? t('anchor.running') : t('anchor.run')}
        </button>
      </div>
      {invalid && (
        <div className="alert error" role="alert" id={`${ids}-err`}>
          {invalid === 'entry' ? t('anchor.badEntry') : t('anchor.badHash')}
        </div>
      )}
      {error && <div className="alert error" role="alert">{error}</div>}
      {anchor && anchor.ok && (
        <div className="alert ok" role="status" data-testid="anchor-result">
          <strong>{t('anchor.ok', { id: anchor.id })}</strong>
          <div className="small-print">{t('anchor.okScope', { id: anchor.id, head: result.headId })}</div>
        </div>
      )}
      {anchor && !anchor.ok && (
        <div className="alert error" role="alert" data-testid="anchor-result">
          <strong>{t('anchor.failed', { id: anchor.id })}</strong>
          <div>{anchor.problem}</div>
          <div className="small-print">{t('verify.brokenHint')}</div>
        </div>
      )}
    </form>
  );
}
