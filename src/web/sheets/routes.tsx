import { lazy, Suspense, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';

/**
 * The sheet pages load on demand: their code and the region's fonts (fonts.css) never weigh on
 * the rest of the app, nor on the phone, whose sheet is PhoneSheet.tsx.
 */
const Wall = lazy(() => import('./WallPage.tsx').then((m) => ({ default: m.WallPage })));
const Print = lazy(() => import('./PrintPage.tsx').then((m) => ({ default: m.PrintPage })));
const Overview = lazy(() =>
  import('./OverviewPage.tsx').then((m) => ({ default: m.OverviewPage })),
);
const Index = lazy(() => import('./ManagePage.tsx').then((m) => ({ default: m.SheetsIndexPage })));
const Manage = lazy(() => import('./ManagePage.tsx').then((m) => ({ default: m.ManageSheetPage })));

function Loading({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('sheets.print.loading')}</p>}>{children}</Suspense>
  );
}

export const SheetWallRoute = (p: { eventId: string; issueKey: string }) => (
  <Loading>
    <Wall {...p} />
  </Loading>
);
export const SheetPrintRoute = (p: { eventId: string; issueKey: string }) => (
  <Loading>
    <Print {...p} />
  </Loading>
);
export const SheetsIndexRoute = (p: { eventId: string }) => (
  <Loading>
    <Index {...p} />
  </Loading>
);
export const SheetManageRoute = (p: { eventId: string; issueKey: string }) => (
  <Loading>
    <Manage {...p} />
  </Loading>
);
export const SheetsOverviewRoute = (p: { eventId: string }) => (
  <Loading>
    <Overview {...p} />
  </Loading>
);
