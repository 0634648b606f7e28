import { useTranslation } from 'react-i18next';

export default function PengaturanPage() {
  const { t } = useTranslation('pengaturan');
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
