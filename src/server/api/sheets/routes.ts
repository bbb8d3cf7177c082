import { z } from 'zod';
import { ErrorBody } from '../../../contract/common.ts';
import { toCsv } from '../../../domain/csv/write.ts';
import { SHEET_CSV_HEAD, sheetCsvRow } from './csv.ts';
import { Card, CardVersion, HandoverNote } from '../../../contract/cards.ts';
import { EventParams } from '../../../contract/events.ts';
import type { App, AppContext } from '../../context.ts';
import { cardHistory, listCards, listHandovers } from '../../db/repos/cards.ts';
import { listTables } from '../../db/repos/events.ts';
import { notFound } from '../../http/errors.ts';
import { canonicalTags } from '../../../core/cards.ts';
import { presentCard, presentHandover } from '../../events/present.ts';
import { eventFor } from '../../events/service.ts';

const SheetParams = EventParams.extend({
  issueKey: z.string().regex(/^[a-zA-Z][a-zA-Z0-9_-]{0,63}$/, 'must be an issue key'),
});
const SheetQuery = z.object({ format: z.enum(['json', 'csv']).default('json') }).strict();
const SheetExport = z.object({
  eventId: z.string(),
  issue: z.object({ key: z.string(), label: z.string() }),
  cards: z.array(Card),
  handover: HandoverNote.nullable(),
});
const CardParams = EventParams.extend({ cardId: z.string().uuid('must be a card id') });
const History = z.object({ items: z.array(CardVersion) });

/**
 * Sheets for facilitators and coordinators: export (JSON, or CSV with HXL hashtags) and a card's
 * full history. Authors are included for them (PRIV-1) — never in public views.
 */
export function sheetRoutes(app: App, ctx: AppContext): void {
  const policy = { kind: 'resource', resource: 'event', action: 'update' } as const;

  app.get(
    '/api/events/:eventId/sheets/:issueKey',
    {
      config: { policy },
      schema: {
        tags: ['sheets'],
        summary: 'One café sheet (JSON, or CSV with HXL tags via ?format=csv)',
        params: SheetParams,
        querystring: SheetQuery,
        response: {
          200: z.union([SheetExport, z.string()]),
          400: ErrorBody,
          401: ErrorBody,
          403: ErrorBody,
          404: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const issue = e.issues.find((i) => i.key === request.params.issueKey);
      if (!issue) throw notFound('issue');
      const cards = (await listCards(ctx.db, e.id))
        .filter((c) => c.issueKey === issue.key && !c.deleted)
        .map(presentCard);
      const note = (await listHandovers(ctx.db, e.id)).find((h) => h.issueKey === issue.key);
      if (request.query.format === 'json')
        return {
          eventId: e.id,
          issue: { key: issue.key, label: issue.label },
          cards,
          handover: note ? presentHandover(note) : null,
        };
      const tables = new Map((await listTables(ctx.db, e.id)).map((t) => [t.id, t.name]));
      const csv = toCsv([
        ...SHEET_CSV_HEAD,
        ...cards.map((c) => sheetCsvRow(c, issue.label, tables)),
      ]);
      const file = `${e.name.replace(/[^\p{L}\p{N}]+/gu, '-').slice(0, 60)}-${issue.key}.csv`;
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename*=UTF-8''${encodeURIComponent(file)}`)
        .send(`\uFEFF${csv}`);
    },
  );

  app.get(
    '/api/events/:eventId/cards/:cardId/history',
    {
      config: { policy },
      schema: {
        tags: ['sheets'],
        summary: 'Every version of a card, including superseded edits',
        params: CardParams,
        response: { 200: History, 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      // Keyed by the event: another event's card id is "no such card" here (issue 10, hole 2).
      const rows = await cardHistory(ctx.db, e.id, request.params.cardId);
      if (!rows.length) throw notFound('card');
      return {
        items: rows.map((r) => ({
          version: r.version,
          text: r.text,
          kind: r.kind,
          level: r.level,
          deleted: r.deleted,
          tags: canonicalTags(r.tags),
          reason: r.reason,
          at: Date.parse(r.at),
        })),
      };
    },
  );
}
