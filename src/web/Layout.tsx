import { useEffect, useRef, type ReactElement, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'wouter';
import { useSession } from './auth/session.tsx';
import { useFlash } from './shell/flash.tsx';
import { LanguageSwitch } from './shell/LanguageSwitch.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me, signOut } = useSession();
  const flash = useFlash();
  const [location, navigate] = useLocation();
  const firstPath = useRef(location);

  // After an in-app navigation, move focus to the new page's heading so screen readers announce it.
  useEffect(() => {
    if (location === firstPath.current) return;
    firstPath.current = '';
    // A page still loading has no heading yet: the main region is the next best landmark.
    const target =
      document.querySelector<HTMLElement>('main h1') ?? document.getElementById('main');
    target?.focus({ preventScroll: false });
  }, [location]);

  // A flash message belongs to the page it was meant for; leaving that page forgets it.
  const { flash: shown, clear } = flash;
  useEffect(() => {
    if (shown && shown.path !== location) clear();
  }, [location, shown, clear]);

  async function onSignOut() {
    await signOut().catch(() => undefined);
    flash.show(t('auth.signedOut'), '/directory');
    navigate('/directory');
  }

  const inDirectory = location.startsWith('/directory');
  return (
    <>
      <a className="skip-link" href="#main">
        {t('app.skipToContent')}
      </a>
      <header>
        {me?.coalition.isDemo && (
          <p className="demo-banner" role="note">
            {t('app.demoBanner')}
          </p>
        )}
        <div className="site-header">
          <Link href="/directory" className="brand">
            <span className="brand-mark" aria-hidden="true" />
            {t('app.name')}
          </Link>
          <nav aria-label={t('nav.main')} className="main-nav">
            <ul>
              <NavItem href="/directory" current={inDirectory}>
                {t('nav.directory')}
              </NavItem>
              <NavItem href="/atlas" current={location.startsWith('/atlas')}>
                {t('atlas.nav')}
              </NavItem>
              <NavItem href="/analysis/overlap" current={location.startsWith('/analysis/overlap')}>
                {t('overlap.nav')}
              </NavItem>
              <NavItem href="/events" current={location.startsWith('/events')}>
                {t('events.listTitle')}
              </NavItem>
              {me && (
                <NavItem href="/factors" current={location.startsWith('/factors')}>
                  {t('factors.nav')}
                </NavItem>
              )}
              {me ? (
                <NavItem href="/patterns" current={location.startsWith('/patterns')}>
                  {t('patterns.nav')}
                </NavItem>
              ) : (
                <NavItem href="/spectrum" current={location.startsWith('/spectrum')}>
                  {t('patterns.nav')}
                </NavItem>
              )}
              {me && (
                <NavItem href="/commitments" current={location.startsWith('/commitments')}>
                  {t('commitments.nav')}
                </NavItem>
              )}
              <NavItem href="/data" current={location.startsWith('/data')}>
                {t('data.nav')}
              </NavItem>
              {me?.can.manageMembers && (
                <NavItem href="/members" current={location.startsWith('/members')}>
                  {t('members.nav')}
                </NavItem>
              )}
            </ul>
          </nav>
          <LanguageSwitch remember={!!me} />
          {me && (
            <p className="who">
              <span className="who-name">
                {t('nav.signedInAs', { name: me.user.displayName, role: t(`roles.${me.role}`) })}
              </span>{' '}
              <span className="who-coalition">{me.coalition.name}</span>{' '}
              <Link href="/account/security" className="who-security">
                {t('members.securityNav')}
              </Link>
            </p>
          )}
          <div className="account">
            {me ? (
              <button type="button" className="btn btn-quiet" onClick={onSignOut}>
                {t('nav.signOut')}
              </button>
            ) : me === null && !location.startsWith('/login') ? (
              <Link href={`/login?next=${encodeURIComponent(location)}`} className="btn btn-quiet">
                {t('nav.signIn')}
              </Link>
            ) : null}
          </div>
        </div>
      </header>
      <main id="main" tabIndex={-1}>
        {shown?.path === location && (
          <p className="alert alert-ok" role="status">
            {shown.message}
          </p>
        )}
        {children}
      </main>
      <footer className="site-footer">
        <p>
          {t('app.tagline')} · <a href="/api/docs">{t('app.apiDocs')}</a>
        </p>
        <p className="muted">{t('app.footer')}</p>
      </footer>
    </>
  );
}

/** One entry of the main navigation; `current` marks the section the page belongs to. */
function NavItem({
  href,
  current,
  children,
}: {
  href: string;
  current: boolean;
  children: ReactNode;
}): ReactElement {
  return (
    <li>
      <Link href={href} aria-current={current ? 'page' : undefined}>
        {children}
      </Link>
    </li>
  );
}
