// A lenient name filter for searchByNameAndBirthDate. The registry only narrows the
// candidates (same birth date, name alike); the matching engine scores them with the full
// normalisation of domain.md §5, so this errs on the side of returning too many.
const TITLES = new Set(['H', 'HJ', 'DRS', 'DRA', 'DR', 'IR', 'SPD', 'SE', 'SH', 'ST', 'AMD', 'SKM', 'SKEP', 'SSOS', 'MM', 'MPD', 'SAG', 'SPDI']);
const MUHAMMAD = new Set(['MUH', 'MOH', 'MHD', 'M', 'MUHAMAD', 'MOHAMMAD', 'MOHAMAD', 'MOCHAMMAD', 'MUHAMMAD']);

export function nameWords(name: string): string[] {
  return name
    .toUpperCase()
    .replace(/OE/g, 'U').replace(/DJ/g, 'J').replace(/TJ/g, 'C')
    .replace(/[.,'`]/g, '').replace(/[^A-Z ]/g, ' ')
    .split(/\s+/)
    .filter((w) => w && !TITLES.has(w))
    .map((w) => (MUHAMMAD.has(w) ? 'MUHAMMAD' : w === 'ABD' ? 'ABDUL' : w === 'DG' ? 'DAENG' : w));
}

const COMMON = new Set(['MUHAMMAD', 'ANDI', 'DAENG', 'LA', 'WE', 'I', 'ABDUL', 'BINTI', 'BIN', 'SITTI', 'SITI']);

function jaroWinkler(a: string, b: string): number {
  if (a === b) return 1;
  const range = Math.max(0, Math.floor(Math.max(a.length, b.length) / 2) - 1);
  const am = new Array<boolean>(a.length).fill(false), bm = new Array<boolean>(b.length).fill(false);
  let m = 0;
  for (let i = 0; i < a.length; i++) {
    for (let j = Math.max(0, i - range); j < Math.min(b.length, i + range + 1); j++) {
      if (!bm[j] && a[i] === b[j]) { am[i] = bm[j] = true; m++; break; }
    }
  }
  if (!m) return 0;
  let t = 0, k = 0;
  for (let i = 0; i < a.length; i++) if (am[i]) { while (!bm[k]) k++; if (a[i] !== b[k++]) t++; }
  const jaro = (m / a.length + m / b.length + (m - t / 2) / m) / 3;
  let p = 0;
  while (p < 4 && a[p] === b[p]) p++;
  return jaro + p * 0.1 * (1 - jaro);
}

/** Equal or alike: a shared distinctive word, or whole names close by Jaro-Winkler. */
export function namesResemble(query: string, candidate: string): boolean {
  const q = nameWords(query), c = nameWords(candidate);
  const cs = new Set(c);
  if (q.some((w) => !COMMON.has(w) && w.length > 1 && cs.has(w))) return true;
  return jaroWinkler(q.join(' '), c.join(' ')) >= 0.85;
}
