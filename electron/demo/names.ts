// Name pools for synthetic Parepare residents: Bugis/Makassar names without family names,
// ANDI / DAENG / LA / WE / I name words, MUHAMMAD written many ways, hajj titles, and old
// spellings (DJ, OE, TJ) for people born before the 1972 spelling reform.
import type { Prng } from './prng.ts';

const MALE = [
  'ARSYAD', 'BACO', 'BASO', 'ABDULLAH', 'RAHMAN', 'SYAMSUL', 'BAHRI', 'HASAN', 'HUSAIN', 'AMIRUDDIN',
  'SALEH', 'RUSLAN', 'JUSMAN', 'IRWAN', 'SUDIRMAN', 'NURDIN', 'HAMZAH', 'ILHAM', 'RIZKY', 'FAJAR',
  'ARIFIN', 'AKBAR', 'MAPPA', 'PATAHUDDIN', 'TAHIR', 'YUSUF', 'IDRIS', 'KADIR', 'HAERUDDIN', 'MUSTAFA',
  'RASYID', 'SAMSU', 'ZAINAL', 'ANSAR', 'ALIMUDDIN', 'JAMALUDDIN', 'FIRMAN', 'HERMAN', 'ASWAR', 'SAHABUDDIN',
  'DAHLAN', 'RAHMAT', 'HIDAYAT', 'ADITYA', 'FAHRI', 'ALIF', 'ARYA', 'DIMAS', 'RAFLI', 'SYAHRIR',
];
const FEMALE = [
  'NURHAYATI', 'HAWANG', 'SITTI', 'AISYAH', 'FATIMAH', 'HASNAH', 'RAHMAWATI', 'NURJANNAH', 'MARWAH', 'SAHARIA',
  'TENRI', 'BUNGA', 'INDO', 'HADIJAH', 'KARTINI', 'MASNI', 'NURLIA', 'SUHARTINI', 'WAHIDAH', 'HASMAWATI',
  'ERNAWATI', 'MUSDALIFAH', 'NURAENI', 'RISMAWATI', 'SALMAH', 'SAODAH', 'ASTUTI', 'JUMRIATI', 'NURHAEDAH',
  'FITRI', 'AYU', 'PUTRI', 'DEWI', 'NABILA', 'AULIA', 'ZAHRA', 'ANISA', 'INDAH', 'SRI', 'MELATI',
];
const SECOND = ['RAHMAN', 'ALI', 'SYAM', 'AMIN', 'HAMID', 'SAID', 'TAHIR', 'RAUF', 'ZAINUDDIN', 'JUFRI', 'SALAM', 'MAKKA'];
const OLD_SPELLING = ['DJAMALUDDIN', 'SOEKARNO', 'TJOKRO', 'DJUMADI', 'SOEDIRMAN', 'DJAFAR', 'TJAHJA', 'SOEHARTO', 'DJUMRAH'];
const OLD_SPELLING_F = ['SOEMIATI', 'DJOHRA', 'TJITJI', 'DJAMILAH', 'SOEHARTINI'];
const MUHAMMAD = ['MUHAMMAD', 'MUHAMMAD', 'MUHAMMAD', 'MUH.', 'MUH', 'M.', 'MOH.', 'MUHAMAD', 'MOHAMMAD'];

/** A male full name as SIAK would hold it (upper case). */
export function maleName(prng: Prng, birthYear: number): string {
  const parts: string[] = [];
  if (birthYear < 1975 && prng.chance(0.12)) parts.push(prng.chance(0.6) ? 'H.' : 'DRS.');
  if (prng.chance(0.08)) parts.push('ANDI');
  else if (birthYear < 1960 && prng.chance(0.15)) parts.push('LA');
  if (prng.chance(0.25)) parts.push(prng.pick(MUHAMMAD));
  parts.push(birthYear < 1972 && prng.chance(0.2) ? prng.pick(OLD_SPELLING) : prng.pick(MALE));
  if (prng.chance(0.45)) parts.push(prng.pick(SECOND));
  if (prng.chance(0.05)) parts.push('DAENG', prng.pick(['MANGIRI', 'NGAI', 'SIJAYA', 'TOJENG']));
  return parts.join(' ');
}

/** A female full name as SIAK would hold it (upper case). */
export function femaleName(prng: Prng, birthYear: number): string {
  const parts: string[] = [];
  if (birthYear < 1975 && prng.chance(0.12)) parts.push('HJ.');
  if (prng.chance(0.08)) parts.push('ANDI');
  else if (birthYear < 1960 && prng.chance(0.15)) parts.push(prng.pick(['WE', 'I']));
  parts.push(birthYear < 1972 && prng.chance(0.2) ? prng.pick(OLD_SPELLING_F) : prng.pick(FEMALE));
  if (prng.chance(0.5)) parts.push(prng.pick([...FEMALE, 'BINTI ' + prng.pick(SECOND)]));
  return parts.join(' ');
}

export const BIRTH_PLACES: readonly (readonly [string, number])[] = [
  ['PAREPARE', 70], ['PARE-PARE', 6], ['MAKASSAR', 6], ['UJUNG PANDANG', 2], ['PINRANG', 4], ['SIDRAP', 3],
  ['BARRU', 3], ['ENREKANG', 2], ['BONE', 1], ['WAJO', 1], ['SOPPENG', 1], ['JAKARTA', 1],
];

export const STREETS = [
  'JL. BAU MASSEPE', 'JL. ANDI MAKKASAU', 'JL. JEND. SUDIRMAN', 'JL. LASINRANG', 'JL. BAWAKARAENG', 'JL. H. AGUS SALIM',
  'JL. SULTAN HASANUDDIN', 'JL. MATTIROTASI', 'JL. JEND. AHMAD YANI', 'JL. LAHALEDE', 'JL. BANDAR MADANI',
  'JL. LAKESSI', 'JL. KESATRIA', 'JL. WEKKE\'E', 'JL. ABU BAKAR LAMBOGO', 'JL. BETA', 'JL. RUSA', 'JL. PANGGARAN',
];

/** Spelling variants an agency clerk produces: MUH. vs MUHAMMAD, dropped or added titles. */
export function nameVariant(prng: Prng, name: string): { name: string; kind: string } {
  const words = name.split(' ');
  if (words.some((w) => MUHAMMAD.includes(w))) {
    const alt = name.replace(/\b(MUHAMMAD|MUH\.?|M\.|MOH\.|MUHAMAD|MOHAMMAD)(?=\s)/, prng.pick(['MUH.', 'M.', 'MUHAMMAD', 'MUH']));
    if (alt !== name) return { name: alt, kind: 'NAMA_VARIAN_MUHAMMAD' };
  }
  if (/^(H\.|HJ\.|DRS\.) /.test(name)) return { name: name.replace(/^(H\.|HJ\.|DRS\.) /, ''), kind: 'NAMA_TANPA_GELAR' };
  if (/OE|DJ|TJ/.test(name)) return { name: name.replace(/OE/g, 'U').replace(/DJ/g, 'J').replace(/TJ/g, 'C'), kind: 'NAMA_EJAAN_LAMA' };
  return { name: words.length > 1 ? name + ', S.PD' : 'HJ. ' + name, kind: 'NAMA_TAMBAH_GELAR' };
}
