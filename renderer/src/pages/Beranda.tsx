import { useTranslation } from 'react-i18next';

export default function BerandaPage() {
  const { t } = useTranslation('beranda');
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
