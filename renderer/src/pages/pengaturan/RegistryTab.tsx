import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Diagnostics } from './Diagnostics.tsx';
import { MappingEditor } from './MappingEditor.tsx';
import { RegistryForm } from './RegistryForm.tsx';

export function RegistryTab() {
  const { t } = useTranslation('pengaturan');
  const [version, setVersion] = useState(0);
  const bump = () => setVersion((v) => v + 1);
  return (
    <>
      <div className="grid-2 registry-top">
        <div className="panel">
          <h2>{t('registry.title')}</h2>
          <p className="muted small-print">{t('registry.help')}</p>
          <RegistryForm onSaved={bump} />
        </div>
        <div className="panel">
          <h2>{t('diag.title')}</h2>
          <Diagnostics version={version} />
        </div>
      </div>
      <div className="panel">
        <h2>{t('mapping.title')}</h2>
        <p className="muted small-print">{t('mapping.help')}</p>
        <MappingEditor onSaved={bump} />
      </div>
    </>
  );
}
