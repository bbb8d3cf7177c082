import { tableCsv, tableJson } from '../../../domain/csv/table.ts';
import type { Actor } from '../../auth/policy.ts';
import type { Db } from '../../db/index.ts';
import { audit } from '../../db/repos/accounts.ts';
import { HttpError } from '../../http/errors.ts';
import { featureCollection, type ExportEntity, type ExportQuery } from './entity.ts';
import { exportReader, mayExport } from './reader.ts';
import type { ExportFormat } from './registry.ts';

export interface ExportRequest extends ExportQuery {
  format: ExportFormat;
  view: 'coalition' | 'public';
  /** Whose data (coalition slug); signed-in readers default to their own coalition. */
  coalition?: string | undefined;
}

export interface ExportFile {
  text: string;
  contentType: string;
  filename: string;
  rows: number;
}

/**
 * One export, as the HTTP route and the CLI both make it: the reader (public view: read as an
 * anonymous visitor), a clear refusal when the entity is not theirs to export, the rows, the file.
 * A non-public export is recorded in the audit log (who read what, not the rows).
 */
export async function runExport(
  db: Db,
  actor: Actor,
  entity: ExportEntity,
  req: ExportRequest,
  now: Date,
): Promise<ExportFile> {
  if (req.format === 'geojson' && !entity.feature)
    throw new HttpError(400, {
      error: 'format_unavailable',
      message: `${entity.name} have no geometry: export them as csv, hxl or json (GeoJSON is for routes, places and flows)`,
      fields: [
        { field: 'format', code: 'invalid', message: 'geojson is for routes, places and flows' },
      ],
    });
  const r = await exportReader(db, actor, req.view, req.coalition);
  if (!mayExport(r, entity.policy.resource, entity.policy.action)) {
    if (r.isPublic)
      throw new HttpError(actor.kind === 'anonymous' ? 401 : 403, {
        error: 'not_public',
        message: `No public export of ${entity.name}: ${entity.notPublic ?? 'sign in as a member of the coalition'}.`,
      });
    throw new HttpError(403, {
      error: 'forbidden',
      message: `Your role may not export ${entity.name}.`,
    });
  }
  const rows = await entity.rows(db, r, req);
  const columns = entity.columns(r);
  if (!r.isPublic && actor.kind === 'user')
    await audit(
      db,
      {
        coalitionId: r.coalition.id,
        userId: actor.userId || null,
        action: 'export',
        resource: entity.name,
        recordId: req.event ?? null,
      },
      now.toISOString(),
    );
  const base = `mosaic-${r.coalition.slug}-${entity.name}${r.isPublic ? '-public' : ''}`;
  switch (req.format) {
    case 'csv':
    case 'hxl':
      return {
        // A byte-order mark: spreadsheets then read the file as UTF-8 (Thai, Khmer, Burmese…).
        text: `\uFEFF${tableCsv(columns, rows, { hxl: req.format === 'hxl' })}`,
        contentType: 'text/csv; charset=utf-8',
        filename: `${base}${req.format === 'hxl' ? '.hxl' : ''}.csv`,
        rows: rows.length,
      };
    case 'json':
      return {
        text: `${JSON.stringify(
          {
            entity: entity.name,
            coalition: r.coalition.slug,
            view: r.isPublic ? 'public' : 'coalition',
            exportedAt: now.toISOString(),
            items: tableJson(columns, rows),
          },
          null,
          1,
        )}\n`,
        contentType: 'application/json; charset=utf-8',
        filename: `${base}.json`,
        rows: rows.length,
      };
    case 'geojson':
      return {
        text: `${JSON.stringify(featureCollection(entity, rows))}\n`,
        contentType: 'application/geo+json; charset=utf-8',
        filename: `${base}.geojson`,
        rows: rows.length,
      };
  }
}
