import { useTranslation } from 'react-i18next';

export default function AuditPage() {
  const { t } = useTranslation('audit');
  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
        </div>
      </div>
    </section>
  );
}
