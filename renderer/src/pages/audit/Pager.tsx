import { useTranslation } from 'react-i18next';

interface Props {
  total: number;
  offset: number;
  limit: number;
  sizes: number[];
  onOffset: (n: number) => void;
  onLimit: (n: number) => void;
}

export function Pager({ total, offset, limit, sizes, onOffset, onLimit }: Props) {
  const { t } = useTranslation('audit');
  const from = total === 0 ? 0 : offset + 1;
  const to = Math.min(total, offset + limit);
  return (
    <div className="pager">
      <span className="muted">{t('paging.showing', { from, to, total })}</span>
      <div className="row-actions">
        <select aria-label={t('paging.perPage')} value={limit} onChange={(e) => onLimit(Number(e.target.value))}>
          {sizes.map((n) => (
            <option key={n} value={n}>
              {n} {t('paging.perPage')}
            </option>
          ))}
        </select>
        <button className="btn ghost small" disabled={offset === 0} onClick={() => onOffset(Math.max(0, offset - limit))}>
          ‹ {t('paging.prev')}
        </button>
        <button className="btn ghost small" disabled={to >= total} onClick={() => onOffset(offset + limit)}>
          {t('paging.next')} ›
        </button>
      </div>
    </div>
  );
}
