import { z } from 'zod';
import { EventParams } from '../../../contract/events.ts';
import {
  PublishedReportQuery,
  ReportAnswer,
  ReportPublication,
  ReportPublishBody,
  ReportQuery,
} from '../../../contract/report.ts';
import type { App, AppContext } from '../../context.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { allSheetsCsv, buildReport, publishReport, publishedReport } from './service.ts';

const read = { policy: { kind: 'resource', resource: 'event', action: 'read' } } as const;
const readReport = { policy: { kind: 'resource', resource: 'report', action: 'read' } } as const;
const publish = { policy: { kind: 'resource', resource: 'report', action: 'update' } } as const;

/**
 * The event report (issue 14): its data for `/events/:id/report` and `mosaic report`, and every
 * café sheet in one download. Coalition members read both versions (the public one is what they
 * send out); others get 404, as for the event itself.
 */
export function reportRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/events/:eventId/report',
    {
      config: read,
      schema: {
        tags: ['report'],
        summary: "The event's report: participation and café sheets (members' or public version)",
        params: EventParams,
        querystring: ReportQuery,
        response: { 200: ReportAnswer, ...ROUTE_ERRORS },
      },
    },
    async (request) =>
      buildReport(
        ctx,
        request.actor,
        request.params.eventId,
        request.query.view,
        request.query.lang,
      ),
  );

  app.get(
    '/api/events/:eventId/report/sheets.csv',
    {
      config: read,
      schema: {
        tags: ['report'],
        summary: 'Every café sheet of the event in one CSV (with HXL hashtags), without authors',
        params: EventParams,
        response: { 200: z.string(), ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const { file, csv } = await allSheetsCsv(ctx, request.actor, request.params.eventId);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`)
        .send(csv);
    },
  );

  app.put(
    '/api/events/:eventId/report/publication',
    {
      config: publish,
      schema: {
        tags: ['report'],
        summary:
          "Publish the event's public report to anyone at its public address, or take it back",
        params: EventParams,
        body: ReportPublishBody,
        response: { 200: ReportPublication, ...ROUTE_ERRORS },
      },
    },
    async (request) =>
      publishReport(ctx, request.actor, request.params.eventId, request.body.published),
  );

  app.get(
    '/api/reports/:eventId',
    {
      config: readReport,
      schema: {
        tags: ['report'],
        summary: "An event's published public report, for anyone (404 unless published)",
        params: EventParams,
        querystring: PublishedReportQuery,
        response: { 200: ReportAnswer, ...ROUTE_ERRORS },
      },
    },
    async (request) => publishedReport(ctx, request.params.eventId, request.query.lang),
  );
}
