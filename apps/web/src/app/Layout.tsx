import { Suspense, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { NavLink, Outlet, useLocation, useNavigate } from 'react-router';
import { type MemberResponse, NetworkRole, type NotificationResponse, type Page } from '@lcc/contracts';
import { api } from '../api/client';
import { useRealtime } from '../api/realtime';
import { useSession } from '../api/session';
import { LANGUAGES, type LanguageCode, isLanguage, setLanguage } from '../i18n';
import { ErrorBoundary } from '../ui/ErrorBoundary';
import { Loading } from '../ui/states';
import { useApi } from '../ui/use-api';

/** Switches the interface at once; a signed-in member's choice is also saved to their profile, for every browser. */
function LanguageSwitcher() {
  const { t, i18n } = useTranslation();
  const { state, updateMember } = useSession();
  const choose = async (language: LanguageCode) => {
    await setLanguage(language);
    if (state.status !== 'signed_in' || state.member.language === language) return;
    // Saving is a convenience: the interface has already switched, so a failure leaves it as chosen on this device.
    const saved = await api<MemberResponse>('/members/me', { method: 'PATCH', body: { language } }).catch(() => null);
    if (saved) updateMember(saved);
  };
  return (
    <label className="language">
      <span className="visually-hidden">{t('language')}</span>
      <select
        value={i18n.resolvedLanguage ?? i18n.language}
        onChange={(event) => isLanguage(event.target.value) && void choose(event.target.value)}
        aria-label={t('language')}
      >
        {LANGUAGES.map((language) => (
          <option key={language.code} value={language.code} lang={language.code}>
            {language.name}
          </option>
        ))}
      </select>
    </label>
  );
}

/** The bell's count: the query layer adds each `notification.created` to this list as it arrives. */
function useUnreadNotifications(signedIn: boolean) {
  const unread = useApi<Page<NotificationResponse>>(signedIn ? '/notifications?unread=true&limit=100' : null);
  return signedIn ? (unread.data?.items.length ?? 0) : 0;
}

/** Registrations waiting for approval, for the admin link; kept current by `member.changed`. */
function usePendingRegistrations(staff: boolean) {
  const pending = useApi<Page<MemberResponse>>(staff ? '/members?status=pending&limit=100' : null);
  return staff ? (pending.data?.items.length ?? 0) : 0;
}

/**
 * The search box: a small form beside the account links that opens the results page (loaded on demand), and at
 * phone width an icon in the header's one row that opens the same page, whose own box takes the words.
 */
function HeaderSearch() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const location = useLocation();
  const current = location.pathname === '/search' ? (new URLSearchParams(location.search).get('q') ?? '') : '';
  return (
    <>
      <form
        role="search"
        className="header-search"
        onSubmit={(event) => {
          event.preventDefault();
          const q = String(new FormData(event.currentTarget).get('q') ?? '').trim();
          if (q) navigate(`/search?q=${encodeURIComponent(q)}`);
        }}
      >
        <input
          key={current}
          type="search"
          name="q"
          defaultValue={current}
          aria-label={t('searchPortal')}
          placeholder={t('searchPortal')}
        />
      </form>
      <NavLink to="/search" className="search-open" aria-label={t('searchPortal')}>
        <span aria-hidden="true">🔍</span>
      </NavLink>
    </>
  );
}

function ConnectionBanner() {
  const { t } = useTranslation();
  const { connection } = useRealtime();
  if (connection !== 'reconnecting') return null;
  return (
    <div className="banner" role="status" aria-live="polite">
      {t('reconnecting')}
    </div>
  );
}

export function Layout() {
  const { t } = useTranslation();
  const { state, signOut } = useSession();
  const navigate = useNavigate();
  const location = useLocation();
  const member = state.member;
  const unread = useUnreadNotifications(Boolean(member));
  const staff = member && (member.role === NetworkRole.Admin || member.role === NetworkRole.Coordinator);
  // On a phone the navigation and the account links fold into a menu, closed again by every navigation.
  const [menuOpen, setMenuOpen] = useState(false);
  useEffect(() => setMenuOpen(false), [location.pathname]);
  const pending = usePendingRegistrations(Boolean(staff));

  return (
    <>
      <a className="skip-link" href="#main">
        {t('skipToContent')}
      </a>
      <header className={menuOpen ? 'top menu-open' : 'top'}>
        <NavLink to="/" className="brand">
          {t('appName')}
        </NavLink>
        {member && (
          // One bell for every width: beside the account links on a wide screen, beside the menu on a phone.
          <NavLink to="/" className="bell" aria-label={t('notificationsUnread', { count: unread })}>
            <span aria-hidden="true">🔔</span>
            {unread > 0 && <span className="badge">{unread}</span>}
          </NavLink>
        )}
        <button
          type="button"
          className="menu-toggle secondary"
          aria-expanded={menuOpen}
          aria-controls="site-menu site-actions"
          onClick={() => setMenuOpen((open) => !open)}
        >
          <span aria-hidden="true">☰</span> {t('menu')}
        </button>
        <nav id="site-menu" aria-label={t('mainNavigation')}>
          <ul>
            {member ? (
              <>
                <li>
                  <NavLink to="/groups">{t('nav.groups')}</NavLink>
                </li>
                <li>
                  <NavLink to="/meetings">{t('nav.meetings')}</NavLink>
                </li>
                <li>
                  <NavLink to="/documents">{t('nav.documents')}</NavLink>
                </li>
                <li>
                  <NavLink to="/rooms">{t('nav.discussions')}</NavLink>
                </li>
                <li>
                  <NavLink to="/directory">{t('nav.directory')}</NavLink>
                </li>
                {staff && (
                  <li>
                    <NavLink to="/admin">
                      {t('nav.admin')}
                      {pending > 0 && (
                        <>
                          <span className="badge" aria-hidden="true">
                            {pending}
                          </span>
                          <span className="visually-hidden">{t('nav.adminPending', { count: pending })}</span>
                        </>
                      )}
                    </NavLink>
                  </li>
                )}
              </>
            ) : (
              <li>
                <NavLink to="/library">{t('nav.library')}</NavLink>
              </li>
            )}
            <li>
              <NavLink to="/cities">{t('nav.cities')}</NavLink>
            </li>
            <li>
              <NavLink to="/eco-labels">{t('nav.ecoLabels')}</NavLink>
            </li>
          </ul>
        </nav>
        {member && <HeaderSearch />}
        <div id="site-actions" className="top-actions">
          <LanguageSwitcher />
          {member ? (
            <>
              <NavLink to="/settings">{member.displayName}</NavLink>
              <button type="button" className="link" onClick={() => void signOut().then(() => navigate('/sign-in'))}>
                {t('signOut')}
              </button>
            </>
          ) : (
            state.status === 'anonymous' && (
              <>
                <NavLink to="/sign-in">{t('signIn')}</NavLink>
                <NavLink to="/register" className="button">
                  {t('register')}
                </NavLink>
              </>
            )
          )}
        </div>
      </header>
      <ConnectionBanner />
      <main id="main" tabIndex={-1}>
        <ErrorBoundary resetKey={location.pathname}>
          <Suspense fallback={<Loading />}>
            <Outlet />
          </Suspense>
        </ErrorBoundary>
      </main>
    </>
  );
}
