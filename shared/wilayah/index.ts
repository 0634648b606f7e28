// Region codes the product needs, derived from Kemendagri data (see data.ts header).
// Browser-safe: no Node imports.
import { OTHER_REGENCIES, PAREPARE, PAREPARE_KECAMATAN, PAREPARE_KELURAHAN, PROVINCES } from './data.ts';

export { OTHER_REGENCIES, PAREPARE, PAREPARE_KECAMATAN, PAREPARE_KELURAHAN, PROVINCES };

const provinceCodes: ReadonlySet<string> = new Set(PROVINCES.map((p) => p.code));

/** True when a 2-digit province code exists now or existed in the 2016 codes (NIK check). */
export function isKnownProvince(code: string): boolean {
  return provinceCodes.has(code);
}

/** Kecamatan name of Parepare for a NO_KEC ('1' or '01'), or null. */
export function parepareKecamatanName(kec: string): string | null {
  const code = kec.padStart(2, '0');
  return PAREPARE_KECAMATAN.find((k) => k.code === code)?.name ?? null;
}

/** Kelurahan name of Parepare for NO_KEC + NO_KEL, or null. */
export function parepareKelurahanName(kec: string, kel: string): string | null {
  const k = kec.padStart(2, '0');
  return PAREPARE_KELURAHAN.find((x) => x.kec === k && x.code === kel.padStart(4, '0'))?.name ?? null;
}
