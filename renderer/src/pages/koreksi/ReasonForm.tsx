import { useEffect, useRef, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { REASON_CODES, type Decision, type ReasonCode } from '../../../../shared/api/rows.ts';

export interface PendingDecision {
  seqs: number[];
  decision: Decision;
  /** What the form says it is about to do, already translated. */
  label: string;
  /** Bulk: the confirmation text saying how many rows it touches. */
  confirm?: string;
}

const LAST = 'padan.koreksi.lastReason';

/** Compact inline form: every decision needs a reason (short list + free text). */
export function ReasonForm({ pending, busy, onSubmit, onCancel }: {
  pending: PendingDecision;
  busy: boolean;
  onSubmit: (code: ReasonCode, text: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('koreksi');
  const saved = localStorage.getItem(LAST) as ReasonCode | null;
  const [code, setCode] = useState<ReasonCode>(saved && REASON_CODES.includes(saved) ? saved : 'SALAH_KETIK');
  const [text, setText] = useState('');
  const first = useRef<HTMLSelectElement>(null);
  useEffect(() => first.current?.focus(), [pending]);
  const needText = code === 'LAINNYA' && !text.trim();

  const submit = (e?: FormEvent) => {
    e?.preventDefault();
    if (needText || busy) return;
    localStorage.setItem(LAST, code);
    onSubmit(code, text.trim());
  };

  return (
    <form
      className="kx-reason"
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onCancel();
        }
        if (e.key === 'Enter' && e.target instanceof HTMLSelectElement) {
          e.preventDefault();
          submit();
        }
      }}
      data-testid="reason-form"
    >
      <div className="kx-reason-title">{t('reasonForm.title', { action: pending.label })}</div>
      {pending.confirm && <div className="alert warn kx-confirm">{pending.confirm}</div>}
      <div className="kx-reason-row">
        <label className="field">
          {t('reasonForm.code')}
          <select ref={first} value={code} onChange={(e) => setCode(e.target.value as ReasonCode)} name="reasonCode">
            {REASON_CODES.map((c) => <option key={c} value={c}>{t(`reasons.${c}`)}</option>)}
          </select>
        </label>
        <label className="field kx-grow">
          {code === 'LAINNYA' ? t('reasonForm.textRequired') : t('reasonForm.text')}
          <input value={text} onChange={(e) => setText(e.target.value)} maxLength={500} name="reasonText" />
        </label>
      </div>
      <div className="row-actions">
        <button className="btn small" type="submit" disabled={needText || busy}>{busy ? t('reasonForm.saving') : t('reasonForm.submit')}</button>
        <button className="btn ghost small" type="button" onClick={onCancel}>{t('common:cancel')} (Esc)</button>
      </div>
    </form>
  );
}
