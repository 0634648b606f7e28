import { useTranslation } from 'react-i18next';
import type { StagedFile } from '../../../../shared/api/batch.ts';

export function StepSheet({ staged, sheet, onSheet }: { staged: StagedFile; sheet: string; onSheet: (s: string) => void }) {
  const { t } = useTranslation('impor');
  return (
    <fieldset className="sheet-list">
      <legend>{t('sheet.title')} · <span className="muted">{staged.fileName}</span></legend>
      {staged.sheets.map((s) => (
        <label key={s.name} className={`sheet-option${sheet === s.name ? ' on' : ''}`}>
          <input type="radio" name="sheet" value={s.name} checked={sheet === s.name} onChange={() => onSheet(s.name)} />
          <span className="sheet-name">{s.name}</span>
          <span className="muted">{s.rows > 0 ? t('sheet.rows', { count: s.rows }) : t('sheet.empty')} · {t('sheet.cols', { count: s.cols })}</span>
        </label>
      ))}
    </fieldset>
  );
}
