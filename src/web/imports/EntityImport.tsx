import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import type { ImportEntity } from '../../contract/imports.ts';
import { importEntity } from './api.ts';
import { TableImport, type TableImportBody } from './TableImport.tsx';

/** Where each vocabulary's labels are in the locale files (the pickers show them). */
const LABELS: Record<string, string> = {
  orgType: 'vocab.type',
  kindOfWork: 'vocab.kindOfWork',
  supportService: 'vocab.supportService',
  form: 'vocab.form',
  population: 'vocab.population',
  visibility: 'vocab.visibility',
  labourSector: 'atlas.sector',
  confidence: 'atlas.confidence',
  basis: 'atlas.basis',
};

/** The import of one entity (organisations, routes) through the shared table import. */
export function EntityImport({
  entity,
  onImported,
}: {
  entity: Exclude<ImportEntity, 'cards'>;
  onImported(count: number): void;
}) {
  const { t } = useTranslation();
  const send = useCallback((body: TableImportBody) => importEntity(entity, body), [entity]);
  return (
    <TableImport
      send={send}
      optionLabel={(vocabulary, key, fallback) =>
        LABELS[vocabulary]
          ? t(`${LABELS[vocabulary]}.${key}`, { defaultValue: fallback })
          : fallback
      }
      placeholder={t(`imports.entity.${entity}.placeholder`)}
      importLabel={(count) => t(`imports.entity.${entity}.import`, { count })}
      readyLabel={(count) => t(`imports.entity.${entity}.ready`, { count })}
      onImported={onImported}
    />
  );
}
