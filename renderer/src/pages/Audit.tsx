import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditPage } from '../../../shared/api/audit.ts';
import { padan, unwrap } from '../api.ts';
import { AnchorCheck } from './audit/AnchorCheck.tsx';
import { AuditFilters, EMPTY_FILTER, toApiFilter, type AuditFilterValues } from './audit/AuditFilters.tsx';
import { AuditTable } from './audit/AuditTable.tsx';
import { ExportCsv } from './audit/ExportCsv.tsx';
import { IntegrityResult, useIntegrityCheck } from './audit/IntegrityCheck.tsx';
import { Pager } from './audit/Pager.tsx';
import { useSession } from './audit/useSession.ts';
import './audit/audit.css';

const PAGE_SIZES = [25, 50, 100, 200];

export default function AuditPage() {
  const { t } = useTranslation('audit');
  const session = useSession();
  const [filter, setFilter] = useState<AuditFilterValues>(EMPTY_FILTER);
  const [offset, setOffset] = useState(0);
  const [limit, setLimit] = useState(50);
  const [page, setPage] = useState<AuditPage | null>(null);
  const [actions, setActions] = useState<string[]>([]);
  const [error, setError] = useState<string | null>(null);
  const [exporting, setExporting] = useState(false);
  const integrity = useIntegrityCheck();
  const isAdmin = session?.role === 'ADMIN';

  const load = useCallback(async () => {
    try {
      setPage(await unwrap(padan.audit.list({ ...toApiFilter(filter), offset, limit })));
      setError(null);
    } catch (e) {
      setError((e as Error).message);
    }
  }, [filter, offset, limit]);

  useEffect(() => {
    void load();
  }, [load]);
  useEffect(() => {
    void padan.audit.actions({}).then((r) => r.ok && setActions(r.value));
  }, []);

  return (
    <section>
      <div className="page-head">
        <div>
          <h1>{t('title')}</h1>
          <p>{t('intro')}</p>
        </div>
        <div className="row-actions audit-head-actions">
          <button className="btn" onClick={() => void integrity.run()} disabled={integrity.running}>
            {integrity.running ? t('verify.running') : t('verify.button')}
          </button>
          {isAdmin && (
            <button className="btn secondary" onClick={() => setExporting(true)}>
              {t('exportCsv.button')}
            </button>
          )}
        </div>
      </div>
      <IntegrityResult result={integrity.result} error={integrity.error} />
      <AnchorCheck />
      {exporting && <ExportCsv filter={toApiFilter(filter)} onClose={() => setExporting(false)} />}
      {session && !isAdmin && <div className="alert info">{t('ownOnly')}</div>}
      <AuditFilters
        actions={actions}
        value={filter}
        operatorFixed={session && !isAdmin ? session.operator : null}
        onApply={(f) => {
          setFilter(f);
          setOffset(0);
        }}
      />
      {error && <div className="alert error" role="alert">{t('error', { message: error })}</div>}
      <div className="panel audit-list">
        {page && <AuditTable entries={page.entries} />}
        {page && (
          <Pager
            total={page.total}
            offset={offset}
            limit={limit}
            sizes={PAGE_SIZES}
            onOffset={setOffset}
            onLimit={(n) => {
              setLimit(n);
              setOffset(0);
            }}
          />
        )}
      </div>
    </section>
  );
}
