import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Element } from '../../../../shared/domain.ts';
import { ROW_FLAG, type Decision } from '../../../../shared/api/rows.ts';
import type { GridRow } from './model.ts';

/** Rows of the filtered set that a bulk decision would actually change (the engine skips the rest too). */
export function applicable(rows: readonly GridRow[], d: Decision): number[] {
  const out: number[] = [];
  for (const r of rows) {
    const ok =
      d.kind === 'MARK_REVIEWED' ? !(r.flags & ROW_FLAG.REVIEWED)
      : d.kind === 'UNREPAIRABLE' ? r.status === 'INVALID' && !(r.flags & ROW_FLAG.UNREPAIRABLE)
      : d.kind === 'ELEMENT_CHOICE' ? r.results[d.element] !== undefined && r.results[d.element] !== 'KOSONG' && r.choices[d.element] !== d.choice
      : false;
    if (ok) out.push(r.seq);
  }
  return out;
}

export function BulkBar({ shown, elements, onAsk }: { shown: number; elements: Element[]; onAsk: (d: Decision) => void }) {
  const { t } = useTranslation('koreksi');
  const [el, setEl] = useState<string>('');
  return (
    <div className="kx-bulk" data-testid="bulk">
      <span className="muted">{t('bulk.title', { count: shown })}</span>
      <button className="btn ghost small" onClick={() => onAsk({ kind: 'MARK_REVIEWED' })} data-testid="bulk-reviewed">{t('bulk.reviewed')}</button>
      <button className="btn ghost small" onClick={() => onAsk({ kind: 'UNREPAIRABLE' })} data-testid="bulk-unrepairable">{t('bulk.unrepairable')}</button>
      <select className="kx-select" value={el} aria-label={t('bulk.choice')}
        onChange={(e) => {
          const v = e.target.value as Element;
          setEl('');
          if (v) onAsk({ kind: 'ELEMENT_CHOICE', element: v, choice: 'AGENCY' });
        }}>
        <option value="">{t('bulk.choice')}</option>
        {elements.map((x) => <option key={x} value={x}>{t(`common:element.${x}`)}</option>)}
      </select>
    </div>
  );
}
