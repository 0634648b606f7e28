import { useRef, useState, type DragEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { MAX_STAGED_BYTES } from '../../../../shared/api/batch.ts';
import { Icon } from '../../components/Icon.tsx';

const ACCEPT = '.xlsx,.xls,.xlsb,.ods,.csv,.txt';
const MB = 1048576;

/** A drop zone that is also a keyboard-reachable button opening the file chooser. */
export function FileDrop({ file, onFile }: { file: File | null; onFile: (f: File | null) => void }) {
  const { t } = useTranslation('impor');
  const input = useRef<HTMLInputElement>(null);
  const [over, setOver] = useState(false);
  const [refused, setRefused] = useState<string | null>(null);
  // Checked here, before the file is read into memory and sent: the engine's limit, in words
  // the user can act on (the engine's own refusal is only for callers that skip this).
  const take = (f: File | undefined) => {
    if (!f) return;
    if (f.size > MAX_STAGED_BYTES) {
      setRefused(t('file.tooLarge', { name: f.name, size: (f.size / MB).toLocaleString('id-ID', { maximumFractionDigits: 1 }), mb: MAX_STAGED_BYTES / MB }));
      return onFile(null);
    }
    if (f.size === 0) {
      setRefused(t('file.empty', { name: f.name }));
      return onFile(null);
    }
    setRefused(null);
    onFile(f);
  };
  const onDrop = (e: DragEvent) => {
    e.preventDefault();
    setOver(false);
    take(e.dataTransfer.files[0]);
  };
  return (
    <div
      className={`dropzone${over ? ' over' : ''}${file ? ' has-file' : ''}${refused ? ' refused' : ''}`}
      onDragOver={(e) => { e.preventDefault(); setOver(true); }}
      onDragLeave={() => setOver(false)}
      onDrop={onDrop}
    >
      <input ref={input} type="file" accept={ACCEPT} hidden data-testid="file-input"
        onChange={(e) => { take(e.target.files?.[0]); e.target.value = ''; }} />
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
          <div className="muted small-print">{t('file.hint', { mb: MAX_STAGED_BYTES / MB })}</div>
        </>
      )}
      {refused && <div className="alert error small-print" role="alert" data-testid="file-refused">{refused}</div>}
    </div>
  );
}
