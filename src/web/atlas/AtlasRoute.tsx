import { lazy, Suspense } from 'react';
import { useTranslation } from 'react-i18next';

// The atlas (map, boundaries, charts) is its own chunk: other pages, and phones, never load it.
const AtlasPage = lazy(() => import('./AtlasPage.tsx'));

export function AtlasRoute({ tab }: { tab?: string | undefined }) {
  const { t } = useTranslation();
  return (
    <Suspense fallback={<p>{t('app.loading')}</p>}>
      <AtlasPage tab={tab} />
    </Suspense>
  );
}
