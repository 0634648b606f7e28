import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { AuditEntryInfo } from '../../../../shared/api/audit.ts';
import { formatWhen, summarizeDetail } from './format.ts';
import { useActionLabel } from './useActionLabel.ts';

export function AuditTable({ entries }: { entries: AuditEntryInfo[] }) {
  const { t, i18n } = useTranslation('audit');
  const label = useActionLabel();
  if (entries.length === 0) return <div className="empty">{t('empty')}</div>;
  return (
    <table className="data audit-table">
      <thead>
        <tr>
          <th className="num">#</th>
          <th>{t('col.at')}</th>
          <th>{t('col.operator')}</th>
          <th>{t('col.action')}</th>
          <th className="num">{t('col.batch')}</th>
          <th className="num">{t('col.row')}</th>
          <th>{t('col.detail')}</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => {
          const detail = summarizeDetail(e.detail);
          return (
            <tr key={e.id}>
              <td className="num muted">{e.id}</td>
              <td className="nowrap">{formatWhen(e.at, i18n.language)}</td>
              <td className="mono">{e.operator}</td>
              <td>
                <span className={`audit-action ${e.action.includes('FAILED') ? 'bad' : ''}`} title={e.action}>
                  {label(e.action)}
                </span>
              </td>
              <td className="num">{e.batchId === null ? '' : <Link to={`/beranda/${e.batchId}`}>{e.batchId}</Link>}</td>
              <td className="num">{e.rowSeq ?? ''}</td>
              <td className="audit-detail" title={JSON.stringify(e.detail, null, 1)}>
                {detail || t('detailNone')}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
