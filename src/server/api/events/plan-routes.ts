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
  type PlannedRound,
  type ScheduleQuality,
} from '../../../contract/events.ts';
import { ErrorBody } from '../../../contract/common.ts';
import type { App, AppContext } from '../../context.ts';
import { HttpError, notFound, ROUTE_ERRORS } from '../../http/errors.ts';
import type { LiveHub } from '../../live/hub.ts';
import { commitPlan } from '../../live/replan.ts';
import { PlanningError, swapInPlan } from '../../planning/engine.ts';
import {
  fingerprint,
  generateInput,
  isRunning,
  readBasis,
  sessionRules,
} from '../../planning/basis.ts';
import { jobKey, PlanStopped } from '../../planning/jobs.ts';
import { eventFor } from '../../events/service.ts';
import { listSessions, saveSessionRules } from '../../db/repos/events.ts';
import { presentEvent } from '../../events/present.ts';

const update = { policy: { kind: 'resource', resource: 'event', action: 'update' } } as const;
const tags = ['events'];
/** Past the solver's own time limit (which returns the best plan so far), a job is stopped. */
const GRACE_MS = 10_000;

const sessionRunning = () =>
  new HttpError(409, {
    error: 'session_running',
    message:
      'This session is running: mark arrivals and departures and re-plan from the console instead.',
  });

type SwapOutcome =
  | { kind: 'ok'; event: EventDetail; warnings: string[] }
  | { kind: 'no_plan' | 'round_held' }
  | { kind: 'cannot_swap'; message: string }
  | { kind: 'warnings'; warnings: string[] };

/** How a stopped job is answered: the caller (or a newer request) stopped it, or the server did. */
export function stoppedError(err: PlanStopped): HttpError {
  const status = err.reason === 'cancelled' || err.reason === 'superseded' ? 409 : 503;
  return new HttpError(status, { error: `plan_${err.reason}`, message: err.message });
}

/**
 * Generating and swapping a session's plan. The solver runs in a worker (planning/jobs.ts), off
 * the event loop and outside the room's queue; what the plan depends on — is the session running,
 * did participants or tables change — is checked again inside the queue, with the write and its
 * sequence number, so a round that has just started is never changed under the phones.
 */
/** A session is addressed through its event: another event's session id is not found here. */
async function sessionOfEvent(ctx: AppContext, eventId: string, sessionId: string): Promise<void> {
  if (!(await listSessions(ctx.db, eventId)).some((s) => s.id === sessionId))
    throw notFound('session');
}

export function planRoutes(app: App, ctx: AppContext, hub: LiveHub): void {
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
      const basis = await readBasis(ctx.db, e.id, sessionId);
      if (!basis) throw notFound('session');
      // Fails fast; the same check runs again in the queue once the plan is computed.
      if (isRunning((await hub.room(e.id)).state, sessionId)) throw sessionRunning();
      const timeLimitMs = request.body.timeLimitSeconds * 1000;
      let result;
      try {
        result = await hub.plans.generate(
          jobKey(e.id, sessionId),
          generateInput(basis, request.body.seed, timeLimitMs),
          timeLimitMs + GRACE_MS,
        );
      } catch (err) {
        if (err instanceof PlanningError)
          return reply
            .code(422)
            .send({ error: 'cannot_plan', message: err.message, reason: err.reason });
        if (err instanceof PlanStopped) throw stoppedError(err);
        throw err;
      }
      const room = await hub.loaded(e.id);
      const { plan, quality } = result;
      return room.perform(async (tx) => {
        if (isRunning(room.state, sessionId)) throw sessionRunning();
        const now = await readBasis(tx.db, e.id, sessionId);
        if (!now) throw notFound('session');
        if (fingerprint(now) !== fingerprint(basis))
          throw new HttpError(409, {
            error: 'plan_outdated',
            message:
              'Participants, tables or the session changed while the plan was computed: generate it again.',
          });
        return (await commitPlan(ctx, tx, e.id, sessionId, plan, quality)).event;
      });
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
      await sessionOfEvent(ctx, e.id, sessionId);
      const p = hub.plans.progress(jobKey(e.id, sessionId));
      return p
        ? {
            running: true,
            kind: p.kind,
            elapsedMs: p.elapsedMs,
            fraction: p.fraction,
            repeats: p.repeats,
          }
        : { running: false, kind: null, elapsedMs: 0, fraction: 0, repeats: null };
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
      await sessionOfEvent(ctx, e.id, sessionId);
      return { cancelled: hub.plans.cancel(jobKey(e.id, sessionId)) };
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
      const room = await hub.loaded(e.id);
      // In the room's queue, so a plan computed under the old rules is seen as outdated.
      return room.perform(async (tx) => {
        const before = await presentEvent(tx.db, e);
        if (!before.sessions.some((s) => s.id === sessionId)) throw notFound('session');
        const event: EventDetail = {
          ...before,
          sessions: before.sessions.map((s) =>
            s.id === sessionId ? { ...s, rules: request.body } : s,
          ),
        };
        await tx.commit({ kind: 'event', event }, ctx.now(), undefined, async (trx) => {
          await saveSessionRules(trx, e.id, sessionId, JSON.stringify(request.body));
        });
        return event;
      });
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
      const room = await hub.loaded(e.id);
      // Check and write in the room's queue: a round that starts meanwhile is seen here.
      const out = await room.perform(async (tx): Promise<SwapOutcome> => {
        const basis = await readBasis(tx.db, e.id, sessionId);
        if (!basis) throw notFound('session');
        const { session: s, participants, tables } = basis;
        if (!s.plan) return { kind: 'no_plan' };
        const st = room.state;
        if (st.sessionId === s.id && st.status !== 'idle' && b.round <= st.round)
          return { kind: 'round_held' };
        let r;
        try {
          const plan = JSON.parse(s.plan) as PlannedRound[];
          // Hosts stay at café tables only: a networking swap moves no host.
          const hosted = s.kind === 'cafe' ? tables : [];
          r = swapInPlan(plan, b.round, b.a, b.b, participants, hosted, sessionRules(s));
        } catch (err) {
          if (err instanceof PlanningError) return { kind: 'cannot_swap', message: err.message };
          throw err;
        }
        if (r.warnings.length && !b.confirm) return { kind: 'warnings', warnings: r.warnings };
        const q = s.quality ? (JSON.parse(s.quality) as ScheduleQuality) : null;
        const quality = q && {
          ...q,
          violations: q.violations + r.newViolations,
          repeatedPairs: q.repeatedPairs + r.newRepeats,
        };
        const { event } = await commitPlan(ctx, tx, e.id, s.id, r.plan, quality);
        return { kind: 'ok', event, warnings: r.warnings };
      });
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
