import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { EarlierBatch } from '../../../../shared/api/batch.ts';
import { fmtDateTime } from '../beranda/format.ts';

/** The same file for the same agency: the user decides, with the earlier batch one click away. */
export function DuplicateDialog({ earlier, onImportAnyway, onCancel }: { earlier: EarlierBatch; onImportAnyway: () => void; onCancel: () => void }) {
  const { t } = useTranslation('impor');
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    return () => d?.close();
  }, []);
  return (
    <dialog ref={ref} className="modal" aria-labelledby="dup-title" onCancel={(e) => { e.preventDefault(); onCancel(); }}>
      <h2 id="dup-title">{t('duplicate.title')}</h2>
      <p>{t('duplicate.text', { id: earlier.batchId, at: fmtDateTime(earlier.createdAt), file: earlier.fileName })}</p>
      <div className="row-actions end">
        <button type="button" className="btn ghost" onClick={onCancel}>{t('duplicate.cancel')}</button>
        <Link className="btn secondary" to={`/beranda/${earlier.batchId}`}>{t('duplicate.open', { id: earlier.batchId })}</Link>
        <button type="button" className="btn danger" onClick={onImportAnyway}>{t('duplicate.importAnyway')}</button>
      </div>
    </dialog>
  );
}
