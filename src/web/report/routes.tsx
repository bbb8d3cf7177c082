import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The report (its map, charts and the region's fonts) is its own chunk.
const Report = lazy(() => import('./ReportPage.tsx').then((m) => ({ default: m.ReportPage })));

export function ReportRoute({ eventId }: { eventId: string }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p role="status">{t('report.loading')}</p>}>
      <Report eventId={eventId} />
    </Suspense>
  );
}
