import { useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, useLocation } from 'react-router-dom';
import { setLanguage } from '../i18n/index.ts';
import { Icon } from './Icon.tsx';

export const NAV = ['beranda', 'impor', 'koreksi', 'laporan', 'pengaturan', 'audit'] as const;

export interface LayoutProps {
  children: ReactNode;
  operator?: { displayName: string; role: string } | null;
  onLock?: () => void;
  onSignOut?: () => void;
  statusSlot?: ReactNode;
}

/** The application frame: navigation on the left, the page on the right; fits 1366x768. */
export function Layout({ children, operator, onLock, onSignOut, statusSlot }: LayoutProps) {
  const { t, i18n } = useTranslation();
  // The review grid needs the width of a 1366 px screen: there the navigation folds to icons
  // unless the operator chose otherwise (remembered).
  const { pathname } = useLocation();
  const [pref, setPref] = useState<boolean | null>(() => {
    const v = localStorage.getItem('padan.sidebar');
    return v === null ? null : v === 'collapsed';
  });
  const collapsed = pref ?? pathname.startsWith('/koreksi');
  const toggle = () => {
    localStorage.setItem('padan.sidebar', collapsed ? 'open' : 'collapsed');
    setPref(!collapsed);
  };
  return (
    <div className={'app' + (collapsed ? ' collapsed' : '')}>
      <aside className="sidebar">
        <div className="brand">
          <div className="brand-mark" aria-hidden="true">P</div>
          <div className="brand-text">
            <div className="brand-name">{t('appName')}</div>
            <div className="brand-sub">{t('office')}</div>
          </div>
          <button className="fold" onClick={toggle} aria-label={collapsed ? t('expandNav') : t('collapseNav')} title={collapsed ? t('expandNav') : t('collapseNav')}>
            {collapsed ? '»' : '«'}
          </button>
        </div>
        <nav aria-label="Navigasi utama">
          {NAV.map((key) => (
            <NavLink key={key} to={`/${key}`} title={t(`nav.${key}`)} className={({ isActive }) => 'nav-item' + (isActive ? ' active' : '')}>
              <Icon name={key} />
              <span className="nav-text">
                <span className="nav-label">{t(`nav.${key}`)}</span>
                <span className="nav-hint">{t(`navHint.${key}`)}</span>
              </span>
            </NavLink>
          ))}
        </nav>
        <div className="sidebar-foot">
          <div className="lang" role="group" aria-label={t('language')}>
            <button className={i18n.language === 'id' ? 'on' : ''} onClick={() => setLanguage('id')}>ID</button>
            <button className={i18n.language === 'en' ? 'on' : ''} onClick={() => setLanguage('en')}>EN</button>
          </div>
          <div className="enc"><Icon name="shield" size={14} /> {t('encrypted')}</div>
        </div>
      </aside>
      <div className="main">
        <header className="topbar">
          <div className="topbar-title">{t('appTagline')}</div>
          <div className="topbar-right">
            {statusSlot}
            {operator && (
              <>
                <span className="operator">{t('signedInAs', { name: operator.displayName })} · {operator.role}</span>
                {onLock && <button className="btn ghost small" onClick={onLock}><Icon name="lock" size={14} /> {t('lock')}</button>}
                {onSignOut && <button className="btn ghost small" onClick={onSignOut}>{t('signOut')}</button>}
              </>
            )}
          </div>
        </header>
        <main className="content">{children}</main>
      </div>
    </div>
  );
}
