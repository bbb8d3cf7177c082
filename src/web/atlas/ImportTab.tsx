import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { EntityImport } from '../imports/EntityImport.tsx';

/** Routes from a file: the shared import (columns and values mapped, dry run, all or nothing). */
export function ImportTab() {
  const { t } = useTranslation();
  const [done, setDone] = useState<number | null>(null);
  return (
    <section aria-labelledby="atlas-import-h">
      <h2 id="atlas-import-h">{t('atlas.import.title')}</h2>
      <p>{t('atlas.import.intro')}</p>
      {done !== null && (
        <p className="alert alert-ok" role="status">
          {t('atlas.import.done', { count: done })}
        </p>
      )}
      <EntityImport entity="routes" onImported={setDone} />
    </section>
  );
}
