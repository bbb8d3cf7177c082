import { useTranslation } from 'react-i18next';
import { Link, useLocation, useSearch } from 'wouter';
import { useSession } from '../auth/session.tsx';
import { useTitle } from '../shell/useTitle.ts';
import './atlas.css';
import { FlowsTab } from './FlowsTab.tsx';
import { GapsTab } from './GapsTab.tsx';
import { ImportTab } from './ImportTab.tsx';
import { MapTab } from './MapTab.tsx';
import { RouteForm } from './RouteForm.tsx';
import { RoutesTab } from './RoutesTab.tsx';

const TABS = ['map', 'flows', 'gaps', 'routes', 'add', 'import'] as const;
/** Tabs for signed-in members only (routes one by one are never public). */
const SIGNED_IN: readonly Tab[] = ['routes', 'add', 'import'];
type Tab = (typeof TABS)[number];

/**
 * /atlas, /atlas/flows, /atlas/gaps, /atlas/routes, /atlas/add, /atlas/import, and /atlas/screen
 * for a projector.
 */
export default function AtlasPage({ tab }: { tab?: string | undefined }) {
  const { t } = useTranslation();
  const { me } = useSession();
  const [location] = useLocation();
  const search = useSearch();
  const current: Tab = (TABS as readonly string[]).includes(tab ?? '') ? (tab as Tab) : 'map';
  useTitle(t(`atlas.tabs.${current}`));
  if (tab === 'screen') return <MapTab projector />;
  const needsSignIn = SIGNED_IN.includes(current) && !me;
  const keep = search ? `?${search}` : '';
  return (
    <div className="atlas">
      <div className="page-head">
        <h1 tabIndex={-1}>{t('atlas.title')}</h1>
        <Link className="btn btn-quiet" href={`/atlas/screen${keep}`}>
          {t('atlas.projector')}
        </Link>
      </div>
      <nav aria-label={t('atlas.tabsLabel')} className="atlas-tabs">
        <ul>
          {TABS.filter((x) => me || !SIGNED_IN.includes(x)).map((x) => {
            const href = x === 'map' ? '/atlas' : `/atlas/${x}`;
            return (
              <li key={x}>
                <Link
                  href={`${href}${SIGNED_IN.includes(x) ? '' : keep}`}
                  aria-current={location === href ? 'page' : undefined}
                >
                  {t(`atlas.tabs.${x}`)}
                </Link>
              </li>
            );
          })}
        </ul>
      </nav>
      {!me && <p className="alert alert-info">{t('atlas.publicIntro')}</p>}
      {needsSignIn ? (
        <p className="alert alert-info">
          <Link href={`/login?next=${encodeURIComponent(location)}`}>{t('nav.signIn')}</Link>
        </p>
      ) : current === 'flows' ? (
        <FlowsTab />
      ) : current === 'gaps' ? (
        <GapsTab />
      ) : current === 'routes' ? (
        <RoutesTab />
      ) : current === 'add' ? (
        <RouteForm />
      ) : current === 'import' ? (
        <ImportTab />
      ) : (
        <MapTab />
      )}
    </div>
  );
}
