// Dates, numbers and durations as an Indonesian office reads them (dd/mm/yyyy, 1.234).
import i18next from 'i18next';

const locale = () => (i18next.language === 'en' ? 'en-GB' : 'id-ID');

export function fmtNumber(n: number): string {
  return n.toLocaleString(locale());
}

export function fmtDate(iso: string | null | undefined): string {
  if (!iso) return '–';
  const [y, m, d] = iso.slice(0, 10).split('-');
  return `${d}/${m}/${y}`;
}

export function fmtDateTime(iso: string | null | undefined): string {
  if (!iso) return '–';
  const d = new Date(iso);
  return `${fmtDate(d.toISOString())} ${d.toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit' })}`;
}

export function fmtTime(iso: string): string {
  return new Date(iso).toLocaleTimeString(locale(), { hour: '2-digit', minute: '2-digit', second: '2-digit' });
}

/** 75 -> "1 mnt 15 dtk"; short forms keep the progress line on one row. */
export function fmtDuration(seconds: number | null): string {
  if (seconds === null || !Number.isFinite(seconds)) return '–';
  const s = Math.max(0, Math.round(seconds));
  const en = i18next.language === 'en';
  if (s < 60) return `${s} ${en ? 's' : 'dtk'}`;
  const m = Math.floor(s / 60);
  if (m < 60) return `${m} ${en ? 'min' : 'mnt'} ${s % 60} ${en ? 's' : 'dtk'}`;
  return `${Math.floor(m / 60)} ${en ? 'h' : 'jam'} ${m % 60} ${en ? 'min' : 'mnt'}`;
}
