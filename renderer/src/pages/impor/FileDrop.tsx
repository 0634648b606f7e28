import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STAGED_BYTES } from '../../../../shared/api/batch.ts';
import { Icon } from '../../components/Icon.tsx';

const ACCEPT = '.xlsx,.xls,.xlsb,.ods,.csv,.txt';

/** A drop zone that is also a keyboard-reachable button opening the file chooser. */
export function FileDrop({ file, onFile }: { file: File | null; onFile: (f: File | null) => void }) {
  const { t } = useTranslation('impor');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    const f = e.dataTransfer.files[0];
    if (f) onFile(f);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}${file ? ' has-file' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input ref={input} type="file" accept={ACCEPT} hidden data-testid="file-input" onChange={(e) => onFile(e.target.files?.[0] ?? null)} />
      {file ? (
        <div className="file-chosen">
          <Icon name="laporan" size={28} />
          <div>
            <div className="muted small-print">{t('file.selected')}</div>
            <div className="file-name">{file.name}</div>
            <div className="muted small-print">{(file.size / 1024).toLocaleString('id-ID', { maximumFractionDigits: 0 })} KB</div>
          </div>
          <button type="button" className="btn ghost small" onClick={() => input.current?.click()}>{t('file.change')}</button>
        </div>
      ) : (
        <>
          <Icon name="impor" size={30} />
          <div className="drop-title">{t('file.drop')}</div>
          <div className="muted">{t('file.or')}</div>
          <button type="button" className="btn secondary" onClick={() => input.current?.click()}>{t('file.choose')}</button>
          <div className="muted small-print">{t('file.hint', { mb: MAX_STAGED_BYTES / 1048576 })}</div>
        </>
      )}
    </div>
  );
}
