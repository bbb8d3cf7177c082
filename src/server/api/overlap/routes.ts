import type { FastifyReply } from 'fastify';
import { ErrorBody } from '../../../contract/common.ts';
import { EventParams } from '../../../contract/events.ts';
import {
  EventOverlapQuery,
  OverlapAnswer,
  OverlapCards,
  OverlapCardsQuery,
  OverlapQuery,
  OverlapStreamQuery,
  OverlapVisibilityBody,
} from '../../../contract/overlap.ts';
import type { Actor } from '../../auth/policy.ts';
import { can } from '../../auth/policy.ts';
import type { App, AppContext } from '../../context.ts';
import { findEvent, listEventsByDate } from '../../db/repos/events.ts';
import { bumpOverlapVersion } from '../../db/repos/factors.ts';
import { cellCards, setOverlapVisibility } from '../../db/repos/overlap.ts';
import { forbidden, notFound } from '../../http/errors.ts';
import { OverlapService, overlapReader } from './service.ts';
import { OverlapHub } from './stream.ts';

const read = { kind: 'resource', resource: 'overlap', action: 'read' } as const;
const update = { kind: 'resource', resource: 'overlap', action: 'update' } as const;
const errors = { 400: ErrorBody, 401: ErrorBody, 403: ErrorBody, 404: ErrorBody, 422: ErrorBody };
const CARD_LIMIT = 200;

/**
 * Cached answers are the same object until a stamp changes, so their JSON text is kept beside
 * them; the presenters are typed by the contract and the contract tests parse every answer.
 */
const jsonOf = new WeakMap<object, string>();
function cachedJson(reply: FastifyReply): void {
  reply.type('application/json; charset=utf-8');
  reply.serializer((payload: unknown) => {
    if (typeof payload !== 'object' || payload === null) return JSON.stringify(payload);
    let text = jsonOf.get(payload);
    if (text === undefined) jsonOf.set(payload, (text = JSON.stringify(payload)));
    return text;
  });
}

/** The event, if the actor may see its overlap in the coalition view; otherwise "no event". */
async function eventOf(ctx: AppContext, actor: Actor, eventId: string) {
  const e = await findEvent(ctx.db, eventId);
  const access = {
    coalitionId: e?.coalitionId ?? '',
    owningOrganisationId: null,
    visibility: 'coalition' as const,
  };
  if (!e || !can(actor, 'read', 'overlap', access)) throw notFound('event');
  return e;
}

/**
 * The overlap of push factors and consequences across issues and forms (issue 13). Coalition
 * members read every event of their coalition (one event, or across events with filters); anyone
 * reads the public view: the events a coordinator published, combined, small counts withheld.
 */
export function overlapRoutes(
  app: App,
  ctx: AppContext,
  service = new OverlapService(ctx),
): OverlapService {
  app.get(
    '/api/overlap',
    {
      config: { policy: read },
      schema: {
        tags: ['overlap'],
        summary: 'Factor × issue and factor × form counts across events, similarity and network',
        querystring: OverlapQuery,
        response: { 200: OverlapAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const reader = await overlapReader(ctx, request.actor, q.view, q.coalition);
      const events =
        q.event === undefined ? undefined : Array.isArray(q.event) ? q.event : [q.event];
      const answer = await service.answer(reader, 'coalition', {
        level: q.level,
        events,
        from: q.from,
        to: q.to,
      });
      cachedJson(reply);
      return answer;
    },
  );

  app.get(
    '/api/events/:eventId/overlap',
    {
      config: { policy: read },
      schema: {
        tags: ['overlap'],
        summary: "One event's factor × issue and factor × form counts (coalition members)",
        params: EventParams,
        querystring: EventOverlapQuery,
        response: { 200: OverlapAnswer, ...errors },
      },
    },
    async (request, reply) => {
      const e = await eventOf(ctx, request.actor, request.params.eventId);
      const reader = { coalitionId: e.coalitionId, isPublic: false, k: 0 };
      const answer = await service.answer(reader, 'event', {
        level: request.query.level,
        events: [e.id],
      });
      cachedJson(reply);
      return answer;
    },
  );

  app.get(
    '/api/overlap/cards',
    {
      config: { policy: read },
      schema: {
        tags: ['overlap'],
        summary: "The cards behind one cell: a factor's confirmed cards in an issue or a form",
        querystring: OverlapCardsQuery,
        response: { 200: OverlapCards, ...errors },
      },
    },
    async (request) => {
      const q = request.query;
      const actor = request.actor;
      // Cards are never public: only the coalition view has cells to open.
      if (actor.kind !== 'user') throw notFound('cards');
      const reader = await overlapReader(ctx, actor, 'coalition', undefined);
      if (reader.isPublic) throw notFound('cards');
      const events = q.event
        ? [await eventOf(ctx, actor, q.event)]
        : await listEventsByDate(ctx.db, reader.coalitionId);
      const cards: OverlapCards['cards'] = [];
      let truncated = false;
      for (const e of events) {
        const issues = e.issues
          .filter((i) => (q.issue ? i.key === q.issue : true))
          .filter((i) => (q.form ? (i.forms ?? []).some((f) => f === q.form) : true))
          .map((i) => i.key);
        // An issue key no longer in the event's list still has its cards.
        if (q.issue && !q.form && !issues.includes(q.issue)) issues.push(q.issue);
        const left = CARD_LIMIT + 1 - cards.length;
        const rows = await cellCards(ctx.db, e.id, {
          factor: q.factor,
          issues,
          level: q.level ?? null,
          limit: left,
        });
        cards.push(
          ...rows.map((r) => ({
            eventId: e.id,
            id: r.id,
            issueKey: r.issueKey,
            level: r.level,
            text: r.text,
          })),
        );
        if (cards.length > CARD_LIMIT) {
          truncated = true;
          cards.length = CARD_LIMIT;
          break;
        }
      }
      return { cards, truncated };
    },
  );

  app.put(
    '/api/events/:eventId/overlap/visibility',
    {
      config: { policy: update },
      schema: {
        tags: ['overlap'],
        summary: "Publish an event's overlap (public view, small counts withheld) or take it back",
        params: EventParams,
        body: OverlapVisibilityBody,
        response: { 200: OverlapVisibilityBody, ...errors },
      },
    },
    async (request) => {
      const e = await eventOf(ctx, request.actor, request.params.eventId);
      const access = {
        coalitionId: e.coalitionId,
        owningOrganisationId: null,
        visibility: 'coalition' as const,
      };
      if (!can(request.actor, 'update', 'overlap', access)) throw forbidden();
      const userId = request.actor.kind === 'user' ? request.actor.userId : null;
      const at = ctx.now().toISOString();
      await ctx.db.transaction().execute(async (trx) => {
        await setOverlapVisibility(trx, e.id, request.body.visibility, userId, at);
        await bumpOverlapVersion(trx, e.id, at);
      });
      return { visibility: request.body.visibility };
    },
  );

  const hub = new OverlapHub(ctx);
  app.addHook('onClose', async () => hub.close());
  app.get(
    '/api/overlap/stream',
    {
      config: { policy: read },
      schema: {
        tags: ['overlap'],
        summary:
          'Server-Sent Events for members: `change` with a new version whenever the counts may have changed (refetch on it)',
        querystring: OverlapStreamQuery,
      },
    },
    async (request, reply) => {
      const reader = await overlapReader(ctx, request.actor, 'coalition', request.query.coalition);
      // Versions move with organisation-only work too: the public is never told.
      if (reader.isPublic) throw notFound('coalition');
      reply.hijack();
      reply.raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-cache, no-transform',
        connection: 'keep-alive',
        'x-accel-buffering': 'no',
      });
      // HEAD has no body: without an end its headers are never sent and the socket stays open.
      if (request.method === 'HEAD') return void reply.raw.end();
      const unsubscribe = await hub.subscribe(reader.coalitionId, reply);
      // A signed-in reader's stream ends with their session or membership.
      const watch =
        request.session && ctx.liveSessions.watch(request.session, () => reply.raw.end());
      const ping = setInterval(() => reply.raw.write(': ping\n\n'), 25_000);
      request.raw.on('close', () => {
        clearInterval(ping);
        unsubscribe();
        watch?.stop();
      });
    },
  );

  return service;
}
