import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Redirect, useLocation, useSearch } from 'wouter';
import { useSession } from './session.tsx';

/** Sends a visitor to the log-in page and back here afterwards. */
export function RequireSignIn({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  if (me === undefined) return <p className="muted">{t('app.loading')}</p>;
  if (me === null) {
    const here = location + (search ? `?${search}` : '');
    return <Redirect to={`/login?next=${encodeURIComponent(here)}`} replace />;
  }
  return <>{children}</>;
}
