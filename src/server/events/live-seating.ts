/**
 * Changes that alter who sits where — tables, participants — while a session is under way or has
 * held rounds (issue 12, "Live-safe set-up"). Such a change is never a silent wipe: it is either
 * applied together with a re-plan of the rounds not yet held (held rounds kept exactly), or
 * refused with a code that names the session.
 *
 * A change that needs a re-plan runs in three steps, like the console's re-plan (live/replan.ts):
 * 1. in the room's queue: check the change against the latest state, read what the plan depends
 *    on (its fingerprint) and what it will be after the change;
 * 2. outside the queue: solve the remaining rounds in a worker thread (planning/jobs.ts);
 * 3. in the queue again: if the fingerprint is unchanged, write the change, the new plan and its
 *    version in one transaction with one sequence number; if the room moved on (a round started,
 *    someone arrived), compute once more, then refuse (`room_moved`).
 * The phones therefore never see the new tables without the plan that uses them, nor a plan that
 * seats someone removed.
 */
import type { Transaction } from 'kysely';
import type { EventDetail, PlannedRound } from '../../contract/events.ts';
import type { Change, LiveState } from '../../contract/live.ts';
import type { PlanReason } from '../../contract/plans.ts';
import type { AppContext } from '../context.ts';
import { findSession } from '../db/repos/events.ts';
import type { SessionRecord } from '../db/repos/events.ts';
import type { Database } from '../db/schema.ts';
import { HttpError } from '../http/errors.ts';
import { PlanningError, type PlanningResult } from '../planning/engine.ts';
import { jobKey, PlanStopped } from '../planning/jobs.ts';
import { commitEventChange } from './changes.ts';
import { writePlan } from './history.ts';
import { fingerprint, readBasis, replanInput, type PlanBasis } from './plan-basis.ts';
import { stoppedError } from './plans.ts';
import type { Rooms, RoomTx } from './rooms.ts';
import { isRunning } from './rules.ts';

/** The solver's budget for the remaining rounds: the room is mid-session, so it is short. */
export const SEATING_REPLAN_MS = 5_000;
const GRACE_MS = 5_000;
const ATTEMPTS = 2;

type Write = (trx: Transaction<Database>) => Promise<void>;

/** The room's session with held rounds: those never change; later ones may follow a change. */
export interface HeldSession {
  session: SessionRecord;
  plan: PlannedRound[];
  /** Rounds 0..heldThrough have started. */
  heldThrough: number;
  /** A round is under way now (running or paused). */
  underWay: boolean;
  /** Rounds after `heldThrough` are still to come: a change re-plans them. */
  replannable: boolean;
}

export async function heldSessionOf(
  tx: Pick<RoomTx, 'db'>,
  eventId: string,
  state: LiveState,
): Promise<HeldSession | undefined> {
  if (!state.sessionId || state.status === 'idle') return undefined;
  const session = await findSession(tx.db, eventId, state.sessionId);
  const plan = session?.plan;
  if (!session || !plan) return undefined;
  const underWay = isRunning(state, session.id);
  return {
    session,
    plan,
    heldThrough: state.round,
    underWay,
    replannable: underWay && session.kind !== 'groups' && state.round + 1 < session.rounds,
  };
}

/** What a change writes, once checked against the room's latest state. */
export interface Prepared {
  write: Write;
  /** The held session's remaining rounds must be re-planned for this change. */
  replan: boolean;
  /** What the plan is computed from, as it will be after the write. */
  after(b: PlanBasis): PlanBasis;
  reason: PlanReason;
  /** Changes to broadcast after the event's (a participant removed). */
  extra?: Change[];
}

/**
 * Checks a change against the room's state (throwing to refuse it) and says what it writes; null
 * when there is nothing to do. Called again in step 3 with the then latest state, so it must
 * decide the same way given the same state (new ids are made by the caller, once).
 */
export type Prepare = (
  tx: RoomTx,
  state: LiveState,
  held: HeldSession | undefined,
) => Promise<Prepared | null>;

interface Replanned {
  result: PlanningResult;
  why: { reason: PlanReason; by: string | null; heldThrough: number };
}

async function commitSeating(
  ctx: AppContext,
  tx: RoomTx,
  eventId: string,
  p: Prepared,
  planned?: Replanned & { session: SessionRecord },
): Promise<EventDetail> {
  const { event } = await commitEventChange(ctx, tx, eventId, undefined, async (trx) => {
    await p.write(trx);
    if (planned)
      await writePlan(
        trx,
        ctx.now().toISOString(),
        planned.session,
        planned.result.plan,
        planned.result.quality,
        planned.why,
      );
  });
  for (const c of p.extra ?? []) await tx.commit(c, ctx.now());
  return event;
}

/** Names the session in a refusal, for the console to say which one. */
const namedRefusal = (
  status: number,
  error: string,
  session: Pick<SessionRecord, 'title'>,
  message: string,
) => new HttpError(status, { error, message, params: { session: session.title } });

/**
 * Applies a change that may alter who sits where: see the module comment. Answers the event as it
 * is after the change, or undefined when there was nothing to do.
 */
export async function applySeatingChange(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  prepare: Prepare,
  by: string | null,
): Promise<EventDetail | undefined> {
  const room = await rooms.loaded(eventId);
  for (let attempt = 1; ; attempt++) {
    const first = await room.perform(async (tx) => {
      const held = await heldSessionOf(tx, eventId, room.state);
      const p = await prepare(tx, room.state, held);
      if (!p) return { kind: 'done' as const, event: undefined };
      if (!held?.replannable || !p.replan)
        return { kind: 'done' as const, event: await commitSeating(ctx, tx, eventId, p) };
      const basis = (await readBasis(tx.db, eventId, held.session.id))!;
      return {
        kind: 'solve' as const,
        held,
        after: p.after(basis),
        print: fingerprint(basis, room.state),
        seed: room.seq,
      };
    });
    if (first.kind === 'done') return first.event;
    const { held, after, print, seed } = first;
    const s = held.session;
    let result: PlanningResult;
    try {
      result = await rooms.plans.replan(
        jobKey(eventId, s.id),
        replanInput(
          { ...after, session: { ...after.session, plan: held.plan } },
          held.heldThrough,
          seed,
          SEATING_REPLAN_MS,
        ),
        SEATING_REPLAN_MS + GRACE_MS,
      );
    } catch (err) {
      if (err instanceof PlanningError)
        throw namedRefusal(
          422,
          'cannot_replan',
          s,
          `The rounds still to come of "${s.title}" cannot be re-planned with this change (${err.message}); nothing was changed.`,
        );
      if (err instanceof PlanStopped) throw stoppedError(err);
      throw err;
    }
    const applied = await room.perform(async (tx) => {
      const now = await readBasis(tx.db, eventId, s.id);
      if (!now || fingerprint(now, room.state) !== print) return 'moved' as const;
      const heldNow = await heldSessionOf(tx, eventId, room.state);
      const p = await prepare(tx, room.state, heldNow);
      if (!p) return undefined;
      return commitSeating(ctx, tx, eventId, p, {
        session: now.session,
        result,
        why: { reason: p.reason, by, heldThrough: held.heldThrough },
      });
    });
    if (applied !== 'moved') return applied;
    if (attempt >= ATTEMPTS)
      throw namedRefusal(
        409,
        'room_moved',
        s,
        `"${s.title}" moved on while its remaining rounds were re-planned (a round started, or someone arrived or left): nothing was changed; try again.`,
      );
  }
}

/** People present (not marked absent) whom no round still to come seats. */
export function unplaced(held: HeldSession, presentIds: readonly string[]): string[] {
  const later = held.plan.slice(held.heldThrough + 1);
  return presentIds.filter(
    (id) => !later.every((r) => r.groups.some((g) => g.participantIds.includes(id))),
  );
}
