import { useTranslation } from 'react-i18next';
import type { Facet, Selection } from './model.ts';

export interface FacetPanelProps {
  facets: Facet[];
  counts: Record<string, Map<string, number>>;
  selection: Selection;
  onToggle: (facet: string, value: string) => void;
  onClear: () => void;
}

/** OpenRefine-style facets: click a value to filter; counts follow the other facets' filters. */
export function FacetPanel({ facets, counts, selection, onToggle, onClear }: FacetPanelProps) {
  const { t } = useTranslation('koreksi');
  const any = Object.values(selection).some((v) => v.length > 0);
  const titleOf = (f: Facet) => (f.titleArgs ? t(f.title, { name: t(`common:element.${f.titleArgs.el}`) }) : t(f.title));
  const labelOf = (f: Facet, v: string) => t(`${f.labels}${v}`, { defaultValue: t(`koreksi:facets.values.${v}`, { defaultValue: v }) });
  // A link from the batch page may choose a facet far down the list: what filters the grid
  // is repeated at the top, each removable on its own.
  const active = facets.flatMap((f) => (selection[f.key] ?? []).map((v) => ({ f, v })));
  return (
    <aside className="kx-facets" aria-label={t('facets.title')}>
      <div className="kx-facets-head">
        <strong>{t('facets.title')}</strong>
        {any && <button className="btn ghost small" onClick={onClear}>{t('facets.clear')}</button>}
      </div>
      {active.length > 0 && (
        <ul className="kx-active" aria-label={t('facets.active')}>
          {active.map(({ f, v }) => (
            <li key={`${f.key}=${v}`}>
              <button className="kx-chip" onClick={() => onToggle(f.key, v)} title={t('facets.remove')} data-facet-chip={f.key}>
                <span className="kx-chip-k">{titleOf(f)}:</span> {labelOf(f, v)} <span aria-hidden="true">✕</span>
              </button>
            </li>
          ))}
        </ul>
      )}
      {facets.map((f) => {
        const m = counts[f.key] ?? new Map<string, number>();
        const values = [...f.order.filter((v) => m.has(v) || selection[f.key]?.includes(v)), ...[...m.keys()].filter((v) => !f.order.includes(v))];
        if (values.length === 0) return null;
        const title = titleOf(f);
        return (
          <section key={f.key} className="kx-facet" data-facet={f.key}>
            <h3>{title}</h3>
            <ul>
              {values.map((v) => {
                const on = selection[f.key]?.includes(v) ?? false;
                return (
                  <li key={v}>
                    <button className={'kx-fv' + (on ? ' on' : '')} aria-pressed={on} onClick={() => onToggle(f.key, v)} data-value={v}>
                      <span className={`kx-dot ${v}`} />
                      <span className="kx-fl">{labelOf(f, v)}</span>
                      <span className="kx-fc">{(m.get(v) ?? 0).toLocaleString('id-ID')}</span>
                    </button>
                  </li>
                );
              })}
            </ul>
          </section>
        );
      })}
    </aside>
  );
}
