import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AuditIntegrityInfo } from '../../../../shared/api/audit.ts';
import { padan, unwrap } from '../../api.ts';

/** "Periksa integritas": walks the whole hash chain in the engine and says where it breaks. */
export function useIntegrityCheck() {
  const [result, setResult] = useState<AuditIntegrityInfo | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [running, setRunning] = useState(false);
  const run = async () => {
    setRunning(true);
    setError(null);
    try {
      setResult(await unwrap(padan.audit.verify({})));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setRunning(false);
    }
  };
  return { result, error, running, run };
}

export function IntegrityResult({ result, error }: { result: AuditIntegrityInfo | null; error: string | null }) {
  const { t } = useTranslation('audit');
  if (error) return <div className="alert error" role="alert">{error}</div>;
  if (!result) return null;
  if (result.ok) {
    return (
      <div className="alert ok" role="status" data-testid="integrity-result">
        <strong>{t('verify.ok', { count: result.checked })}</strong>
        {result.headId !== null && result.headHash && (
          <div className="small-print">{t('verify.head', { id: result.headId, hash: result.headHash.slice(0, 16) })}</div>
        )}
      </div>
    );
  }
  return (
    <div className="alert error" role="alert" data-testid="integrity-result">
      <strong>{t('verify.broken', { id: result.brokenAt, count: result.checked })}</strong>
      <div>{result.problem}</div>
      <div className="small-print">{t('verify.brokenHint')}</div>
    </div>
  );
}
