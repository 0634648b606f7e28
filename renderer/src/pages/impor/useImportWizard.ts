// The wizard's state and its calls: stage the file, preview with the chosen sheet, header
// row and mapping, save with the purpose. Every engine error arrives as Indonesian text.
import { useCallback, useState } from 'react';
import type { ImportPreview, StagedFile } from '../../../../shared/api/batch.ts';
import type { Channel, Field } from '../../../../shared/domain.ts';
import { padan, unwrap } from '../../api.ts';

export interface PurposeState {
  agencyId: string;
  programId: string;
  letterNo: string;
  receivedOn: string;
  channel: Channel;
  purpose: string;
}

export type FieldMap = Partial<Record<Field, number>>;

export const today = () => new Date(Date.now() - new Date().getTimezoneOffset() * 60_000).toISOString().slice(0, 10);

function toBase64(file: File): Promise<string> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(String(reader.result).replace(/^data:[^,]*,/, ''));
    reader.onerror = () => reject(new Error('Berkas tidak dapat dibaca dari disk. Pilih berkasnya lagi.'));
    reader.readAsDataURL(file);
  });
}

/** The map currently shown: one field per column. */
export function mapOf(p: ImportPreview): FieldMap {
  const m: FieldMap = {};
  for (const c of p.columns) if (c.field) m[c.field] = c.index;
  return m;
}

export function useImportWizard() {
  const [step, setStep] = useState(0);
  const [file, setFile] = useState<File | null>(null);
  const [purpose, setPurpose] = useState<PurposeState>({ agencyId: '', programId: '', letterNo: '', receivedOn: today(), channel: 'EMAIL', purpose: '' });
  const [staged, setStaged] = useState<StagedFile | null>(null);
  const [sheet, setSheet] = useState('');
  const [preview, setPreview] = useState<ImportPreview | null>(null);
  // What the preview was made for: a preview of another sheet or agency is stale (steps ahead
  // must not show it), and one of the same sheet can be refreshed keeping the user's choices.
  const [previewFor, setPreviewFor] = useState<{ stagedId: string; sheet: string; agencyId: string } | null>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [saved, setSaved] = useState<{ batchId: number; rows: number } | null>(null);

  const guard = useCallback(async <T,>(label: string, f: () => Promise<T>): Promise<T | null> => {
    setBusy(label);
    setError(null);
    try {
      return await f();
    } catch (e) {
      setError((e as Error).message);
      return null;
    } finally {
      setBusy(null);
    }
  }, []);

  const chooseFile = (f: File | null) => {
    setFile(f);
    setStaged(null);
    setPreview(null);
    setPreviewFor(null);
    setError(null);
  };

  const stage = async () => {
    if (!file) return;
    const s = staged ?? (await guard('reading', async () => unwrap(padan.batch.stageFile({ fileName: file.name, dataBase64: await toBase64(file) }))));
    if (!s) return;
    setStaged(s);
    // The sheet with the most filled rows is almost always the data (others are covers, notes).
    const best = [...s.sheets].sort((a, b) => b.rows - a.rows)[0];
    setSheet((prev) => (prev && s.sheets.some((x) => x.name === prev) ? prev : best?.name ?? ''));
    setStep(1);
  };

  const previewCurrent = !!preview && !!staged && previewFor?.stagedId === staged.stagedId && previewFor.sheet === sheet && previewFor.agencyId === purpose.agencyId;

  const loadPreview = async (opts: { headerRow?: number; map?: FieldMap } = {}) => {
    if (!staged || !sheet) return;
    const key = { stagedId: staged.stagedId, sheet, agencyId: purpose.agencyId };
    const p = await guard('reading', () =>
      unwrap(padan.batch.preview({
        stagedId: staged.stagedId, sheet,
        ...(opts.headerRow ? { headerRow: opts.headerRow } : {}),
        ...(opts.map ? { map: opts.map } : {}),
        ...(purpose.agencyId ? { agencyId: Number(purpose.agencyId) } : {}),
      })),
    );
    if (p) {
      setPreview(p);
      setPreviewFor(key);
      setStep(2);
    }
  };

  /** From the sheet step: the current preview as it is, the same sheet's refreshed with the user's choices, or a fresh one. */
  const toMapping = async () => {
    if (previewCurrent) return setStep(2);
    if (preview && staged && previewFor?.stagedId === staged.stagedId && previewFor.sheet === sheet) {
      return loadPreview({ headerRow: preview.headerRow, map: mapOf(preview) });
    }
    return loadPreview();
  };

  const save = async (allowDuplicate: boolean) => {
    if (!staged || !preview || !previewCurrent) return;
    const r = await guard('saving', () =>
      unwrap(padan.batch.save({
        stagedId: staged.stagedId, sheet: preview.sheet, headerRow: preview.headerRow, map: mapOf(preview),
        agencyId: Number(purpose.agencyId), programId: purpose.programId ? Number(purpose.programId) : null,
        letterNo: purpose.letterNo, receivedOn: purpose.receivedOn, channel: purpose.channel,
        ...(purpose.purpose.trim() ? { purpose: purpose.purpose.trim() } : {}),
        allowDuplicate,
      })),
    );
    if (r) setSaved({ batchId: r.batchId, rows: r.validation.rows });
  };

  const reset = () => {
    setStep(0);
    chooseFile(null);
    setSheet('');
    setSaved(null);
    setPurpose((p) => ({ ...p, letterNo: '', purpose: '' }));
  };

  return {
    step, setStep, file, chooseFile, purpose, setPurpose, staged, sheet, setSheet, preview, previewCurrent,
    busy, error, setError, saved, stage, loadPreview, toMapping, save, reset,
  };
}

export type ImportWizard = ReturnType<typeof useImportWizard>;
