import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { nikStructureProblem } from '../../../../shared/nik.ts';

/** A typed NIK, checked as typed with the same rules as the import (shared/nik.ts). */
export function ManualNik({ onUse, onCancel }: { onUse: (nik: string) => void; onCancel: () => void }) {
  const { t } = useTranslation('koreksi');
  const [value, setValue] = useState('');
  const digits = value.replace(/[\s.\-']/g, '');
  const problem = digits ? nikStructureProblem(digits) : null;
  const ok = digits.length > 0 && problem === null;
  return (
    <div className="kx-manual">
      <label className="field">
        {t('manual.label')}
        <input
          autoFocus
          className={'mono' + (digits && !ok ? ' invalid' : '')}
          inputMode="numeric"
          placeholder={t('manual.placeholder')}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && ok) {
              e.preventDefault();
              onUse(digits);
            }
            if (e.key === 'Escape') {
              e.stopPropagation();
              onCancel();
            }
          }}
          aria-invalid={!!digits && !ok}
          data-testid="manual-nik"
        />
      </label>
      <div className={ok ? 'kx-hint ok' : 'kx-hint bad'} role="status">
        {digits ? (ok ? t('manual.ok') : problem) : ' '}
      </div>
      <div className="row-actions">
        <button className="btn small" disabled={!ok} onClick={() => onUse(digits)}>{t('act.manual')}</button>
        <button className="btn ghost small" onClick={onCancel}>{t('common:cancel')}</button>
      </div>
    </div>
  );
}
