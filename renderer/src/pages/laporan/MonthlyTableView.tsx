import { useTranslation } from 'react-i18next';
import type { MonthlyTable } from './reportApi.ts';

/** Agencies down, Jan–Des across, totals right and below: the layout of the office's monthly report. */
export function MonthlyTableView({ table, months }: { table: MonthlyTable; months: string[] }) {
  const { t } = useTranslation('laporan');
  const n = (v: number) => (v ? v.toLocaleString('id-ID') : '–');
  return (
    <div className="panel lap-monthly-table">
      <h2>{t('monthly.tableTitle', { year: table.year })}</h2>
      {table.rows.length === 0 ? (
        <div className="empty">{t('monthly.empty', { year: table.year })}</div>
      ) : (
        <table className="data" data-testid="monthly-table">
          <thead>
            <tr>
              <th className="num">No</th>
              <th>{t('monthly.agency')}</th>
              {months.map((m) => (
                <th key={m} className="num">{m}</th>
              ))}
              <th className="num">{t('monthly.total')}</th>
              <th className="num">{t('monthly.batches')}</th>
            </tr>
          </thead>
          <tbody>
            {table.rows.map((r, i) => (
              <tr key={r.agencyId}>
                <td className="num muted">{i + 1}</td>
                <td>{r.agency}</td>
                {r.months.map((v, m) => (
                  <td key={m} className="num">{n(v)}</td>
                ))}
                <td className="num strong">{n(r.total)}</td>
                <td className="num">{n(r.batches)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td />
              <td>{t('monthly.grandTotal')}</td>
              {table.monthTotals.map((v, m) => (
                <td key={m} className="num">{n(v)}</td>
              ))}
              <td className="num">{n(table.total)}</td>
              <td className="num">{n(table.batches)}</td>
            </tr>
          </tfoot>
        </table>
      )}
    </div>
  );
}
