import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../contract/imports.ts';
import { importEntity, importProgress } from './api.ts';
import { TableImport, type TableImportBody } from './TableImport.tsx';

/** The import of one entity (organisations, routes) through the shared table import. */
export function EntityImport({
  entity,
  onImported,
}: {
  entity: Exclude<ImportEntity, 'cards'>;
  onImported(count: number): void;
}) {
  const { t } = useTranslation();
  const send = useCallback(
    (body: TableImportBody, progress?: string) =>
      importEntity(entity, body, progress ? { progress } : {}),
    [entity],
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
