import { useTranslation } from 'react-i18next';

const KEYS: [string, string][] = [
  ['J  ↓', 'next'], ['K  ↑', 'prev'], ['Enter  A', 'accept'], ['1 … 9', 'candidate'], ['U', 'unrepairable'], ['R', 'reviewed'],
  ['Ctrl+Z', 'undo'], ['L', 'log'], ['?', 'help'], ['Esc', 'esc'],
];

export function HelpOverlay({ onClose }: { onClose: () => void }) {
  const { t } = useTranslation('koreksi');
  return (
    <div className="kx-overlay" role="dialog" aria-modal="true" aria-label={t('help.title')} onClick={onClose} data-testid="help">
      <div className="panel kx-help" onClick={(e) => e.stopPropagation()}>
        <h2>{t('help.title')}</h2>
        <table className="data">
          <tbody>
            {KEYS.map(([k, what]) => (
              <tr key={what}><td className="kx-keys">{k.split('  ').map((x) => <kbd key={x}>{x}</kbd>)}</td><td>{t(`help.${what}`)}</td></tr>
            ))}
            <tr><td className="kx-keys"><kbd>Enter</kbd></td><td>{t('help.submit')}</td></tr>
          </tbody>
        </table>
        <div className="row-actions"><button className="btn small" onClick={onClose}>{t('common:close')}</button></div>
      </div>
    </div>
  );
}
