import { useEffect, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { DEFAULT_SCHEMA_MAPPING, flagTargetSchema, type FlagTarget, type SchemaMapping } from '../../../../shared/registry-mapping.ts';
import { padan, unwrap } from '../../api.ts';

type Flag = { value: string; target: FlagTarget };
const TABLES = ['biodataTable', 'familyTable', 'kecamatanTable', 'kelurahanTable', 'movedOutTable', 'deathTable'] as const;
const OPTIONAL = new Set<string>(['kecamatanTable', 'kelurahanTable', 'movedOutTable', 'deathTable']);
const COLUMNS = Object.keys(DEFAULT_SCHEMA_MAPPING.columns) as (keyof SchemaMapping['columns'])[];

/** Table and column names, FLAG_STATUS meanings and the work area, as the admin confirms them. */
export function MappingEditor({ onSaved }: { onSaved: () => void }) {
  const { t } = useTranslation('pengaturan');
  const [m, setM] = useState<SchemaMapping | null>(null);
  const [flags, setFlags] = useState<Flag[]>([]);
  const [msg, setMsg] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const load = (x: SchemaMapping) => {
    setM(x);
    setFlags(Object.entries(x.flagStatus).map(([value, target]) => ({ value, target })));
  };
  useEffect(() => {
    unwrap(padan.settings.getMapping({})).then(load).catch((e: Error) => setMsg({ kind: 'error', text: e.message }));
  }, []);
  if (!m) return <p className="muted">…</p>;
  const setTable = (k: (typeof TABLES)[number]) => (e: { target: { value: string } }) =>
    setM({ ...m, [k]: OPTIONAL.has(k) && e.target.value.trim() === '' ? null : e.target.value.toUpperCase() });
  const setCol = (k: keyof SchemaMapping['columns']) => (e: { target: { value: string } }) =>
    setM({ ...m, columns: { ...m.columns, [k]: e.target.value.toUpperCase() } });
  const save = async (e: FormEvent) => {
    e.preventDefault();
    setMsg(null);
    const flagStatus = Object.fromEntries(flags.filter((f) => f.value.trim() !== '').map((f) => [f.value.trim(), f.target]));
    try {
      load(await unwrap(padan.settings.saveMapping({ mapping: { ...m, flagStatus } })));
      setMsg({ kind: 'ok', text: t('saved') });
      onSaved();
    } catch (err) {
      setMsg({ kind: 'error', text: (err as Error).message });
    }
  };
  return (
    <form onSubmit={save} className="mapping-editor">
      <h3>{t('mapping.tables')}</h3>
      <div className="form-grid three">
        {TABLES.map((k) => (
          <label key={k} className="field">{t(`mapping.${k}`)}
            <input className="mono" value={m[k] ?? ''} onChange={setTable(k)} required={!OPTIONAL.has(k)} placeholder={OPTIONAL.has(k) ? t('mapping.optional') : ''} />
          </label>
        ))}
      </div>
      <h3>{t('mapping.columns')}</h3>
      <div className="form-grid four">
        {COLUMNS.map((k) => (
          <label key={k} className="field">{t(`mapping.col.${k}`)}<input className="mono" value={m.columns[k]} onChange={setCol(k)} required /></label>
        ))}
      </div>
      <div className="grid-2">
        <div>
          <h3>{t('mapping.flags')}</h3>
          <p className="muted small-print">{t('mapping.flagsHelp')}</p>
          <table className="data compact flag-table">
            <thead><tr><th>{t('mapping.flagValue')}</th><th>{t('mapping.flagTarget')}</th><th /></tr></thead>
            <tbody>
              {flags.map((f, i) => (
                <tr key={i}>
                  <td><input className="mono" aria-label={t('mapping.flagValue')} value={f.value} maxLength={10}
                    onChange={(e) => setFlags(flags.map((x, j) => (j === i ? { ...x, value: e.target.value } : x)))} /></td>
                  <td>
                    <select aria-label={t('mapping.flagTarget')} value={f.target}
                      onChange={(e) => setFlags(flags.map((x, j) => (j === i ? { ...x, target: e.target.value as FlagTarget } : x)))}>
                      {flagTargetSchema.options.map((o) => <option key={o} value={o}>{t(`mapping.targets.${o}`)}</option>)}
                    </select>
                  </td>
                  <td><button type="button" className="btn ghost small" onClick={() => setFlags(flags.filter((_, j) => j !== i))}>{t('mapping.remove')}</button></td>
                </tr>
              ))}
            </tbody>
          </table>
          <button type="button" className="btn ghost small" onClick={() => setFlags([...flags, { value: '', target: 'NONAKTIF' }])}>+ {t('mapping.addFlag')}</button>
        </div>
        <div>
          <h3>{t('mapping.workArea')}</h3>
          <label className="field"><span className="sr-only">{t('mapping.workArea')}</span>
            <input className="mono" value={m.workArea} onChange={(e) => setM({ ...m, workArea: e.target.value.trim() })} pattern="(\d{2}(\.\d{2})?)?" placeholder="73.72" />
          </label>
          <p className="muted small-print">{t('mapping.workAreaHelp')}</p>
        </div>
      </div>
      {msg && <div className={`alert ${msg.kind}`} role="status">{msg.text}</div>}
      <div className="row-actions">
        <button type="submit" className="btn">{t('mapping.save')}</button>
        <button type="button" className="btn ghost" onClick={() => load(DEFAULT_SCHEMA_MAPPING)}>{t('mapping.reset')}</button>
      </div>
    </form>
  );
}
