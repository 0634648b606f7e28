import { useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo } from '../../../../shared/api/agencies.ts';
import { ELEMENTS, type Element } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';

export type AgencyDraft = Omit<AgencyInfo, 'id' | 'batches'> & { id?: number };

export const NEW_AGENCY: AgencyDraft = { name: '', code: '', contact: '', allowedElements: [], retentionDays: 90 };

/** One agency: name, code, contact, elements the PKS lets go back, retention. */
export function AgencyEditor({ draft, onDone, onCancel }: { draft: AgencyDraft; onDone: () => void; onCancel: () => void }) {
  const { t } = useTranslation('pengaturan');
  const { t: tc } = useTranslation();
  const [a, setA] = useState<AgencyDraft>(draft);
  const [error, setError] = useState<string | null>(null);
  const toggle = (e: Element) =>
    setA({ ...a, allowedElements: a.allowedElements.includes(e) ? a.allowedElements.filter((x) => x !== e) : [...a.allowedElements, e] });
  const save = async (ev: FormEvent) => {
    ev.preventDefault();
    try {
      await unwrap(padan.agencies.save({
        ...(a.id ? { id: a.id } : {}), name: a.name, code: a.code, contact: a.contact || null,
        allowedElements: a.allowedElements, retentionDays: a.retentionDays,
      }));
      onDone();
    } catch (e) {
      setError((e as Error).message);
    }
  };
  return (
    <form className="agency-editor" onSubmit={save}>
      <h3>{a.id ? t('agencies.editTitle', { name: draft.name }) : t('agencies.newTitle')}</h3>
      <div className="form-grid agency-grid">
        <label className="field">{t('agencies.name')}<input value={a.name} onChange={(e) => setA({ ...a, name: e.target.value })} required minLength={2} autoFocus /></label>
        <label className="field">{t('agencies.code')}<input className="mono" value={a.code} onChange={(e) => setA({ ...a, code: e.target.value.toUpperCase() })} required pattern="[A-Za-z0-9_\-]{2,20}" /></label>
        <label className="field">{t('agencies.contact')}<input value={a.contact ?? ''} onChange={(e) => setA({ ...a, contact: e.target.value })} /></label>
        <label className="field">{t('agencies.retention')}<input type="number" min={1} max={3650} value={a.retentionDays} onChange={(e) => setA({ ...a, retentionDays: Number(e.target.value) })} required /></label>
      </div>
      <fieldset className="element-checks">
        <legend>{t('agencies.allowed')}</legend>
        {ELEMENTS.map((e) => (
          <label key={e} className="check"><input type="checkbox" checked={a.allowedElements.includes(e)} onChange={() => toggle(e)} /> {tc(`element.${e}`)}</label>
        ))}
      </fieldset>
      {error && <div className="alert error">{error}</div>}
      <div className="row-actions">
        <button type="submit" className="btn">{t('agencies.save')}</button>
        <button type="button" className="btn ghost" onClick={onCancel}>{tc('cancel')}</button>
      </div>
    </form>
  );
}
