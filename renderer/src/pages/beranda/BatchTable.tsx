import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import type { MatchProgress } from '../../../../shared/api/events.ts';
import { BatchActions } from './BatchActions.tsx';
import { StateCell } from './StateCell.tsx';
import { StatusCounts } from './StatusCounts.tsx';
import { fmtDate, fmtNumber } from './format.ts';

export interface BatchTableProps {
  batches: BatchListItem[];
  progress: Record<number, MatchProgress>;
  selected: number | null;
  onError: (msg: string | null) => void;
}

export function BatchTable({ batches, progress, selected, onError }: BatchTableProps) {
  const { t } = useTranslation('beranda');
  return (
    <table className="data batch-table">
      <thead>
        <tr>
          <th>{t('cols.batch')}</th>
          <th>{t('cols.agency')}</th>
          <th>{t('cols.letter')}</th>
          <th>{t('cols.received')}</th>
          <th className="num">{t('cols.rows')}</th>
          <th>{t('cols.counts')}</th>
          <th>{t('cols.state')}</th>
          <th>{t('cols.actions')}</th>
        </tr>
      </thead>
      <tbody>
        {batches.map((b) => (
          <tr key={b.id} className={selected === b.id ? 'selected' : undefined} data-batch={b.id}>
            <td>
              <Link to={`/beranda/${b.id}`} className="batch-link" title={b.fileName}>#{b.id}</Link>
              <div className="cell-sub ellipsis" title={b.fileName}>{b.fileName}</div>
            </td>
            <td>
              <div className="ellipsis strong">{b.agencyName}</div>
              <div className="cell-sub">{b.programName ?? '–'}</div>
            </td>
            <td className="ellipsis" title={b.letterNo ?? ''}>{b.letterNo ?? '–'}</td>
            <td className="nowrap">{fmtDate(b.receivedOn)}</td>
            <td className="num">{fmtNumber(b.rowCount)}</td>
            <td><StatusCounts batchId={b.id} counts={b.counts} compact /></td>
            <td><StateCell batch={b} progress={progress[b.id]} /></td>
            <td><BatchActions batch={b} onError={onError} /></td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
