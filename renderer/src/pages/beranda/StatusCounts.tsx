import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import { STATUSES } from '../../../../shared/domain.ts';
import { fmtNumber } from './format.ts';

/** Counts per status as coloured badges; each links to those rows in Koreksi. */
export function StatusCounts({ batchId, counts, compact = false }: { batchId: number; counts: Record<string, number>; compact?: boolean }) {
  const { t } = useTranslation();
  const shown = STATUSES.filter((s) => (counts[s] ?? 0) > 0);
  if (shown.length === 0) return <span className="muted">–</span>;
  return (
    <span className="status-counts">
      {shown.map((s) => (
        <Link key={s} to={`/koreksi/${batchId}?status=${s}`} className={`badge ${s}`} title={t(`status.${s}`)}>
          {compact ? '' : `${t(`status.${s}`)} `}
          {fmtNumber(counts[s] ?? 0)}
        </Link>
      ))}
    </span>
  );
}
