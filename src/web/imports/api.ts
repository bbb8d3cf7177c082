import type { EntityImportResult, ImportEntity, ImportProgress } from '../../contract/imports.ts';
import { call } from '../http.ts';
import type { TableImportBody } from './TableImport.tsx';

/** `POST /api/imports/<entity>`: a dry run or the import itself (organisations, routes, cards). */
export function importEntity(
  entity: ImportEntity,
  body: TableImportBody,
  opts: { event?: string; progress?: string } = {},
) {
  const q = new URLSearchParams();
  if (opts.event) q.set('event', opts.event);
  if (opts.progress) q.set('progress', opts.progress);
  const qs = q.toString();
  return call<EntityImportResult>('POST', `/api/imports/${entity}${qs ? `?${qs}` : ''}`, body);
}

/** How far an import started with `progress: id` is (404 until the server has begun it). */
export const importProgress = (id: string) =>
  call<ImportProgress>('GET', `/api/imports/progress/${encodeURIComponent(id)}`);

/**
 * A random UUID (v4) naming one import's progress. `crypto.randomUUID` needs a secure context,
 * and a conference server is often reached over plain http on the local network.
 */
export function progressId(): string {
  const b = crypto.getRandomValues(new Uint8Array(16));
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = [...b].map((x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}
