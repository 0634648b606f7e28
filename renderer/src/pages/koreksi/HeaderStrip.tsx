import { useTranslation } from 'react-i18next';
import type { CorrectionView } from '../../../../shared/api/rows.ts';
import { ROW_FLAG } from '../../../../shared/api/rows.ts';
import { needsReview, type GridRow } from './model.ts';

/** Always-visible counts: rows, rows left, decisions in force; computed from the same rows as the grid. */
export function HeaderStrip({ rows, log, shown }: { rows: GridRow[]; log: CorrectionView[]; shown: number }) {
  const { t } = useTranslation('koreksi');
  let left = 0, repaired = 0, unrepairable = 0, reviewed = 0;
  for (const r of rows) {
    if (needsReview(r)) left++;
    if (r.flags & ROW_FLAG.REPAIRED) repaired++;
    if (r.flags & ROW_FLAG.UNREPAIRABLE) unrepairable++;
    if (r.flags & ROW_FLAG.REVIEWED) reviewed++;
  }
  const decisions = log.filter((c) => c.kind !== 'UNDO' && !c.undoneBy).length;
  const n = (v: number) => v.toLocaleString('id-ID');
  const items: [string, number, string][] = [
    ['total', rows.length, ''], ['shown', shown, ''], ['left', left, 'warn'], ['decisions', decisions, ''],
    ['repaired', repaired, 'ok'], ['unrepairable', unrepairable, ''], ['reviewed', reviewed, ''],
  ];
  return (
    <div className="kx-strip" data-testid="strip">
      {items.map(([k, v, cls]) => (
        <div key={k} className={`kx-stat ${cls}`} data-stat={k}><span className="k">{t(`strip.${k}`)}</span><span className="v">{n(v)}</span></div>
      ))}
    </div>
  );
}
