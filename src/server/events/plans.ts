/**
 * Generating, swapping and committing a session's plan. The solver runs in a worker
 * (planning/jobs.ts), off the event loop and outside the room's queue; what the plan depends on —
 * is the session running, did participants or tables change — is checked again inside the queue,
 * with the write and its sequence number, so a round that has just started is never changed under
 * the phones (issue 11, point 3).
 */
import type { z } from 'zod';
import type {
  EventDetail,
  PlannedRound,
  PlanProgress,
  PlanRequest,
  ScheduleQuality,
  SwapRequest,
  SwapWarning,
} from '../../contract/events.ts';
import type { AppContext } from '../context.ts';
import { findSession } from '../db/repos/events.ts';
import { HttpError, notFound } from '../http/errors.ts';
import { PlanningError, swapInPlan } from '../planning/engine.ts';
import { jobKey, PlanStopped } from '../planning/jobs.ts';
import { fingerprint, generateInput, readBasis, sessionRules } from './plan-basis.ts';
import { commitEventChange } from './changes.ts';
import { writePlan, type PlanWhy } from './history.ts';
import type { IntentKey, Rooms, RoomTx } from './rooms.ts';
import { isRunning, lastHeldRound, sessionRunning } from './rules.ts';
import { qualityAfterSwap, qualityOf } from './stored.ts';

/** Past the solver's own time limit (which returns the best plan so far), a job is stopped. */
const GRACE_MS = 10_000;

const runningNoPlan = () =>
  sessionRunning(
    'This session is running: mark arrivals and departures and re-plan from the console instead.',
  );

/** How a stopped job is answered: the caller (or a newer request) stopped it, or the server did. */
export function stoppedError(err: PlanStopped): HttpError {
  const status = err.reason === 'cancelled' || err.reason === 'superseded' ? 409 : 503;
  return new HttpError(status, { error: `plan_${err.reason}`, message: err.message });
}

/** A session is addressed through its event: another event's session id is not found here. */
async function sessionOfEvent(ctx: AppContext, eventId: string, sessionId: string): Promise<void> {
  if (!(await findSession(ctx.db, eventId, sessionId))) throw notFound('session');
}

/**
 * Commits a session's new plan as an event change, inside the room's queue (`tx`): the plan and
 * its version in the plan history (`why`) are written in the same transaction as the change, its
 * sequence number and the intent's record.
 */
export async function commitPlan(
  ctx: AppContext,
  tx: RoomTx,
  eventId: string,
  sessionId: string,
  plan: PlannedRound[],
  quality: ScheduleQuality | null,
  why: PlanWhy,
  intent?: IntentKey,
): Promise<{ seq: number; event: EventDetail }> {
  const s = await findSession(tx.db, eventId, sessionId);
  if (!s) throw notFound('session');
  return commitEventChange(ctx, tx, eventId, intent, async (trx) => {
    await writePlan(trx, ctx.now().toISOString(), s, plan, quality, why);
  });
}

export type PlanOutcome =
  | { ok: true; event: EventDetail }
  | { ok: false; message: string; reason: PlanningError['reason'] };

/** Generates a session's plan in a worker, then checks and commits it in the room's queue. */
export async function generatePlan(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  sessionId: string,
  request: z.infer<typeof PlanRequest>,
  by: string | null = null,
): Promise<PlanOutcome> {
  const basis = await readBasis(ctx.db, eventId, sessionId);
  if (!basis) throw notFound('session');
  // Mapping and learnings sessions seat nobody: they start without a plan (issues 12 and 14).
  if (basis.session.kind === 'mapping' || basis.session.kind === 'learnings')
    throw new HttpError(409, {
      error: 'no_plan_needed',
      message: `A ${basis.session.kind} session needs no plan: start it from the console as it is.`,
    });
  // Fails fast; the same check runs again in the queue once the plan is computed.
  if (isRunning((await rooms.room(eventId)).state, sessionId)) throw runningNoPlan();
  const timeLimitMs = request.timeLimitSeconds * 1000;
  let result;
  try {
    result = await rooms.plans.generate(
      jobKey(eventId, sessionId),
      generateInput(basis, request.seed, timeLimitMs),
      timeLimitMs + GRACE_MS,
    );
  } catch (err) {
    if (err instanceof PlanningError)
      return { ok: false, message: err.message, reason: err.reason };
    if (err instanceof PlanStopped) throw stoppedError(err);
    throw err;
  }
  const room = await rooms.loaded(eventId);
  const { plan, quality } = result;
  return room.perform(async (tx) => {
    if (isRunning(room.state, sessionId)) throw runningNoPlan();
    const now = await readBasis(tx.db, eventId, sessionId);
    if (!now) throw notFound('session');
    if (fingerprint(now) !== fingerprint(basis))
      throw new HttpError(409, {
        error: 'plan_outdated',
        message:
          'Participants, tables or the session changed while the plan was computed: generate it again.',
      });
    return {
      ok: true,
      event: (
        await commitPlan(ctx, tx, eventId, sessionId, plan, quality, {
          reason: 'generated',
          by,
          heldThrough: lastHeldRound(room.state, sessionId),
        })
      ).event,
    };
  });
}

export async function planProgress(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  sessionId: string,
): Promise<PlanProgress> {
  await sessionOfEvent(ctx, eventId, sessionId);
  const p = rooms.plans.progress(jobKey(eventId, sessionId));
  return p
    ? {
        running: true,
        kind: p.kind,
        elapsedMs: p.elapsedMs,
        fraction: p.fraction,
        repeats: p.repeats,
      }
    : { running: false, kind: null, elapsedMs: 0, fraction: 0, repeats: null };
}

export async function cancelPlan(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  sessionId: string,
): Promise<{ cancelled: boolean }> {
  await sessionOfEvent(ctx, eventId, sessionId);
  return { cancelled: rooms.plans.cancel(jobKey(eventId, sessionId)) };
}

export type SwapOutcome =
  | { kind: 'ok'; event: EventDetail; warnings: SwapWarning[] }
  | { kind: 'no_plan' | 'round_held' }
  | { kind: 'cannot_swap'; message: string }
  | { kind: 'warnings'; warnings: SwapWarning[] };

/** Swaps two people in one round: checked and written in the room's queue. */
export async function swapInSession(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  sessionId: string,
  b: z.infer<typeof SwapRequest>,
  by: string | null = null,
): Promise<SwapOutcome> {
  const room = await rooms.loaded(eventId);
  // Check and write in the room's queue: a round that starts meanwhile is seen here.
  return room.perform(async (tx): Promise<SwapOutcome> => {
    const basis = await readBasis(tx.db, eventId, sessionId);
    if (!basis) throw notFound('session');
    const { session: s, participants, tables } = basis;
    const plan = s.plan;
    if (!plan) return { kind: 'no_plan' };
    if (b.round <= lastHeldRound(room.state, s.id)) return { kind: 'round_held' };
    let r;
    try {
      // Hosts stay at café tables only: a networking swap moves no host.
      const hosted = s.kind === 'cafe' ? tables : [];
      r = swapInPlan(plan, b.round, b.a, b.b, participants, hosted, sessionRules(s));
    } catch (err) {
      if (err instanceof PlanningError) return { kind: 'cannot_swap', message: err.message };
      throw err;
    }
    if (r.warnings.length && !b.confirm) return { kind: 'warnings', warnings: r.warnings };
    const quality = qualityAfterSwap(qualityOf(s), r);
    const { event } = await commitPlan(ctx, tx, eventId, s.id, r.plan, quality, {
      reason: 'swap',
      by,
      heldThrough: lastHeldRound(room.state, s.id),
    });
    return { kind: 'ok', event, warnings: r.warnings };
  });
}
