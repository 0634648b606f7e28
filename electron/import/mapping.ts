// Column mapping: which column holds which domain field. Sources, strongest first: the
// user's explicit map, the agency's saved map, header names, then the content itself
// (a column of 16-digit values is a NIK column). Unmapped columns are kept as they are.
import { FIELDS, type Field } from '../../shared/domain.ts';
import { cellNumber, cellText, columnIndex, columnLetter, guessField, normalizeHeader, type SheetCell } from '../../shared/columns.ts';
import { splitTtl } from '../../shared/dates.ts';
import { importErrors } from './errors.ts';

export type MappingSource = 'MANUAL' | 'SAVED' | 'HEADER' | 'CONTENT';

export interface ColumnMapping {
  field: Field;
  /** 0-based column index. */
  column: number;
  /** Column letters as Excel shows them. */
  letter: string;
  header: string;
  confidence: number;
  source: MappingSource;
}

export interface UnmappedColumn {
  column: number;
  letter: string;
  header: string;
}

/** A map the user typed ("NIK=B,NAMA=C") or the agency's saved one ({NIK: "NO. NIK"}). */
export type MapSpec = string | Partial<Record<Field, string | number>>;

const ALIASES: Readonly<Record<string, Field>> = Object.assign(Object.create(null) as Record<string, Field>, {
  TGL_LAHIR: 'TGL_LHR', TANGGAL_LAHIR: 'TGL_LHR', TEMPAT_LAHIR: 'TMPT_LHR', TMPT_LAHIR: 'TMPT_LHR',
  JK: 'JENIS_KELAMIN', KK: 'NO_KK', IBU: 'NAMA_IBU', NAMA_LENGKAP: 'NAMA',
});

function toField(name: string): Field | null {
  const k = name.trim().toUpperCase().replace(/[\s.-]+/g, '_');
  if ((FIELDS as readonly string[]).includes(k)) return k as Field;
  return ALIASES[k] ?? null;
}

/** Parses "NIK=B,NAMA=C" into field -> column reference; BAD_MAP on nonsense. */
export function parseMapSpec(spec: MapSpec): Map<Field, string | number> {
  const out = new Map<Field, string | number>();
  const pairs: [string, string | number][] =
    typeof spec === 'string'
      ? spec.split(/[,;]/).filter((p) => p.trim() !== '').map((p) => {
          const eq = p.indexOf('=');
          if (eq < 1) throw importErrors.badMap(`"${p.trim()}" bukan pasangan KOLOM=KOLOM`);
          return [p.slice(0, eq), p.slice(eq + 1).trim()];
        })
      : Object.entries(spec).filter((e): e is [string, string | number] => e[1] !== undefined && e[1] !== null);
  for (const [name, ref] of pairs) {
    const field = toField(name);
    if (!field) throw importErrors.badMap(`"${name.trim()}" bukan nama kolom yang dikenal (${FIELDS.join(', ')})`);
    if (ref === '') throw importErrors.badMap(`kolom untuk ${field} kosong`);
    out.set(field, ref);
  }
  return out;
}

/** Column index for a reference: exact header text first, then letters (B), then a number (2). */
function resolveRef(ref: string | number, headers: string[], width: number): number {
  if (typeof ref === 'number') return Number.isInteger(ref) && ref >= 0 && ref < width ? ref : -1;
  const want = normalizeHeader(ref);
  const byHeader = headers.findIndex((h) => h !== '' && normalizeHeader(h) === want);
  if (byHeader >= 0) return byHeader;
  const letters = columnIndex(ref.trim());
  if (letters >= 0 && letters < width) return letters;
  if (/^\d+$/.test(ref.trim())) {
    const n = Number(ref.trim()) - 1;
    if (n >= 0 && n < width) return n;
  }
  return -1;
}

interface Candidate {
  field: Field;
  column: number;
  confidence: number;
  source: MappingSource;
}

export interface MapInput {
  headers: string[];
  headerParts: string[][];
  /** Data rows to sniff (a sample is enough). */
  sample: SheetCell[][];
  width: number;
  map?: MapSpec;
  savedMap?: MapSpec | null;
}

export function mapColumns(input: MapInput): { mapping: ColumnMapping[]; unmapped: UnmappedColumn[] } {
  const { headers, headerParts, sample, width } = input;
  const cands: Candidate[] = [];
  if (input.map) {
    for (const [field, ref] of parseMapSpec(input.map)) {
      const col = resolveRef(ref, headers, width);
      if (col < 0) throw importErrors.badMap(`kolom "${ref}" untuk ${field} tidak ada di lembar ini`);
      cands.push({ field, column: col, confidence: 1, source: 'MANUAL' });
    }
  }
  if (input.savedMap) {
    try {
      for (const [field, ref] of parseMapSpec(input.savedMap)) {
        // A saved map is only a hint: it applies where the same header text is found again.
        if (typeof ref !== 'string') continue;
        const col = headers.findIndex((h) => h !== '' && normalizeHeader(h) === normalizeHeader(ref));
        if (col >= 0) cands.push({ field, column: col, confidence: 1, source: 'SAVED' });
      }
    } catch {
      // A damaged saved map must not block an import: the headers still work.
    }
  }
  const stats = Array.from({ length: width }, (_, c) => columnStats(sample, c));
  for (let c = 0; c < width; c++) {
    for (const part of headerParts[c] ?? []) {
      const g = guessField(part);
      if (!g) continue;
      if (g.field) {
        let conf = g.confidence;
        if (g.field === 'NIK' && stats[c]!.nik >= 0.5) conf = Math.min(1, conf + 0.15);
        if (g.field === 'NIK' && stats[c]!.filled > 0 && stats[c]!.nik < 0.1) conf *= 0.7;
        cands.push({ field: g.field, column: c, confidence: conf, source: 'HEADER' });
      }
      break;
    }
  }
  const headerFields = new Set(cands.map((k) => k.field));
  const claimed = new Set(cands.map((k) => k.column));
  const free = (c: number): boolean => !claimed.has(c) && !(headerParts[c] ?? []).some((p) => guessField(p)?.field === null);
  // Content sniffing for fields the headers did not name.
  const byContent = (field: Field, key: keyof ColumnStats, min: number): void => {
    if (headerFields.has(field)) return;
    let best = -1;
    for (let c = 0; c < width; c++) if (free(c) && stats[c]![key] >= min && (best < 0 || stats[c]![key] > stats[best]![key])) best = c;
    if (best >= 0) cands.push({ field, column: best, confidence: 0.4 + 0.4 * stats[best]![key], source: 'CONTENT' });
  };
  byContent('NIK', 'nik', 0.5);
  byContent('JENIS_KELAMIN', 'sex', 0.8);
  if (!headerFields.has('TGL_LHR')) byContent('TTL', 'ttl', 0.6);

  cands.sort((a, b) => rank(b) - rank(a) || a.column - b.column);
  const taken = new Set<number>();
  const done = new Set<Field>();
  const mapping: ColumnMapping[] = [];
  for (const k of cands) {
    if (done.has(k.field) || taken.has(k.column)) continue;
    done.add(k.field);
    taken.add(k.column);
    mapping.push({ ...k, letter: columnLetter(k.column), header: headers[k.column] ?? '', confidence: Math.round(k.confidence * 100) / 100 });
  }
  mapping.sort((a, b) => FIELDS.indexOf(a.field) - FIELDS.indexOf(b.field));
  const unmapped: UnmappedColumn[] = [];
  for (let c = 0; c < width; c++) {
    if (!taken.has(c)) unmapped.push({ column: c, letter: columnLetter(c), header: headers[c] ?? '' });
  }
  return { mapping, unmapped };
}

const SOURCE_RANK: Record<MappingSource, number> = { MANUAL: 3, SAVED: 2, HEADER: 1, CONTENT: 0 };
function rank(k: Candidate): number {
  return SOURCE_RANK[k.source] * 10 + k.confidence;
}

interface ColumnStats {
  filled: number;
  nik: number;
  sex: number;
  ttl: number;
}

function columnStats(sample: SheetCell[][], c: number): ColumnStats {
  let filled = 0;
  let nik = 0;
  let sex = 0;
  let ttl = 0;
  for (const row of sample) {
    const cell = row[c];
    const t = cellText(cell).trim();
    if (t === '') continue;
    filled++;
    const n = cellNumber(cell);
    if ((n !== undefined && n >= 1e15 && n < 1e16) || /^'?\d{16}$/.test(t.replace(/[\s.-]/g, '')) || /^\d(\.\d+)?E\+15$/i.test(t)) nik++;
    if (/^(L|P|LK|PR|LAKI[- ]?LAKI|PEREMPUAN|PRIA|WANITA)$/i.test(t)) sex++;
    if (/[A-Za-z]/.test(t) && /,/.test(t) && splitTtl(t).date.ok) ttl++;
  }
  const d = filled || 1;
  return { filled, nik: nik / d, sex: sex / d, ttl: ttl / d };
}

/** The confirmed mapping as saved per agency: field -> header text (columns may move). */
export function toSavedMap(mapping: ColumnMapping[]): Partial<Record<Field, string>> {
  const out: Partial<Record<Field, string>> = {};
  for (const m of mapping) if (m.header) out[m.field] = m.header;
  return out;
}
