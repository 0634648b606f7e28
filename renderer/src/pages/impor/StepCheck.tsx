import { useTranslation } from 'react-i18next';
import type { ImportPreview } from '../../../../shared/api/batch.ts';
import { fmtDate, fmtNumber } from '../beranda/format.ts';
import type { PurposeState } from './useImportWizard.ts';

/** What the import found, before anything is stored. */
export function StepCheck({ preview, purpose, agencyName, programName, fileName }: {
  preview: ImportPreview; purpose: PurposeState; agencyName: string; programName: string | null; fileName: string;
}) {
  const { t } = useTranslation('impor');
  const { t: tc } = useTranslation();
  const { t: tb } = useTranslation('beranda');
  const v = preview.validation;
  const reasons = Object.entries(v.nikReasons).filter(([, n]) => n > 0);
  const findings: [string, number, string][] = [
    ['duplicates', v.duplicates, 'warn'],
    ['unreadableDates', v.unreadableDates, 'warn'],
    ['nikDateDiffers', v.nikDateDiffers, 'info'],
    ['nikSexDiffers', v.nikSexDiffers, 'info'],
    ['suspectExcel', v.suspectExcel, 'bad'],
  ];
  return (
    <div className="check">
      <div className="cards">
        <div className="card"><div className="k">{t('check.rows')}</div><div className="v" data-testid="check-rows">{fmtNumber(v.rows)}</div></div>
        <div className="card"><div className="k">{t('check.valid')}</div><div className="v ok-text">{fmtNumber(v.validNik)}</div></div>
        <div className="card"><div className="k">{t('check.reasonsTitle')}</div><div className="v bad-text">{fmtNumber(reasons.reduce((n, [, c]) => n + c, 0))}</div></div>
        <div className="card"><div className="k">{t('check.duplicates')}</div><div className="v warn-text">{fmtNumber(v.duplicates)}</div></div>
      </div>
      <div className="grid-3 check-grid">
        <div>
          <h3>{t('check.reasonsTitle')}</h3>
          {reasons.length === 0 ? <p className="muted">{t('check.noReasons')}</p> : (
            <ul className="count-list">
              {reasons.map(([r, n]) => <li key={r}><span>{tc(`reason.${r}`, { defaultValue: r })}</span><b>{fmtNumber(n)}</b></li>)}
            </ul>
          )}
        </div>
        <div>
          <h3>{t('check.findingsTitle')}</h3>
          <ul className="count-list">
            {findings.map(([k, n, kind]) => (
              <li key={k}><span>{t(`check.${k}`)}</span><span className={`badge ${n > 0 ? kind : 'ok'}`}>{fmtNumber(n)}</span></li>
            ))}
          </ul>
          <p className="muted small-print">{t('check.note')}</p>
        </div>
        <div>
          <h3>{t('check.purposeTitle')}</h3>
          <dl className="facts">
            <dt>{t('purpose.agency')}</dt><dd>{agencyName}</dd>
            <dt>{t('purpose.program')}</dt><dd>{programName ?? '–'}</dd>
            <dt>{t('purpose.letterNo')}</dt><dd>{purpose.letterNo}</dd>
            <dt>{t('purpose.receivedOn')}</dt><dd>{fmtDate(purpose.receivedOn)} · {tb(`channel.${purpose.channel}`)}</dd>
            <dt>{t('purpose.purpose')}</dt><dd>{purpose.purpose || '–'}</dd>
            <dt>{t('file.selected')}</dt><dd>{fileName} · {preview.sheet}</dd>
          </dl>
        </div>
      </div>
    </div>
  );
}
