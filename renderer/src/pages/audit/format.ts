// Display helpers for audit entries. The detail object is free-form JSON per action, so it
// is summarised generically; the full JSON stays available in the cell's tooltip.

/** Local date and time as the office reads it (dd/mm/yyyy hh.mm.ss in id-ID). */
export function formatWhen(iso: string, lng: string): string {
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleString(lng === 'en' ? 'en-GB' : 'id-ID', { dateStyle: 'short', timeStyle: 'medium' });
}

function valueText(v: unknown): string {
  if (v === null || v === undefined) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'number' || typeof v === 'boolean') return String(v);
  if (Array.isArray(v)) return v.map(valueText).join(', ');
  // Nested objects (status counts, before/after) read best as k=v pairs.
  return Object.entries(v as Record<string, unknown>)
    .map(([k, x]) => `${k}=${valueText(x)}`)
    .join(' ');
}

/** "key: value · key: value", cut to `max` characters. */
export function summarizeDetail(detail: Record<string, unknown>, max = 140): string {
  const text = Object.entries(detail)
    .map(([k, v]) => `${k}: ${valueText(v)}`)
    .join(' · ');
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** yyyy-mm-dd of today in local time, for default file names. */
export function todayStamp(): string {
  const d = new Date();
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}${p(d.getMonth() + 1)}${p(d.getDate())}`;
}
