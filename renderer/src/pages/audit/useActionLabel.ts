import { useTranslation } from 'react-i18next';

/** The Indonesian label of an audit action code; unknown codes show as they are. */
export function useActionLabel(): (code: string) => string {
  const { t, i18n } = useTranslation('audit');
  return (code) => (i18n.exists(`action.${code}`, { ns: 'audit' }) ? t(`action.${code}`) : code);
}
