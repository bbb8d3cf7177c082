import type { EntityImportResult, ImportEntity } from '../../contract/imports.ts';
import { call } from '../http.ts';
import type { TableImportBody } from './TableImport.tsx';

/** `POST /api/imports/<entity>`: a dry run or the import itself (organisations, routes, cards). */
export const importEntity = (entity: ImportEntity, body: TableImportBody, event?: string) =>
  call<EntityImportResult>(
    'POST',
    `/api/imports/${entity}${event ? `?event=${encodeURIComponent(event)}` : ''}`,
    body,
  );
