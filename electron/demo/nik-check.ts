// Structural NIK check for the generator's own truth (domain.md §3); the import module has
// the product's version, this one only decides FORMAT vs TIDAK_DITEMUKAN for injected typos.
import { isKnownProvince } from '../../shared/wilayah/index.ts';

export function nikStructureValid(nik: string): boolean {
  if (!/^\d{16}$/.test(nik) || !isKnownProvince(nik.slice(0, 2))) return false;
  let day = Number(nik.slice(6, 8));
  const month = Number(nik.slice(8, 10));
  if (day > 40) day -= 40;
  if (day < 1 || day > 31 || month < 1 || month > 12 || nik.slice(12) === '0000') return false;
  // Any century: 29 February needs a leap year in 19yy or 20yy.
  const yy = Number(nik.slice(10, 12));
  return [1900 + yy, 2000 + yy].some((y) => new Date(Date.UTC(y, month - 1, day)).getUTCDate() === day);
}
