// SIAK's state in the top bar: connected, unreachable, or how many batches wait for it.
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router-dom';
import type { RegistryStateInfo } from '../../../shared/api/registry.ts';
import { padan, unwrap } from '../api.ts';
import { Icon } from './Icon.tsx';
import './registry-status.css';

export function RegistryStatus() {
  const { t } = useTranslation();
  const [state, setState] = useState<RegistryStateInfo | null>(null);
  useEffect(() => {
    void unwrap(padan.registry.state({})).then(setState).catch(() => setState(null));
    return padan.on('registry/state', (s) => setState((prev) => ({ label: prev?.label ?? null, lastError: prev?.lastError ?? null, ...s })));
  }, []);
  if (!state) return null;
  const kind = state.queued > 0 ? 'warn' : state.online === false ? 'bad' : state.online ? 'ok' : 'idle';
  const text =
    state.queued > 0 ? t('registryQueued', { count: state.queued })
      : state.online === false ? t('registryOffline')
        : state.online ? t('registryOnline') : t('registryUnknown');
  return (
    <Link to="/pengaturan" className={`registry-status ${kind}`} title={state.lastError ?? state.label ?? ''} data-testid="registry-status">
      <Icon name="db" size={14} />
      <span className="pill-dot" aria-hidden="true" />
      {text}
    </Link>
  );
}
