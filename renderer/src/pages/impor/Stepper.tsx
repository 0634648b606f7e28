import { useTranslation } from 'react-i18next';

const STEPS = ['file', 'sheet', 'mapping', 'check'] as const;

/** Where the user is in the wizard; earlier steps can be revisited by click or keyboard. */
export function Stepper({ step, reachable, onGo }: { step: number; reachable: number; onGo: (s: number) => void }) {
  const { t } = useTranslation('impor');
  return (
    <ol className="stepper" aria-label="Langkah impor">
      {STEPS.map((s, i) => (
        <li key={s} className={i === step ? 'on' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>
          <button type="button" disabled={i > reachable || i === step} onClick={() => onGo(i)}>
            <span className="step-no">{i < step ? '✓' : i + 1}</span>
            <span>{t(`steps.${s}`)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
