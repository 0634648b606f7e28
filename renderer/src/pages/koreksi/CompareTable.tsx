import { useTranslation } from 'react-i18next';
import type { Element, ElementResult } from '../../../../shared/domain.ts';
import { compareElement, type PersonElements, type RowElements } from '../../../../shared/compare.ts';
import type { ElementChoice, RowDetail, VisiblePerson } from '../../../../shared/api/rows.ts';

const PERSON_KEY: Record<Element, keyof VisiblePerson> = {
  NAMA: 'name', TMPT_LHR: 'birthPlace', TGL_LHR: 'birthDate', JENIS_KELAMIN: 'sex', NO_KK: 'kk', NAMA_IBU: 'motherName',
  ALAMAT: 'address', RT: 'rt', RW: 'rw', KELURAHAN: 'kelurahanName', KECAMATAN: 'kecamatanName',
};
const ROW_KEY: Record<Element, keyof RowElements> = {
  NAMA: 'name', TMPT_LHR: 'birthPlace', TGL_LHR: 'birthDate', JENIS_KELAMIN: 'sex', NO_KK: 'kk', NAMA_IBU: 'motherName',
  ALAMAT: 'address', RT: 'rt', RW: 'rw', KELURAHAN: 'kelurahan', KECAMATAN: 'kecamatan',
};

const show = (el: Element, v: string | null | undefined): string => (v == null || v === '' ? '—' : el === 'JENIS_KELAMIN' ? ({ '1': 'L', '2': 'P' }[v] ?? v) : v);

/** Per-field agreement of the agency's row with any person (browser-side, same rules as the engine). */
export function agreement(detail: RowDetail, person: VisiblePerson): Partial<Record<Element, ElementResult>> {
  const row = Object.fromEntries(Object.keys(ROW_KEY).map((el) => [ROW_KEY[el as Element], detail.agency[el as Element] ?? null])) as unknown as RowElements;
  const p = Object.fromEntries(Object.values(PERSON_KEY).map((k) => [k, person[k] ?? null])) as unknown as PersonElements;
  const out: Partial<Record<Element, ElementResult>> = {};
  for (const el of detail.elements) out[el] = PERSON_KEY[el] in person ? compareElement(el, row, p) : undefined;
  return out;
}

export interface CompareTableProps {
  detail: RowDetail;
  /** The record in the second column: a candidate, or the registry record behind the verdict. */
  person: VisiblePerson | null;
  heading: string;
  results: Partial<Record<Element, ElementResult>>;
  /** Element choices are offered against the registry record only. */
  onChoose?: (el: Element, choice: ElementChoice) => void;
}

export function CompareTable({ detail, person, heading, results, onChoose }: CompareTableProps) {
  const { t } = useTranslation('koreksi');
  const nikOf = person?.nik ?? null;
  return (
    <table className="data kx-compare" data-testid="compare">
      <thead>
        <tr><th>{t('panel.field')}</th><th>{t('panel.agency')}</th><th>{heading}</th><th /></tr>
      </thead>
      <tbody>
        <tr className={nikOf && nikOf !== detail.nik ? 'diff TIDAK_SESUAI' : ''}>
          <td>NIK</td>
          <td className="mono">{detail.nikInput ?? '—'}</td>
          <td className="mono">{nikOf ?? '—'}</td>
          <td />
        </tr>
        {detail.elements.map((el) => {
          const r = results[el];
          const hidden = person !== null && !(PERSON_KEY[el] in person);
          const chosen = detail.state.elementChoice[el];
          const differs = r === 'MIRIP' || r === 'TIDAK_SESUAI';
          return (
            <tr key={el} className={differs ? `diff ${r}` : ''} data-element={el}>
              <td>{t(`common:element.${el}`)}</td>
              <td className={chosen === 'AGENCY' ? 'chosen' : ''}>{show(el, detail.agency[el])}</td>
              <td className={chosen === 'SIAK' ? 'chosen' : ''} title={hidden ? t('panel.hiddenField') : undefined}>
                {person ? (hidden ? <span className="muted">•••</span> : show(el, person[PERSON_KEY[el]])) : '—'}
              </td>
              <td className="kx-verdict">
                {r && <span className={`badge ${r}`}>{t(`common:elementResult.${r}`)}</span>}
                {onChoose && differs && (
                  <span className="kx-choose" role="group" aria-label={t('panel.choose')}>
                    {(['AGENCY', 'SIAK'] as const).map((c) => {
                      const blocked = c === 'SIAK' && !detail.allowedElements.includes(el);
                      return (
                        <button key={c} className={'btn small ' + (chosen === c ? '' : 'ghost')} disabled={blocked}
                          title={blocked ? t('panel.notAllowed') : undefined} onClick={() => onChoose(el, c)} data-choice={c}>
                          {t(`choice.${c}`)}
                        </button>
                      );
                    })}
                  </span>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
