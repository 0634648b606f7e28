import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useActionLabel } from './useActionLabel.ts';

export interface AuditFilterValues {
  operator: string;
  action: string;
  batchId: string;
  from: string;
  to: string;
}

export const EMPTY_FILTER: AuditFilterValues = { operator: '', action: '', batchId: '', from: '', to: '' };

/** Form values to the API's filter: empty fields are left out. */
export function toApiFilter(f: AuditFilterValues) {
  const batch = Number(f.batchId);
  return {
    ...(f.operator.trim() ? { operator: f.operator.trim() } : {}),
    ...(f.action ? { action: f.action } : {}),
    ...(Number.isInteger(batch) && batch > 0 ? { batchId: batch } : {}),
    ...(f.from ? { from: f.from } : {}),
    ...(f.to ? { to: f.to } : {}),
  };
}

interface Props {
  actions: string[];
  value: AuditFilterValues;
  /** Operators only see their own entries: the operator field is then fixed. */
  operatorFixed: string | null;
  onApply: (f: AuditFilterValues) => void;
}

export function AuditFilters({ actions, value, operatorFixed, onApply }: Props) {
  const { t } = useTranslation('audit');
  const label = useActionLabel();
  const [draft, setDraft] = useState(value);
  const set = (k: keyof AuditFilterValues) => (e: { target: { value: string } }) => setDraft({ ...draft, [k]: e.target.value });
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(draft);
  };
  return (
    <form className="panel audit-filters" onSubmit={submit} aria-label={t('filters.title')}>
      <div className="form-grid">
        <label className="field">
          {t('filters.operator')}
          <input value={operatorFixed ?? draft.operator} onChange={set('operator')} disabled={operatorFixed !== null} placeholder={t('filters.operatorPlaceholder')} />
        </label>
        <label className="field">
          {t('filters.action')}
          <select value={draft.action} onChange={set('action')}>
            <option value="">{t('filters.anyAction')}</option>
            {actions.map((a) => (
              <option key={a} value={a}>
                {label(a)}
              </option>
            ))}
          </select>
        </label>
        <label className="field">
          {t('filters.batch')}
          <input type="number" min={1} value={draft.batchId} onChange={set('batchId')} />
        </label>
        <label className="field">
          {t('filters.from')}
          <input type="date" value={draft.from} onChange={set('from')} />
        </label>
        <label className="field">
          {t('filters.to')}
          <input type="date" value={draft.to} onChange={set('to')} />
        </label>
      </div>
      <div className="row-actions audit-filter-actions">
        <button type="submit" className="btn small">{t('filters.apply')}</button>
        <button
          type="button"
          className="btn ghost small"
          onClick={() => {
            setDraft(EMPTY_FILTER);
            onApply(EMPTY_FILTER);
          }}
        >
          {t('filters.reset')}
        </button>
      </div>
    </form>
  );
}
