import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BatchChoice } from '../../../../shared/api/rows.ts';
import { padan, unwrap } from '../../api.ts';

export function BatchPicker({ batchId, onChange }: { batchId: number | null; onChange: (id: number) => void }) {
  const { t } = useTranslation('koreksi');
  const [list, setList] = useState<BatchChoice[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    unwrap(padan.rows.batches({})).then(setList, (e: Error) => setError(e.message));
  }, []);
  if (error) return <div className="alert error">{error}</div>;
  if (list && list.length === 0) return <div className="alert info">{t('noBatches')}</div>;
  return (
    <label className="kx-batch">
      <span className="muted">{t('chooseBatch')}</span>
      <select value={batchId ?? ''} onChange={(e) => onChange(Number(e.target.value))} data-testid="batch-picker">
        {batchId === null && <option value="">—</option>}
        {(list ?? []).map((b) => (
          <option key={b.id} value={b.id}>{t('batchOption', { id: b.id, agency: b.agency, file: b.fileName, rows: b.rowCount.toLocaleString('id-ID') })}</option>
        ))}
      </select>
    </label>
  );
}
