import { useCallback, useEffect, useMemo, useRef } from 'react';
import { AgGridReact } from 'ag-grid-react';
import type { GridApi, IRowNode, RowClickedEvent, CellFocusedEvent } from 'ag-grid-community';
import { useTranslation } from 'react-i18next';
import type { Element } from '../../../../shared/domain.ts';
import { reviewTheme } from './grid-setup.ts';
import { buildColumns } from './columns.ts';
import { passes, type Facet, type GridRow, type Selection } from './model.ts';

export interface ReviewGridProps {
  rows: GridRow[];
  elements: Element[];
  facets: Facet[];
  selection: Selection;
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
  onReady: (api: GridApi<GridRow>) => void;
  onDisplayedChange: (count: number) => void;
  onFirstRender?: () => void;
}

const rowId = (p: { data: GridRow }): string => String(p.data.seq);

export function ReviewGrid({ rows, elements, facets, selection, selectedSeq, onSelect, onReady, onDisplayedChange, onFirstRender }: ReviewGridProps) {
  const { t, i18n } = useTranslation('koreksi');
  const api = useRef<GridApi<GridRow> | null>(null);
  // The external filter reads the latest facets through refs: the grid keeps its callbacks.
  const filter = useRef({ facets, selection });
  filter.current = { facets, selection };
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const columnDefs = useMemo(() => buildColumns(elements, t), [elements, t, i18n.language]);

  useEffect(() => {
    const a = api.current;
    if (!a) return;
    a.onFilterChanged();
    onDisplayedChange(a.getDisplayedRowCount());
  }, [selection, onDisplayedChange]);

  useEffect(() => {
    const a = api.current;
    if (!a || selectedSeq === null) return;
    const node = a.getRowNode(String(selectedSeq));
    if (node && !node.isSelected()) {
      node.setSelected(true, true);
      if (node.rowIndex !== null) a.ensureIndexVisible(node.rowIndex);
    }
  }, [selectedSeq]);

  const isExternalFilterPresent = useCallback(() => Object.values(filter.current.selection).some((v) => v.length > 0), []);
  const doesExternalFilterPass = useCallback(
    (node: IRowNode<GridRow>) => !!node.data && passes(node.data, filter.current.facets, filter.current.selection),
    [],
  );

  return (
    <div className="kx-grid" data-testid="review-grid">
      <AgGridReact<GridRow>
        theme={reviewTheme}
        rowData={rows}
        columnDefs={columnDefs}
        getRowId={rowId}
        rowSelection={{ mode: 'singleRow', checkboxes: false, enableClickSelection: true }}
        isExternalFilterPresent={isExternalFilterPresent}
        doesExternalFilterPass={doesExternalFilterPass}
        rowBuffer={12}
        suppressColumnVirtualisation={false}
        animateRows={false}
        onGridReady={(e) => {
          api.current = e.api;
          onReady(e.api);
          onDisplayedChange(e.api.getDisplayedRowCount());
        }}
        onFirstDataRendered={() => onFirstRender?.()}
        onModelUpdated={(e) => onDisplayedChange(e.api.getDisplayedRowCount())}
        onRowClicked={(e: RowClickedEvent<GridRow>) => e.data && onSelect(e.data.seq)}
        onCellFocused={(e: CellFocusedEvent<GridRow>) => {
          if (e.rowIndex === null || e.rowPinned) return;
          const node = e.api.getDisplayedRowAtIndex(e.rowIndex);
          if (node?.data && node.data.seq !== selectedSeq) onSelect(node.data.seq);
        }}
      />
    </div>
  );
}
