// Bahasa Indonesia first, English second; one namespace per page so pages stay independent.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import enAudit from './en/audit.ts';
import enAuth from './en/auth.ts';
import enBeranda from './en/beranda.ts';
import enCommon from './en/common.ts';
import enImpor from './en/impor.ts';
import enKoreksi from './en/koreksi.ts';
import enLaporan from './en/laporan.ts';
import enPengaturan from './en/pengaturan.ts';
import enTrust from './en/trust.ts';
import idAudit from './id/audit.ts';
import idAuth from './id/auth.ts';
import idBeranda from './id/beranda.ts';
import idCommon from './id/common.ts';
import idImpor from './id/impor.ts';
import idKoreksi from './id/koreksi.ts';
import idLaporan from './id/laporan.ts';
import idPengaturan from './id/pengaturan.ts';
import idTrust from './id/trust.ts';

export const resources = {
  id: {
    common: idCommon,
    beranda: idBeranda,
    impor: idImpor,
    koreksi: idKoreksi,
    laporan: idLaporan,
    pengaturan: idPengaturan,
    audit: idAudit,
    auth: idAuth,
    trust: idTrust,
  },
  en: {
    common: enCommon,
    beranda: enBeranda,
    impor: enImpor,
    koreksi: enKoreksi,
    laporan: enLaporan,
    pengaturan: enPengaturan,
    audit: enAudit,
    auth: enAuth,
    trust: enTrust,
  },
} as const;

const saved = typeof localStorage !== 'undefined' ? localStorage.getItem('padan.lang') : null;

void i18next.use(initReactI18next).init({
  resources,
  lng: saved === 'en' ? 'en' : 'id',
  fallbackLng: 'id',
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

export function setLanguage(lng: 'id' | 'en'): void {
  localStorage.setItem('padan.lang', lng);
  void i18next.changeLanguage(lng);
  document.documentElement.lang = lng;
}

export default i18next;
