import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { BatchListItem } from '../../../../shared/api/batch.ts';
import { padan, unwrap } from '../../api.ts';

/** Partly checked: a cancelled or interrupted run that "Lanjutkan" picks up at the next chunk. */
export function partlyChecked(b: BatchListItem): boolean {
  return (b.counts.BELUM_DIPERIKSA ?? 0) < b.rowCount;
}

export function BatchActions({ batch, onError }: { batch: BatchListItem; onError: (msg: string | null) => void }) {
  const { t } = useTranslation('beranda');
  const [busy, setBusy] = useState(false);
  const run = (f: () => Promise<unknown>) => async () => {
    setBusy(true);
    onError(null);
    try {
      await f();
    } catch (e) {
      onError((e as Error).message);
    } finally {
      setBusy(false);
    }
  };
  const id = batch.id;
  const matched = batch.state === 'MATCHED' || batch.state === 'EXPORTED';
  return (
    <div className="row-actions nowrap">
      {batch.state === 'IMPORTED' && !partlyChecked(batch) && (
        <button className="btn small" disabled={busy} onClick={run(() => unwrap(padan.batch.match({ batchId: id })))}>{t('actions.match')}</button>
      )}
      {batch.state === 'IMPORTED' && partlyChecked(batch) && (
        <button className="btn small" disabled={busy} onClick={run(() => unwrap(padan.batch.resume({ batchId: id })))}>{t('actions.resume')}</button>
      )}
      {batch.state === 'QUEUED' && (
        <button className="btn small secondary" disabled={busy} onClick={run(() => unwrap(padan.registry.probe({})))}>{t('actions.probe')}</button>
      )}
      {(batch.state === 'MATCHING' || batch.state === 'QUEUED') && (
        <button className="btn small danger" disabled={busy} onClick={run(() => unwrap(padan.batch.cancel({ batchId: id })))}>{t('actions.cancel')}</button>
      )}
      {batch.state !== 'PURGED' && (
        <Link className={`btn small ${matched ? '' : 'ghost'}`} to={`/koreksi/${id}`}>{t('actions.koreksi')}</Link>
      )}
      {matched && <Link className="btn small ghost" to={`/laporan?batch=${id}`}>{t('actions.laporan')}</Link>}
    </div>
  );
}
