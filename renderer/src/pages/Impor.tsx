import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AgencyInfo, ProgramInfo } from '../../../shared/api/agencies.ts';
import { padan, unwrap } from '../api.ts';
import { DuplicateDialog } from './impor/DuplicateDialog.tsx';
import { FileDrop } from './impor/FileDrop.tsx';
import { PurposeForm } from './impor/PurposeForm.tsx';
import { SavedPanel } from './impor/SavedPanel.tsx';
import { StepCheck } from './impor/StepCheck.tsx';
import { StepMapping } from './impor/StepMapping.tsx';
import { StepSheet } from './impor/StepSheet.tsx';
import { Stepper } from './impor/Stepper.tsx';
import { useImportWizard } from './impor/useImportWizard.ts';
import './impor/impor.css';

const STEP_NAMES = ['file', 'sheet', 'mapping', 'check'] as const;

/** Import wizard: file and purpose, sheet, header and mapping, check and save. */
export default function ImporPage() {
  const { t } = useTranslation('impor');
  const w = useImportWizard();
  const [dupOpen, setDupOpen] = useState(false);
  const [agencies, setAgencies] = useState<AgencyInfo[]>([]);
  const [programs, setPrograms] = useState<ProgramInfo[]>([]);
  useEffect(() => {
    void unwrap(padan.agencies.list({})).then(setAgencies).catch(() => undefined);
    void unwrap(padan.agencies.programs({})).then(setPrograms).catch(() => undefined);
  }, []);

  const missing = [
    !w.file && t('file.title'),
    !w.purpose.agencyId && t('purpose.agency'),
    !w.purpose.letterNo.trim() && t('purpose.letterNo'),
    !w.purpose.receivedOn && t('purpose.receivedOn'),
  ].filter(Boolean) as string[];
  const [headerPending, setHeaderPending] = useState(false);
  const hasNik = w.preview?.columns.some((c) => c.field === 'NIK') ?? false;
  // A later step only with data made for the present file, sheet and agency: after any of them
  // changes, the mapping and check steps wait until the preview is asked for again.
  const mappingReady = w.previewCurrent;
  const checkReady = mappingReady && hasNik && !headerPending;
  const reachable = checkReady ? 3 : mappingReady ? 2 : w.staged ? 1 : 0;

  // Keyboard users land at the top of each new step, named for screen readers (the form's label).
  const form = useRef<HTMLFormElement>(null);
  const shown = useRef(w.step);
  useEffect(() => {
    if (shown.current !== w.step) form.current?.focus();
    shown.current = w.step;
  }, [w.step]);

  const next = () => {
    if (w.step === 0) {
      if (missing.length) return w.setError(t('required', { fields: missing.join(', ') }));
      return void w.stage();
    }
    if (w.step === 1) return void w.toMapping();
    if (w.step === 2) return checkReady ? w.setStep(3) : undefined;
    if (!checkReady) return;
    if (w.preview?.duplicateOf) return setDupOpen(true);
    void w.save(false);
  };

  if (w.saved) {
    return (
      <section className="impor">
        <div className="page-head"><div><h1>{t('title')}</h1><p>{t('subtitle')}</p></div></div>
        <SavedPanel batchId={w.saved.batchId} rows={w.saved.rows} onAnother={w.reset} />
      </section>
    );
  }

  return (
    <section className="impor">
      <div className="page-head">
        <div><h1>{t('title')}</h1><p>{t('subtitle')}</p></div>
      </div>
      <Stepper step={w.step} reachable={reachable} busy={w.busy !== null} onGo={w.setStep} />
      {w.error && <div className="alert error" role="alert">{w.error}</div>}
      <form ref={form} tabIndex={-1} className="panel wizard-panel" aria-label={t('stepOf', { n: w.step + 1, name: t(`steps.${STEP_NAMES[w.step]}`) })}
        onSubmit={(e) => { e.preventDefault(); next(); }} aria-busy={w.busy !== null}>
        {w.step === 0 && (
          <div className="step-file">
            <div>
              <h2>{t('file.title')}</h2>
              <FileDrop file={w.file} onFile={w.chooseFile} />
            </div>
            <div>
              <h2>{t('purpose.title')}</h2>
              <p className="muted small-print">{t('purpose.help')}</p>
              <PurposeForm value={w.purpose} onChange={w.setPurpose} />
            </div>
          </div>
        )}
        {w.step === 1 && w.staged && <StepSheet staged={w.staged} sheet={w.sheet} onSheet={w.setSheet} />}
        {w.step === 2 && w.preview && (
          <>
            <h2>{t('mapping.title')}</h2>
            <p className="muted small-print">{t('mapping.help')}</p>
            <StepMapping preview={w.preview} onRemap={(o) => void w.loadPreview(o)} onPending={setHeaderPending} />
          </>
        )}
        {w.step === 3 && w.preview && w.staged && (
          <>
            <h2>{t('check.title')}</h2>
            <StepCheck preview={w.preview} purpose={w.purpose} fileName={w.staged.fileName}
              agencyName={agencies.find((a) => String(a.id) === w.purpose.agencyId)?.name ?? '–'}
              programName={programs.find((p) => String(p.id) === w.purpose.programId)?.name ?? null} />
          </>
        )}
        <div className="wizard-nav">
          <button type="button" className="btn ghost" disabled={w.step === 0 || w.busy !== null} onClick={() => w.setStep(w.step - 1)}>{t('nav.back')}</button>
          <span className="muted">{w.busy === 'reading' ? t('nav.reading') : w.busy === 'saving' ? t('nav.saving') : ''}</span>
          <button type="submit" className="btn" disabled={w.busy !== null || (w.step === 1 && !w.sheet) || (w.step >= 2 && !checkReady)}>
            {w.step === 3 ? t('nav.save') : t('nav.next')}
          </button>
        </div>
      </form>
      {dupOpen && w.preview?.duplicateOf && (
        <DuplicateDialog earlier={w.preview.duplicateOf} onCancel={() => setDupOpen(false)}
          onImportAnyway={() => { setDupOpen(false); void w.save(true); }} />
      )}
    </section>
  );
}
