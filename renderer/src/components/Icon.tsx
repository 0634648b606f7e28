// A handful of line icons drawn inline: no icon font, nothing loaded from outside (CSP).
const PATHS: Record<string, string> = {
  beranda: 'M3 11l9-8 9 8M5 10v10h5v-6h4v6h5V10',
  impor: 'M12 3v12m0 0l-4-4m4 4l4-4M4 17v3h16v-3',
  koreksi: 'M4 20h4L19 9l-4-4L4 16v4zM14 6l4 4',
  laporan: 'M6 3h9l5 5v13H6zM14 3v6h6M9 13h8M9 17h8',
  pengaturan: 'M12 9a3 3 0 100 6 3 3 0 000-6zM4 12h2m12 0h2M12 4v2m0 12v2M6.3 6.3l1.4 1.4m8.6 8.6l1.4 1.4M6.3 17.7l1.4-1.4m8.6-8.6l1.4-1.4',
  audit: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z M9 12l2 2 4-4',
  lock: 'M6 11h12v10H6zM8 11V7a4 4 0 018 0v4',
  shield: 'M12 3l8 3v6c0 5-3.5 8-8 9-4.5-1-8-4-8-9V6z',
  db: 'M4 6c0-1.7 3.6-3 8-3s8 1.3 8 3-3.6 3-8 3-8-1.3-8-3zm0 0v12c0 1.7 3.6 3 8 3s8-1.3 8-3V6M4 12c0 1.7 3.6 3 8 3s8-1.3 8-3',
  search: 'M11 4a7 7 0 100 14 7 7 0 000-14zM20 20l-4-4',
};

export function Icon({ name, size = 18 }: { name: keyof typeof PATHS | string; size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 24 24" fill="none" stroke="currentColor" strokeWidth={1.8}
      strokeLinecap="round" strokeLinejoin="round" aria-hidden="true">
      <path d={PATHS[name] ?? ''} />
    </svg>
  );
}
