import { z } from 'zod';
import { ExportQuery } from '../../../contract/exports.ts';
import type { App, AppContext } from '../../context.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { EXPORTS } from './registry.ts';
import { runExport } from './run.ts';

/**
 * `GET /api/exports/<entity>?format=csv|hxl|json|geojson[&view=public]`: one route per entity of
 * the registry, each declaring the policy rule its rows need, answered as a download.
 */
export function exportRoutes(app: App, ctx: AppContext): void {
  for (const entity of EXPORTS)
    app.get(
      `/api/exports/${entity.name}`,
      {
        config: { policy: { kind: 'resource', ...entity.policy } },
        schema: {
          tags: ['exports'],
          summary: `Export ${entity.name} as CSV, CSV with HXL hashtags${entity.feature ? ', JSON or GeoJSON' : ' or JSON'}${entity.notPublic ? '' : ' (public view: ?view=public)'}`,
          querystring: ExportQuery,
          response: { 200: z.string().describe('the file'), ...ROUTE_ERRORS },
        },
      },
      async (request, reply) => {
        const file = await runExport(ctx.db, request.actor, entity, request.query, ctx.now());
        return reply
          .type(file.contentType)
          .header('cache-control', 'no-store')
          .header(
            'content-disposition',
            `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`,
          )
          .send(file.text);
      },
    );
}
