import type { ReactNode } from 'react';
import { NavLink, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { useSession } from '../session';
import { LANGUAGES, setLanguage, type Language } from '../i18n/i18n';
import { visibleNav } from '../screen-registry';

export function LanguageSwitch() {
  const { t, i18n } = useTranslation();
  return (
    <label className="lang">
      <span className="sr-only">{t('common.language')}</span>
      <select
        aria-label={t('common.language')}
        value={i18n.language}
        onChange={(e) => setLanguage(e.target.value as Language)}
      >
        {LANGUAGES.map((l) => (
          <option key={l} value={l}>
            {l === 'zh-CN' ? '中文' : 'English'}
          </option>
        ))}
      </select>
    </label>
  );
}

/** Header, the navigation this user's permissions allow, and the screen. */
export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, logout } = useSession();
  const navigate = useNavigate();
  return (
    <div className="shell">
      <header className="top">
        <span className="brand">Lotline</span>
        <nav aria-label={t('nav.main')}>
          {me &&
            visibleNav(me).map((s) => (
              <NavLink key={s.path} to={s.path} end={s.end ?? false}>
                {t(s.nav!)}
              </NavLink>
            ))}
        </nav>
        <span className="spacer" />
        <LanguageSwitch />
        {me && (
          <>
            <span className="who">{me.name}</span>
            <button
              type="button"
              className="link"
              onClick={() => void logout().then(() => navigate('/login'))}
            >
              {t('nav.logout')}
            </button>
          </>
        )}
      </header>
      <main>{children}</main>
    </div>
  );
}
