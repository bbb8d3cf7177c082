import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link } from 'wouter';
import type { ImportEntity } from '../../contract/imports.ts';
import { EntityImport } from '../imports/EntityImport.tsx';
import { useTitle } from '../shell/useTitle.ts';

/**
 * /data/import/:entity — import organisations or routes from a file: the same column and value
 * mapping as the roster, a dry run listing every problem, then all or nothing.
 */
export function ImportPage({ entity }: { entity: Exclude<ImportEntity, 'cards'> }) {
  const { t } = useTranslation();
  const title = t(`imports.entity.${entity}.title`);
  useTitle(title);
  const [done, setDone] = useState<number | null>(null);
  return (
    <section className="data-page">
      <p>
        <Link href="/data">{t('imports.backToData')}</Link>
      </p>
      <h1>{title}</h1>
      <p className="lead">{t(`imports.entity.${entity}.intro`)}</p>
      {done !== null && (
        <p className="alert alert-ok" role="status" data-testid="import-done">
          {t(`imports.entity.${entity}.done`, { count: done })}
        </p>
      )}
      <EntityImport entity={entity} onImported={setDone} />
    </section>
  );
}
