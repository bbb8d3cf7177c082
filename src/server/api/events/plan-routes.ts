import {
  EventDetail,
  PlanCancelled,
  PlanProgress,
  PlanRefusal,
  PlanRequest,
  SessionParams,
  SessionRules,
  SwapRequest,
  SwapResult,
  SwapWarnings,
} from '../../../contract/events.ts';
import { ErrorBody } from '../../../contract/common.ts';
import type { App, AppContext } from '../../context.ts';
import type { Actor } from '../../auth/policy.ts';
import { ROUTE_ERRORS } from '../../http/errors.ts';
import { eventFor } from '../../events/service.ts';
import { cancelPlan, generatePlan, planProgress, swapInSession } from '../../events/plans.ts';
import type { Rooms } from '../../events/rooms.ts';
import { setSessionRules } from '../../events/changes.ts';
import { planVersions, restorePlanVersion } from '../../events/history.ts';
import { PlanRestoreResult, PlanVersionList, PlanVersionParams } from '../../../contract/plans.ts';

/** Who a plan's version names: the signed-in user making the change. */
export const byOf = (actor: Actor): string | null => (actor.kind === 'user' ? actor.userId : null);

const update = { policy: { kind: 'resource', resource: 'event', action: 'update' } } as const;
const tags = ['events'];

/**
 * Generating and swapping a session's plan: the events service (events/plans.ts) solves in a
 * worker and checks and writes in the room's queue.
 */
export function planRoutes(app: App, ctx: AppContext, hub: Rooms): void {
  app.post(
    '/api/events/:eventId/sessions/:sessionId/plan',
    {
      config: update,
      schema: {
        tags,
        summary: 'Generate the schedule of a session with the scheduling engine',
        description:
          'Runs the scheduling engine in a worker thread and answers when it is done (at most timeLimitSeconds, then the best plan found). A newer request for the same session, or DELETE on this path, stops it (409).',
        params: SessionParams,
        body: PlanRequest,
        response: {
          200: EventDetail,
          ...ROUTE_ERRORS,
          409: ErrorBody,
          422: PlanRefusal,
          503: ErrorBody,
        },
      },
    },
    async (request, reply) => {
      const { eventId, sessionId } = request.params;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      const out = await generatePlan(ctx, hub, e.id, sessionId, request.body, byOf(request.actor));
      if (!out.ok)
        return reply
          .code(422)
          .send({ error: 'cannot_plan', message: out.message, reason: out.reason });
      return out.event;
    },
  );

  app.get(
    '/api/events/:eventId/sessions/:sessionId/plan',
    {
      config: update,
      schema: {
        tags,
        summary: 'Progress of the plan being computed for a session (generate or re-plan)',
        params: SessionParams,
        response: { 200: PlanProgress, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, sessionId } = request.params;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      return planProgress(ctx, hub, e.id, sessionId);
    },
  );

  app.delete(
    '/api/events/:eventId/sessions/:sessionId/plan',
    {
      config: update,
      schema: {
        tags,
        summary: 'Cancel the plan being computed for a session (the current plan stays)',
        params: SessionParams,
        response: { 200: PlanCancelled, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, sessionId } = request.params;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      return cancelPlan(ctx, hub, e.id, sessionId);
    },
  );

  app.get(
    '/api/events/:eventId/sessions/:sessionId/plan/versions',
    {
      config: update,
      schema: {
        tags,
        summary: "A session's plan history: every change with who, when and why",
        params: SessionParams,
        response: { 200: PlanVersionList, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, sessionId } = request.params;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      return { items: await planVersions(ctx, e.id, sessionId) };
    },
  );

  app.post(
    '/api/events/:eventId/sessions/:sessionId/plan/versions/:version/restore',
    {
      config: update,
      schema: {
        tags,
        summary: "Restore a previous plan's rounds not yet held",
        description:
          "Held rounds never change: the restored plan is the held rounds as they were, then the version's later rounds. Refused (409 plan_not_restorable) when those seat a table or a person removed since, or the session has a different number of rounds; 409 rounds_all_held when no round is left.",
        params: PlanVersionParams,
        response: { 200: PlanRestoreResult, ...ROUTE_ERRORS, 409: ErrorBody },
      },
    },
    async (request) => {
      const { eventId, sessionId, version } = request.params;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      return restorePlanVersion(ctx, hub, e.id, sessionId, version, byOf(request.actor));
    },
  );

  app.put(
    '/api/events/:eventId/sessions/:sessionId/rules',
    {
      config: update,
      schema: {
        tags,
        summary: "Set a session's seating rules (each hard or soft with a weight)",
        description:
          'Keep colleagues apart, mix sectors, keep hosts at their tables: hard rules are never broken, soft ones are preferences weighed 1-10 against meeting new people. The current plan stays; the next plan or re-plan uses the new rules.',
        params: SessionParams,
        body: SessionRules,
        response: { 200: EventDetail, ...ROUTE_ERRORS },
      },
    },
    async (request) => {
      const { eventId, sessionId } = request.params;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      return setSessionRules(ctx, hub, e, sessionId, request.body);
    },
  );

  app.post(
    '/api/events/:eventId/sessions/:sessionId/swap',
    {
      config: update,
      schema: {
        tags,
        summary: 'Swap two people in one round (warns before breaking the plan)',
        params: SessionParams,
        body: SwapRequest,
        response: { 200: SwapResult, 409: SwapWarnings, 422: ErrorBody, ...ROUTE_ERRORS },
      },
    },
    async (request, reply) => {
      const { eventId, sessionId } = request.params;
      const b = request.body;
      const e = await eventFor(ctx, request.actor, eventId, 'update');
      const out = await swapInSession(ctx, hub, e.id, sessionId, b, byOf(request.actor));
      switch (out.kind) {
        case 'ok':
          return { event: out.event, warnings: out.warnings };
        case 'no_plan':
          return reply
            .code(422)
            .send({ error: 'no_plan', message: 'Generate the schedule first.' });
        case 'round_held':
          return reply.code(422).send({
            error: 'round_held',
            message: 'That round has started; past rounds never change.',
          });
        case 'cannot_swap':
          return reply.code(422).send({ error: 'cannot_swap', message: out.message });
        case 'warnings':
          return reply.code(409).send({
            error: 'swap_warnings' as const,
            message: 'This swap breaks the plan; confirm to apply it anyway.',
            warnings: out.warnings,
          });
      }
    },
  );
}
