import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The report (its map, charts and the region's fonts) is its own chunk.
const Report = lazy(() => import('./ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

/** `published`: the public address (/reports/:id), read by anyone once a coordinator published it. */
export function ReportRoute({ eventId, published }: { eventId: string; published?: boolean }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('report.loading')}</p>}>
      <Report eventId={eventId} published={published ?? false} />
    </Suspense>
  );
}
