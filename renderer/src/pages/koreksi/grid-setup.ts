// AG Grid Community with only the modules the review grid uses, and our palette through the
// Theming API (no legacy CSS files; the CSP allows the inline styles the theme injects).
import {
  CellStyleModule, ClientSideRowModelApiModule, ClientSideRowModelModule, ExternalFilterModule, ModuleRegistry, RowApiModule,
  RowSelectionModule, RowStyleModule, ScrollApiModule, TooltipModule, ValidationModule, themeQuartz, type Module,
} from 'ag-grid-community';

// Sorting, pinning, resizing and function cell renderers are part of the core in v36.
const modules: Module[] = [
  ClientSideRowModelModule, ClientSideRowModelApiModule, ExternalFilterModule, RowSelectionModule, CellStyleModule, RowStyleModule,
  ScrollApiModule, RowApiModule, TooltipModule,
];
// Validation explains a missing module in the console while developing; not shipped.
if ((import.meta as { env?: { DEV?: boolean } }).env?.DEV) modules.push(ValidationModule);
ModuleRegistry.registerModules(modules);

export const reviewTheme = themeQuartz.withParams({
  accentColor: '#16325c',
  foregroundColor: '#1d2533',
  backgroundColor: '#ffffff',
  headerBackgroundColor: '#eceff3',
  headerTextColor: '#16325c',
  headerFontWeight: 600,
  borderColor: '#d8dee9',
  rowHoverColor: '#f3f6fb',
  selectedRowBackgroundColor: '#fdf3dc',
  oddRowBackgroundColor: '#fbfcfe',
  fontFamily: "'Segoe UI', 'Noto Sans', 'DejaVu Sans', Arial, sans-serif",
  fontSize: 13,
  headerFontSize: 12,
  rowHeight: 30,
  headerHeight: 32,
  spacing: 5,
  wrapperBorderRadius: 8,
  rangeSelectionBorderColor: '#e0a526',
  focusShadow: { radius: 2, spread: 0, color: '#e0a526' },
});
