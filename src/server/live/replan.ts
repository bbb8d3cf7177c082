/**
 * Re-planning a running session without stopping the room. Three steps:
 * 1. in the room's queue, read what the plan depends on (the state, the plan, who is present);
 * 2. outside the queue, solve in a worker thread (planning/jobs.ts) — meanwhile the room keeps
 *    applying everyone else's intents and the round's countdown goes on;
 * 3. in the queue again, check that nothing the plan depends on changed (events/plan-basis.ts), and
 *    apply it with the intent's record and the next sequence number, in one transaction.
 * If the room moved on meanwhile (a round started, someone was marked absent), the plan is
 * computed again from the new state, once; then the re-plan is refused with a clear message.
 */
import type { AppContext } from '../context.ts';
import { findIntent } from '../db/repos/live.ts';
import { fingerprint, readBasis, replanInput, type PlanBasis } from '../events/plan-basis.ts';
import { commitPlan } from '../events/plans.ts';
import { userOfClientKey } from '../events/history.ts';
import { isRunning } from '../events/rules.ts';
import { PlanningError, type PlanningResult } from '../planning/engine.ts';
import { jobKey, PlanStopped } from '../planning/jobs.ts';
import type { LiveHub } from './hub.ts';
import type { IntentKey, Room, RoomClient } from './room.ts';
import { refuse, type IntentOutcome } from './intents.ts';

/** The solver's time budget for a re-plan: the room is mid-session, so it is short. */
export const REPLAN_TIME_MS = 5_000;
/** Past the solver's own budget (it then returns its best plan), the worker is stopped. */
const REPLAN_GRACE_MS = 5_000;
/** Times a re-plan is computed when the room keeps moving on under it. */
const ATTEMPTS = 2;

type Prepared =
  | { kind: 'done'; outcome: IntentOutcome }
  | {
      kind: 'ready';
      basis: PlanBasis;
      print: string;
      seed: number;
    };

export async function replanIntent(
  ctx: AppContext,
  hub: LiveHub,
  room: Room,
  client: RoomClient,
  id: string,
): Promise<IntentOutcome> {
  if (client.role !== 'facilitator') return refuse('forbidden', 'Only facilitators can do that.');
  const key: IntentKey = { clientKey: client.clientKey, id };
  for (let attempt = 1; ; attempt++) {
    const prepared = await room.perform(async (tx): Promise<Prepared> => {
      const seen = await findIntent(tx.db, room.eventId, key.clientKey, id);
      if (seen !== undefined) return { kind: 'done', outcome: { ok: true, seq: seen } };
      const st = room.state;
      const basis = st.sessionId ? await readBasis(tx.db, room.eventId, st.sessionId) : undefined;
      if (!basis?.session.plan || !isRunning(st, basis.session.id))
        return {
          kind: 'done',
          outcome: refuse('not_running', 'Re-planning needs a running session with a plan.'),
        };
      return { kind: 'ready', basis, print: fingerprint(basis, st), seed: room.seq };
    });
    if (prepared.kind === 'done') return prepared.outcome;
    const { basis, print, seed } = prepared;
    let result: PlanningResult;
    try {
      result = await hub.plans.replan(
        jobKey(room.eventId, basis.session.id),
        replanInput(basis, room.state.round, seed, REPLAN_TIME_MS),
        REPLAN_TIME_MS + REPLAN_GRACE_MS,
      );
    } catch (err) {
      if (err instanceof PlanningError) return refuse('cannot_replan', err.message);
      if (err instanceof PlanStopped) return refuse(`replan_${err.reason}`, err.message);
      throw err;
    }
    const applied = await room.perform(async (tx): Promise<IntentOutcome | 'moved'> => {
      const seen = await findIntent(tx.db, room.eventId, key.clientKey, id);
      if (seen !== undefined) return { ok: true, seq: seen };
      const now = await readBasis(tx.db, room.eventId, basis.session.id);
      if (!now || fingerprint(now, room.state) !== print) return 'moved';
      const { seq } = await commitPlan(
        ctx,
        tx,
        room.eventId,
        basis.session.id,
        result.plan,
        result.quality,
        { reason: 'replan', by: userOfClientKey(key.clientKey), heldThrough: room.state.round },
        key,
      );
      return { ok: true, seq };
    });
    if (applied !== 'moved') return applied;
    if (attempt >= ATTEMPTS)
      return refuse(
        'room_moved',
        'The room kept changing while re-planning (a round started, or someone arrived or left): re-plan again.',
      );
  }
}
