// One accessor for a stored agency cell (batch_rows.cells). Import keeps the displayed text;
// older or future shapes may be objects like SheetJS cells ({t, v, w}) or {text}. Whatever
// the shape, the result file gives back the text the agency saw.

/** The displayed text of a stored cell; '' for empty. */
export function cellText(c: unknown): string {
  if (c === null || c === undefined) return '';
  if (typeof c === 'string') return c;
  if (typeof c === 'number') return Number.isFinite(c) ? String(c) : '';
  if (typeof c === 'boolean') return c ? 'TRUE' : 'FALSE';
  // Import's shape (shared/columns.ts SheetCell): [displayed text, raw number] for numeric cells.
  if (Array.isArray(c)) return c.length ? cellText(c[0]) : '';
  if (typeof c === 'object') {
    const o = c as Record<string, unknown>;
    for (const k of ['w', 'text', 'display', 'raw']) if (typeof o[k] === 'string') return o[k] as string;
    // {t: 'teks'}: t is text unless it is a one-letter SheetJS type code next to a value.
    if (typeof o.t === 'string' && (o.t.length > 1 || o.v === undefined)) return o.t;
    if (o.v !== undefined) return cellText(o.v);
  }
  return String(c);
}

/** Parses batch_rows.cells defensively: a broken value becomes an empty row, not a crash. */
export function parseCells(json: string | null): unknown[] {
  if (!json) return [];
  try {
    const v = JSON.parse(json) as unknown;
    return Array.isArray(v) ? v : [];
  } catch {
    return [];
  }
}
