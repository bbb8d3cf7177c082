import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../contract/imports.ts';
import { importEntity, importProgress } from './api.ts';
import { TableImport, type TableImportBody } from './TableImport.tsx';

/**
 * The import of one entity (organisations, routes, cards) through the shared table import. Cards
 * go to `event` when one is chosen, else to the event each row's event column names.
 */
export function EntityImport({
  entity,
  event,
  onImported,
}: {
  entity: ImportEntity;
  event?: string | undefined;
  onImported(count: number): void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (body: TableImportBody, progress?: string) =>
      importEntity(entity, body, { ...(progress && { progress }), ...(event && { event }) }),
    [entity, event],
  );
  return (
    <TableImport
      send={send}
      progressOf={importProgress}
      placeholder={t(`imports.entity.${entity}.placeholder`)}
      importLabel={(count) => t(`imports.entity.${entity}.import`, { count })}
      readyLabel={(count) => t(`imports.entity.${entity}.ready`, { count })}
      onImported={onImported}
    />
  );
}
