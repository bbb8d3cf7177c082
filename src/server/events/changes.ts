/**
 * Set-up changes to an event — its details, tables, hosts, participants and sessions — each
 * applied in the event's room queue: the checks read the latest state, the write, the change that
 * tells the consoles, projectors and phones, and its sequence number commit together.
 */
import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type {
  EventDetail,
  EventSessionInput,
  EventUpdate,
  Participant,
  ParticipantInput,
  SessionRules,
} from '../../contract/events.ts';
import type { LiveState } from '../../contract/live.ts';
import type { AppContext } from '../context.ts';
import type { Database } from '../db/schema.ts';
import type { EventRecord } from '../db/repos/events.ts';
import * as repo from '../db/repos/events.ts';
import { invalid, notFound } from '../http/errors.ts';
import { presentParticipant } from './present.ts';
import { detailOf } from './read.ts';
import type { IntentKey, Rooms, RoomTx } from './rooms.ts';
import { checkDates, checkUniqueKeys, isRunning, sessionRunning } from './rules.ts';
import { followUp } from './people.ts';
import { newParticipant } from './service.ts';

type Write = (trx: Transaction<Database>) => Promise<void>;

/**
 * Commits `write` with the event as it then reads (an `event` change, built in the same
 * transaction), with the record of the intent that caused it if any.
 */
export async function commitEventChange(
  ctx: Pick<AppContext, 'now'>,
  tx: RoomTx,
  eventId: string,
  intent: IntentKey | undefined,
  write: Write,
): Promise<{ seq: number; event: EventDetail }> {
  let event: EventDetail | undefined;
  const seq = await tx.commit(
    async (trx) => {
      const e = await repo.findEvent(trx, eventId);
      if (!e) throw notFound('event');
      event = await detailOf(trx, e);
      return { kind: 'event', event };
    },
    ctx.now(),
    intent,
    write,
  );
  return { seq, event: event! };
}

/** Runs `decide` in the event's room queue; the write it returns is committed as an event change. */
async function inRoom(
  ctx: AppContext,
  rooms: Rooms,
  eventId: string,
  decide: (tx: RoomTx, state: LiveState) => Promise<Write>,
): Promise<EventDetail> {
  const room = await rooms.loaded(eventId);
  return room.perform(
    async (tx) =>
      (await commitEventChange(ctx, tx, eventId, undefined, await decide(tx, room.state))).event,
  );
}

export async function updateEvent(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  b: EventUpdate,
): Promise<EventDetail> {
  checkUniqueKeys(b);
  return inRoom(ctx, rooms, e.id, async (tx) => {
    const now = (await repo.findEvent(tx.db, e.id)) ?? e;
    const startsOn = b.startsOn ?? now.startsOn;
    const endsOn = b.endsOn ?? now.endsOn;
    checkDates(startsOn, endsOn);
    return (trx) =>
      repo.updateEvent(trx, e, {
        ...(b.name !== undefined && { name: b.name }),
        startsOn,
        endsOn,
        ...(b.venue !== undefined && { venue: b.venue }),
        ...(b.timeZone !== undefined && { timeZone: b.timeZone }),
        ...(b.walkInsAllowed !== undefined && { walkInsAllowed: b.walkInsAllowed }),
        ...(b.issues !== undefined && { issues: b.issues }),
        ...(b.expertiseGroups !== undefined && { expertiseGroups: b.expertiseGroups }),
        updatedAt: ctx.now().toISOString(),
      });
  });
}

export async function setTableHost(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  tableId: string,
  participantId: string | null,
): Promise<EventDetail> {
  return inRoom(ctx, rooms, e.id, async (tx) => {
    const tables = await repo.listTables(tx.db, e.id);
    if (!tables.some((t) => t.id === tableId)) throw notFound('table');
    if (participantId && !(await repo.findParticipant(tx.db, e.id, participantId)))
      throw invalid([
        {
          field: 'participantId',
          code: 'unknown_participant',
          message: 'is not a participant of this event',
        },
      ]);
    return (trx) => repo.setTableHost(trx, e.id, tableId, participantId);
  });
}

/** A participant's choices name expertise groups of the event. */
export function checkChoices(e: EventRecord, input: ParticipantInput): void {
  const groups = e.expertiseGroups.map((g) => g.key);
  const bad = input.choices.findIndex((c) => !groups.includes(c));
  if (bad >= 0)
    throw invalid([
      {
        field: `choices.${bad}`,
        code: 'unknown_group',
        params: { options: groups },
        message: `is not one of this event's expertise groups (${groups.join(', ')})`,
      },
    ]);
}

/**
 * Adds one participant (a facilitator's form); phones hear of them. During a session with rounds
 * still to come, a re-plan follows that seats them there (people.ts).
 */
export async function addParticipant(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  input: ParticipantInput,
  options: { checkChoices: boolean } = { checkChoices: true },
): Promise<Participant> {
  if (options.checkChoices) checkChoices(e, input);
  const room = await rooms.loaded(e.id);
  const added = await room.perform(async (tx) => {
    const at = ctx.now();
    const person = newParticipant(
      e.id,
      input,
      await repo.nextParticipantPosition(tx.db, e.id),
      at.toISOString(),
    );
    await tx.commit(
      { kind: 'participant', participant: presentParticipant(person, false) },
      at,
      undefined,
      (trx) => repo.insertParticipants(trx, [person]),
    );
    return presentParticipant(person, true);
  });
  followUp(ctx, rooms, e.id);
  return added;
}

/** Adds many participants, all or none (an import); consoles hear of the new count. */
export async function addParticipantList(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  inputs: ParticipantInput[],
  /** More writes of the same import (its audit record…), in the same transaction. */
  alsoWrite?: Write,
): Promise<EventDetail> {
  return inRoom(ctx, rooms, e.id, async () => async (trx) => {
    const now = ctx.now().toISOString();
    const start = await repo.nextParticipantPosition(trx, e.id);
    await repo.insertParticipants(
      trx,
      inputs.map((p, i) => newParticipant(e.id, p, start + i, now)),
    );
    await alsoWrite?.(trx);
  });
}

export async function addSession(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  b: z.infer<typeof EventSessionInput>,
): Promise<EventDetail> {
  return inRoom(ctx, rooms, e.id, async (tx) => {
    const position = (await repo.listSessions(tx.db, e.id)).length;
    return (trx) =>
      repo.insertSession(trx, {
        id: randomUUID(),
        eventId: e.id,
        kind: b.kind,
        title: b.title,
        rounds: b.kind === 'groups' ? 1 : b.rounds,
        minutesPerRound: b.minutesPerRound,
        position,
        plan: null,
        quality: null,
        rules: b.rules ?? null,
      });
  });
}

/** A session's seating rules; in the room's queue, so a plan computed under the old ones is outdated. */
export async function setSessionRules(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  sessionId: string,
  rules: SessionRules,
): Promise<EventDetail> {
  return inRoom(ctx, rooms, e.id, async (tx) => {
    if (!(await repo.listSessions(tx.db, e.id)).some((s) => s.id === sessionId))
      throw notFound('session');
    return async (trx) => {
      await repo.saveSessionRules(trx, e.id, sessionId, rules);
    };
  });
}

/** Removes a session; one whose rounds are under way cannot be (checked in the room's queue). */
export async function deleteSession(
  ctx: AppContext,
  rooms: Rooms,
  e: EventRecord,
  sessionId: string,
): Promise<EventDetail> {
  return inRoom(ctx, rooms, e.id, async (tx, state) => {
    // Only this event's sessions: another event's session id is "no such session" here.
    const s = await repo.findSession(tx.db, e.id, sessionId);
    if (!s) throw notFound('session');
    if (isRunning(state, s.id)) throw sessionRunning('Finish the session before removing it.');
    return async (trx) => {
      await repo.deleteSession(trx, e.id, s.id);
    };
  });
}
