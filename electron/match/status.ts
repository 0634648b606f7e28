// The status of one row from its registry record (domain.md §1, §2, §4).
import type { Element, Reason, Status } from '../../shared/domain.ts';
import { compareElements } from '../../shared/compare.ts';
import { flagTarget, type SchemaMapping } from '../../shared/registry-mapping.ts';
import type { RegistryPerson } from '../registry/types.ts';
import type { MatchRow, RowVerdict } from './rows.ts';

const NIK_REASONS: ReadonlySet<string> = new Set(['KOSONG', 'FORMAT', 'RUSAK_EXCEL']);

/** True when the person's current domicile lies in the work area ("73.72" or "73"); empty area: always. */
export function inWorkArea(person: Pick<RegistryPerson, 'prop' | 'kab'>, workArea: string): boolean {
  const area = workArea.trim();
  if (!area) return true;
  const [prop, kab] = area.split('.');
  const p = regionNumber(person.prop);
  // Missing region numbers cannot prove a move: keep the person in.
  if (p === null) return true;
  if (p !== Number(prop)) return false;
  if (kab === undefined) return true;
  let k = regionNumber(person.kab);
  if (k === null) return true;
  // Some SIAK copies store NO_KAB with its province ('7372').
  if (k >= 100) k %= 100;
  return k === Number(kab);
}

function regionNumber(v: string | null): number | null {
  if (v === null) return null;
  const d = v.replace(/\D/g, '');
  return d ? Number(d) : null;
}

/** Status and reason of a found person, whatever row they were found for. */
export function personStatus(person: RegistryPerson, mapping: SchemaMapping): { status: Status; reason: Reason | null } {
  const target = flagTarget(mapping, person.flagStatus);
  // A recorded death outranks everything else: a deceased person must never be paid.
  if (target === 'MENINGGAL' || person.deceased) return { status: 'MENINGGAL', reason: null };
  if (target === 'NONAKTIF') return { status: 'INVALID', reason: 'NONAKTIF' };
  if (target === 'PINDAH' || person.movedOut) return { status: 'PINDAH', reason: null };
  if (!inWorkArea(person, mapping.workArea)) return { status: 'PINDAH', reason: 'DOMISILI_LUAR_WILAYAH' };
  return { status: 'AKTIF', reason: null };
}

/** Status of a row whose NIK could not be cleaned at import: settled without the registry. */
export function invalidNikVerdict(row: MatchRow): RowVerdict {
  const reason = (row.nikReason && NIK_REASONS.has(row.nikReason) ? row.nikReason : 'FORMAT') as Reason;
  return { status: 'INVALID', reason, elements: {}, person: null };
}

/**
 * Verdict of one checked row. `person` undefined means the registry answered and has no such
 * NIK; a row that was not checked never reaches this function (it stays BELUM_DIPERIKSA).
 */
export function rowVerdict(
  row: MatchRow,
  person: RegistryPerson | undefined,
  mapping: SchemaMapping,
  mapped: readonly Element[],
): RowVerdict {
  if (!row.nik) return invalidNikVerdict(row);
  if (!person) {
    // A numeric cell ending in 0 that is not found lost its 16th digit in Excel.
    const damaged = row.nikSuspect && row.nik.endsWith('0');
    return { status: 'INVALID', reason: damaged ? 'RUSAK_EXCEL' : 'TIDAK_DITEMUKAN', elements: {}, person: null };
  }
  const { status, reason } = personStatus(person, mapping);
  // Compared for a deactivated record too: the reviewer sees whether it is the same person.
  const elements = compareElements(row, person, mapped);
  return { status, reason, elements, person };
}
