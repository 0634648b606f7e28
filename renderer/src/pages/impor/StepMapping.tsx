import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/batch.ts';
import { FIELDS, type Field } from '../../../../shared/domain.ts';
import { fmtNumber } from '../beranda/format.ts';
import { mapOf, type FieldMap } from './useImportWizard.ts';

function confidenceClass(c: number): string {
  return c >= 0.9 ? 'ok' : c >= 0.6 ? 'warn' : 'bad';
}

/**
 * The sheet as read: title rows greyed, the header row with a field choice per column,
 * then the first data rows. A changed choice or header row asks the engine again; a header
 * row typed but not applied is reported (onPending) so the wizard does not go on without it.
 */
export function StepMapping({ preview, onRemap, onPending }: {
  preview: ImportPreview; onRemap: (o: { headerRow?: number; map?: FieldMap }) => void; onPending: (pending: boolean) => void;
}) {
  const { t } = useTranslation('impor');
  const { t: tc } = useTranslation();
  const [headerRow, setHeaderRow] = useState(String(preview.headerRow));
  useEffect(() => setHeaderRow(String(preview.headerRow)), [preview.headerRow]);
  const wanted = Number(headerRow);
  const usable = Number.isInteger(wanted) && wanted >= 1;
  const pending = headerRow !== String(preview.headerRow);
  useEffect(() => {
    onPending(pending);
    return () => onPending(false);
  }, [pending, onPending]);
  const apply = () => { if (usable && pending) onRemap({ headerRow: wanted }); };
  const label = (f: Field) => (f === 'NIK' || f === 'TTL' ? t(`fields.${f}`) : tc(`element.${f}`));
  const choose = (column: number, value: string) => {
    const map = mapOf(preview);
    for (const [f, c] of Object.entries(map)) if (c === column) delete map[f as Field];
    if (value) map[value as Field] = column;
    onRemap({ headerRow: preview.headerRow, map });
  };
  const cols = preview.columns;
  return (
    <div className="mapping">
      <div className="mapping-bar">
        <label className="field inline">{t('mapping.headerRow')}
          {/* Enter applies the row here; it must not submit the wizard's form (next step). */}
          <input type="number" min={1} value={headerRow} aria-describedby={pending ? 'header-pending' : undefined}
            onChange={(e) => setHeaderRow(e.target.value)}
            onKeyDown={(e) => { if (e.key === 'Enter') { e.preventDefault(); apply(); } }} />
        </label>
        <button type="button" className="btn ghost small" disabled={!usable || !pending} onClick={apply}>{t('mapping.apply')}</button>
        <button type="button" className="btn ghost small" onClick={() => onRemap({})}>{t('mapping.redetect')}</button>
        {pending
          ? <span id="header-pending" className="warn-text small-print">{t('mapping.pending')}</span>
          : <span className="muted small-print">{t('mapping.shown', { count: preview.rows.length, total: fmtNumber(preview.validation.rows) })}</span>}
      </div>
      {!preview.headerDetected && <div className="alert warn" role="status">{t('mapping.headerGuessed', { row: preview.headerRow })}</div>}
      {!cols.some((c) => c.field === 'NIK') && <div className="alert error" role="status">{t('mapping.noNik')}</div>}
      <div className="sheet-scroll">
        <table className="sheet-table">
          <thead>
            <tr className="letters"><th className="rowno">{t('mapping.rowNo')}</th>{cols.map((c) => <th key={c.index}>{c.letter}</th>)}</tr>
            <tr className="choices">
              <th className="rowno" />
              {cols.map((c) => (
                <th key={c.index} className={c.field ? 'mapped' : ''}>
                  <select aria-label={t('mapping.column', { letter: c.letter })} value={c.field ?? ''} onChange={(e) => choose(c.index, e.target.value)}>
                    <option value="">{t('mapping.none')}</option>
                    {FIELDS.map((f) => <option key={f} value={f}>{label(f)}</option>)}
                  </select>
                  {c.field && (c.manual
                    ? <span className="badge manual" data-testid={`source-${c.letter}`}>{t('mapping.manual')}</span>
                    : <span className={`badge ${confidenceClass(c.confidence)}`} data-testid={`source-${c.letter}`}>
                        {t('mapping.confidence', { pct: Math.round(c.confidence * 100) })}
                      </span>)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {preview.above.map((r) => (
              <tr key={`a${r.rowNo}`} className="above" title={t('mapping.titleRows')}>
                <td className="rowno">{r.rowNo}</td>
                {cols.map((c) => <td key={c.index}>{r.cells[c.index] ?? ''}</td>)}
              </tr>
            ))}
            <tr className="header-row">
              <td className="rowno">{preview.headerRow}</td>
              {cols.map((c) => <td key={c.index} title={c.header}>{c.header}</td>)}
            </tr>
            {preview.rows.map((r) => (
              <tr key={r.rowNo}>
                <td className="rowno">{r.rowNo}</td>
                {cols.map((c) => <td key={c.index} className={c.field ? 'mapped' : 'unmapped'}>{r.cells[c.index] ?? ''}</td>)}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
