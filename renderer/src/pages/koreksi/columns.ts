// Column definitions of the review grid. Cells are drawn by small DOM renderers (no React per
// cell) so scrolling 100,000 rows stays smooth; text goes in via textContent, never as HTML.
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
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

export function buildColumns(elements: readonly Element[], t: TFunction): ColDef<GridRow>[] {
  const cols: ColDef<GridRow>[] = [
    {
      colId: 'rowNo', headerName: t('koreksi:col.rowNo'), field: 'rowNo', width: 78, pinned: 'left', sortable: true,
      cellClass: (p) => (p.data && needsReview(p.data) ? 'kx-rowno needs' : 'kx-rowno'),
    },
    {
      colId: 'nikInput', headerName: t('koreksi:col.nikInput'), field: 'nikInput', width: 168, pinned: 'left', cellClass: 'kx-mono',
      cellRenderer: (p: ICellRendererParams<GridRow>) => {
        const d = p.data;
        if (!d) return '';
        const wrap = el('span', 'kx-nik', d.nikInput ?? '—');
        if (d.matchedNik) wrap.append(el('span', 'kx-fixed', `→ ${d.matchedNik}`));
        if (d.flags & ROW_FLAG.DUPLICATE) wrap.append(el('span', 'kx-tag', '2×'));
        if (d.flags & ROW_FLAG.CROSS_BATCH) wrap.append(el('span', 'kx-tag xb', 'X'));
        return wrap;
      },
    },
    {
      colId: 'status', headerName: t('koreksi:col.status'), field: 'status', width: 112, sortable: true,
      cellRenderer: (p: ICellRendererParams<GridRow>) => (p.data ? el('span', `badge ${p.data.status}`, t(`common:status.${p.data.status}`)) : ''),
    },
    {
      colId: 'reason', headerName: t('koreksi:col.reason'), width: 150, sortable: true, valueGetter: (p) => p.data?.reason ?? '',
      cellRenderer: (p: ICellRendererParams<GridRow>) => {
        const d = p.data;
        if (!d) return '';
        if (d.flags & ROW_FLAG.UNREPAIRABLE) return el('span', 'badge MENINGGAL', t('koreksi:facets.values.UNREPAIRABLE'));
        return d.reason ? el('span', 'badge warn', t(`common:reason.${d.reason}`, { defaultValue: d.reason })) : '';
      },
    },
  ];
  for (const e of elements) {
    cols.push({
      colId: `el:${e}`, headerName: t(`common:element.${e}`), width: e === 'NAMA' || e === 'ALAMAT' ? 190 : e === 'NO_KK' ? 150 : 118, sortable: true,
      valueGetter: (p) => p.data?.values[e] ?? '',
      headerTooltip: t(`common:element.${e}`),
      cellClass: (p) => `kx-el ${p.data?.results[e] ?? 'NONE'}`,
      cellRenderer: (p: ICellRendererParams<GridRow>) => {
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
      },
    });
  }
  return cols;
}
