import { useTranslation } from 'react-i18next';

const STEPS = ['file', 'sheet', 'mapping', 'check'] as const;

/**
 * Where the user is in the wizard; steps up to `reachable` (those whose data is current for the
 * present choices) can be visited by click or keyboard, none while the engine is working.
 */
export function Stepper({ step, reachable, busy, onGo }: { step: number; reachable: number; busy: boolean; onGo: (s: number) => void }) {
  const { t } = useTranslation('impor');
  return (
    <ol className="stepper" aria-label="Langkah impor">
      {STEPS.map((s, i) => (
        <li key={s} className={i === step ? 'on' : i < step ? 'done' : ''} aria-current={i === step ? 'step' : undefined}>
          <button type="button" disabled={busy || i > reachable || i === step} onClick={() => onGo(i)}>
            <span className="step-no">{i < step ? '✓' : i + 1}</span>
            <span>{t(`steps.${s}`)}</span>
          </button>
        </li>
      ))}
    </ol>
  );
}
