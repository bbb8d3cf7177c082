/**
 * People leaving and arriving while a session is under way (issue 12). Removing someone re-plans
 * the rounds still to come without them, in the same commit (live-seating.ts); held rounds keep
 * them, since they were there. Someone added — a walk-in from a phone, or by a facilitator — is
 * committed at once (the phone must not wait on the solver), then placed in the rounds still to
 * come by a re-plan that follows (`followUp`): until then the phone rightly says they are not in
 * the round under way, which they never could be.
 */
import type { EventDetail } from '../../contract/events.ts';
import type { AppContext } from '../context.ts';
import * as repo from '../db/repos/events.ts';
import type { EventRecord } from '../db/repos/events.ts';
import { notFound } from '../http/errors.ts';
import { applySeatingChange, unplaced, type Prepare } from './live-seating.ts';
import { eventDetail } from './read.ts';
import type { Rooms } from './rooms.ts';

export async function removeParticipant(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  participantId: string,
  by: string | null,
): Promise<EventDetail> {
  const prepare: Prepare = async (tx, _state, held) => {
    const p = await repo.findParticipant(tx.db, e.id, participantId);
    if (!p) throw notFound('participant');
    const later = held ? held.plan.slice(held.heldThrough + 1) : [];
    return {
      reason: 'participant_removed',
      replan: later.some((r) => r.groups.some((g) => g.participantIds.includes(p.id))),
      after: (b) => ({
        ...b,
        participants: b.participants.filter((x) => x.id !== p.id),
        tables: b.tables.map((t) =>
          t.host_participant_id === p.id ? { ...t, host_participant_id: null } : t,
        ),
      }),
      write: async (trx) => {
        await repo.deleteParticipant(trx, e.id, p.id);
      },
      extra: [{ kind: 'participantRemoved', participantId: p.id }],
    };
  };
  return (
    (await applySeatingChange(ctx, rooms, e.id, prepare, by)) ?? (await eventDetail(ctx.db, e.id))!
  );
}

/** Places whoever present is not seated in the rounds still to come (nothing when all are). */
const placeArrivals: Prepare = async (tx, _state, held) => {
  if (!held?.replannable) return null;
  const people = await repo.listParticipants(tx.db, held.session.eventId);
  const present = people.filter((p) => p.status !== 'absent').map((p) => p.id);
  if (!unplaced(held, present).length) return null;
  return {
    reason: 'participant_added',
    replan: true,
    after: (b) => b,
    write: async () => undefined,
  };
};

interface FollowUps {
  running: Map<string, Promise<void>>;
  again: Set<string>;
  failures: Map<string, unknown>;
}
const followUpsOf = new WeakMap<Rooms, FollowUps>();

function stateOf(rooms: Rooms): FollowUps {
  let f = followUpsOf.get(rooms);
  if (!f) {
    f = { running: new Map(), again: new Set(), failures: new Map() };
    followUpsOf.set(rooms, f);
  }
  return f;
}

/**
 * After someone was added: re-plans the rounds still to come of the session under way so they are
 * seated. One at a time per event; arrivals during a re-plan are seated by the next one. A re-plan
 * that cannot be made leaves the plan as it is (the console's re-plan says why).
 */
export function followUp(ctx: AppContext, rooms: Rooms, eventId: string): void {
  const f = stateOf(rooms);
  if (f.running.has(eventId)) {
    f.again.add(eventId);
    return;
  }
  const run = (async () => {
    do {
      f.again.delete(eventId);
      try {
        await applySeatingChange(ctx, rooms, eventId, placeArrivals, null);
        f.failures.delete(eventId);
      } catch (err) {
        // Kept for the tests and the console's re-plan; the arrival itself was committed.
        f.failures.set(eventId, err);
      }
    } while (f.again.has(eventId));
    f.running.delete(eventId);
  })();
  f.running.set(eventId, run);
}

/** Resolves when the event's follow-up re-plans are done; with the last failure, if any. */
export async function followUpsSettled(rooms: Rooms, eventId: string): Promise<unknown> {
  const f = stateOf(rooms);
  while (f.running.has(eventId)) await f.running.get(eventId);
  return f.failures.get(eventId);
}
