import { z } from 'zod';
import { EventParams } from '../../../contract/events.ts';
import {
  AssignFactorBody,
  AssignmentHistory,
  FactorAssignment,
  FactorReview,
} from '../../../contract/factors.ts';
import type { App, AppContext } from '../../context.ts';
import { listCards } from '../../db/repos/cards.ts';
import { cardAssignments, eventAssignments } from '../../db/repos/factors.ts';
import type { CardFactorAssignmentTable } from '../../db/schema-factors.ts';
import { notFound, ROUTE_ERRORS } from '../../http/errors.ts';
import { SuggesterCache } from '../../factors/cache.ts';
import { refusal } from './refusal.ts';
import { vocabularyRoutes } from './vocabulary.ts';
import { eventFor } from '../../events/service.ts';
import {
  assignCard,
  coalitionFactors,
  currentByCard,
  undoAssignment,
} from '../../factors/service.ts';

const CardParams = EventParams.extend({ cardId: z.string().uuid('must be a card id') });
const ERRORS = { ...ROUTE_ERRORS, 409: ROUTE_ERRORS[404], 422: ROUTE_ERRORS[404] };

function present(e: CardFactorAssignmentTable): FactorAssignment {
  return { n: e.n, factor: e.factor_id, byUser: e.by_user, at: e.at, undoOf: e.undo_of };
}

/**
 * Facilitators and coordinators (whoever may update the event) review cards with suggestions
 * and assign factors; nothing is assigned without one of them confirming.
 */
export function factorRoutes(app: App, ctx: AppContext): void {
  const policy = { kind: 'resource', resource: 'event', action: 'update' } as const;
  /** This app's suggesters, one per coalition (see factors/cache.ts). */
  const suggesters = new SuggesterCache();
  vocabularyRoutes(app, ctx, suggesters);

  app.get(
    '/api/events/:eventId/factors/review',
    {
      config: { policy },
      schema: {
        tags: ['factors'],
        summary: 'Cards of the event with their factor and three suggestions each',
        params: EventParams,
        response: { 200: FactorReview, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const factors = await coalitionFactors(ctx.db, e.coalitionId);
      const s = await suggesters.get(ctx.db, e.coalitionId);
      const current = currentByCard(await eventAssignments(ctx.db, e.id));
      const cards = (await listCards(ctx.db, e.id)).filter((c) => !c.deleted);
      return {
        factors: factors.map((f) => ({
          id: f.id,
          kind: f.kind,
          label: f.label,
          labels: { ...f.labels, en: f.label },
          status: f.status,
          mergedInto: f.mergedInto,
        })),
        cards: cards.map((c) => {
          const a = current.get(c.id);
          return {
            id: c.id,
            issueKey: c.issueKey,
            kind: c.kind,
            level: c.level,
            text: c.text,
            assignment: a ? present(a) : null,
            suggestions: s.suggest({ text: c.text, kind: c.kind, level: c.level }),
          };
        }),
      };
    },
  );

  app.put(
    '/api/events/:eventId/cards/:cardId/factor',
    {
      config: { policy },
      schema: {
        tags: ['factors'],
        summary: "Assign a card to a factor (a new version of the card's factor; null for none)",
        params: CardParams,
        body: AssignFactorBody,
        response: { 200: FactorAssignment, ...ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const userId = request.actor.kind === 'user' ? request.actor.userId : null;
      const row = await assignCard(ctx.db, {
        eventId: e.id,
        cardId: request.params.cardId,
        factorId: request.body.factor,
        userId,
      }).catch(refusal);
      suggesters.invalidate(e.coalitionId);
      return present(row);
    },
  );

  app.post(
    '/api/events/:eventId/cards/:cardId/factor/undo',
    {
      config: { policy },
      schema: {
        tags: ['factors'],
        summary: "Undo the card's last assignment still in effect",
        params: CardParams,
        response: { 200: FactorAssignment, ...ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const userId = request.actor.kind === 'user' ? request.actor.userId : null;
      const row = await undoAssignment(ctx.db, {
        eventId: e.id,
        cardId: request.params.cardId,
        userId,
      }).catch(refusal);
      suggesters.invalidate(e.coalitionId);
      return present(row);
    },
  );

  app.get(
    '/api/events/:eventId/cards/:cardId/factor/history',
    {
      config: { policy },
      schema: {
        tags: ['factors'],
        summary: "Every version of the card's factor, oldest first, with who and when",
        params: CardParams,
        response: { 200: AssignmentHistory, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const e = await eventFor(ctx, request.actor, request.params.eventId, 'update');
      const items = await cardAssignments(ctx.db, e.id, request.params.cardId);
      if (
        items.length === 0 &&
        !(await listCards(ctx.db, e.id)).some((c) => c.id === request.params.cardId)
      )
        throw notFound('card');
      return { items: items.map(present) };
    },
  );
}
