// Column definitions of the review grid. Cells are drawn by small DOM renderers (no React per
// cell) so scrolling 100,000 rows stays smooth; text goes in via textContent, never as HTML.
import type { ColDef, ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { TFunction } from 'i18next';
import type { Element } from '../../../../shared/domain.ts';
import { ROW_FLAG } from '../../../../shared/api/rows.ts';
import { needsReview, type GridRow } from './model.ts';

function el(tag: string, cls: string, text: string): HTMLElement {
  const e = document.createElement(tag);
  e.className = cls;
  e.textContent = text;
  return e;
}

const SEX: Record<string, string> = { '1': 'L', '2': 'P' };

type Render = (p: ICellRendererParams<GridRow>) => HTMLElement | string;

/**
 * A plain DOM cell: ag-grid-react would treat a bare function as a React component, and a
 * React root per cell is what makes 100,000-row grids stutter.
 */
class DomCell implements ICellRendererComp<GridRow> {
  private gui: HTMLElement = document.createElement('span');
  init(p: ICellRendererParams<GridRow> & { render: Render }): void {
    this.draw(p);
  }
  getGui(): HTMLElement {
    return this.gui;
  }
  refresh(p: ICellRendererParams<GridRow> & { render: Render }): boolean {
    this.gui.replaceChildren();
    this.draw(p);
    return true;
  }
  private draw(p: ICellRendererParams<GridRow> & { render: Render }): void {
    const out = p.render(p);
    this.gui.className = 'kx-cell';
    if (typeof out === 'string') this.gui.textContent = out;
    else this.gui.append(out);
  }
}

const dom = (render: Render): Pick<ColDef<GridRow>, 'cellRenderer' | 'cellRendererParams'> => ({ cellRenderer: DomCell, cellRendererParams: { render } });

export function buildColumns(elements: readonly Element[], t: TFunction): ColDef<GridRow>[] {
  const cols: ColDef<GridRow>[] = [
    {
      colId: 'rowNo', headerName: t('koreksi:col.rowNo'), field: 'rowNo', width: 62, pinned: 'left', sortable: true,
      cellClass: (p) => (p.data && needsReview(p.data) ? 'kx-rowno needs' : 'kx-rowno'),
    },
    {
      colId: 'nikInput', headerName: t('koreksi:col.nikInput'), field: 'nikInput', width: 142, pinned: 'left', cellClass: 'kx-mono',
      ...dom((p) => {
        const d = p.data;
        if (!d) return '';
        const wrap = el('span', 'kx-nik', d.nikInput ?? '—');
        if (d.matchedNik) wrap.append(el('span', 'kx-fixed', `→ ${d.matchedNik}`));
        if (d.flags & ROW_FLAG.DUPLICATE) wrap.append(el('span', 'kx-tag', '2×'));
        if (d.flags & ROW_FLAG.CROSS_BATCH) wrap.append(el('span', 'kx-tag xb', 'X'));
        return wrap;
      }),
    },
    {
      // Status and reason share one column: the grid must leave room for the element columns at 1366 px.
      colId: 'status', headerName: `${t('koreksi:col.status')} · ${t('koreksi:col.reason')}`, field: 'status', width: 214, sortable: true,
      ...dom((p) => {
        const d = p.data;
        if (!d) return '';
        const wrap = el('span', 'kx-status', '');
        wrap.append(el('span', `badge ${d.status}`, t(`common:status.${d.status}`)));
        if (d.flags & ROW_FLAG.UNREPAIRABLE) wrap.append(el('span', 'kx-reason-txt', t('koreksi:facets.values.UNREPAIRABLE')));
        else if (d.reason) wrap.append(el('span', 'kx-reason-txt', t(`common:reason.${d.reason}`, { defaultValue: d.reason })));
        return wrap;
      }),
    },
  ];
  for (const e of elements) {
    cols.push({
      colId: `el:${e}`, headerName: t(`common:element.${e}`), width: e === 'NAMA' ? 156 : e === 'ALAMAT' ? 160 : e === 'NO_KK' ? 140 : e === 'JENIS_KELAMIN' || e === 'RT' || e === 'RW' ? 58 : 102, sortable: true,
      valueGetter: (p) => p.data?.values[e] ?? '',
      headerTooltip: t(`common:element.${e}`),
      cellClass: (p) => `kx-el ${p.data?.results[e] ?? 'NONE'}`,
      ...dom((p) => {
        const d = p.data;
        if (!d) return '';
        const v = d.values[e];
        const wrap = el('span', 'kx-elwrap', '');
        wrap.append(el('span', 'kx-val', e === 'JENIS_KELAMIN' && v ? (SEX[v] ?? v) : (v ?? '')));
        const r = d.results[e];
        if (r === 'MIRIP' || r === 'TIDAK_SESUAI') wrap.append(el('span', `kx-mark ${r}`, t(`koreksi:mark.${r}`)));
        const c = d.choices[e];
        if (c) wrap.append(el('span', 'kx-choice', `→${t(`koreksi:choice.${c}`)}`));
        return wrap;
      }),
    });
  }
  return cols;
}
