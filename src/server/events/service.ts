import { randomUUID } from 'node:crypto';
import type { EventCreate, ParticipantInput } from '../../contract/events.ts';
import { DEFAULT_CAFE_ISSUES, DEFAULT_EXPERTISE_GROUPS } from '../../domain/taxonomy/index.ts';
import { can, type Actor, type Action } from '../auth/policy.ts';
import type { AppContext } from '../context.ts';
import type { EventRecord } from '../db/repos/events.ts';
import * as repo from '../db/repos/events.ts';
import { audit } from '../db/repos/accounts.ts';
import { forbidden, notFound, unauthenticated } from '../http/errors.ts';
import { newJoinCode } from './codes.ts';
import { checkDates, checkUniqueKeys } from './rules.ts';

export const eventAccess = (e: EventRecord) => ({
  coalitionId: e.coalitionId,
  owningOrganisationId: null,
  visibility: 'coalition' as const,
});

/** The event if the actor may do `action` to it; 404 when they may not even read it. */
export async function eventFor(
  ctx: AppContext,
  actor: Actor,
  eventId: string,
  action: Action,
): Promise<EventRecord> {
  const e = await repo.findEvent(ctx.db, eventId);
  if (!e || !can(actor, 'read', 'event', eventAccess(e))) throw notFound('event');
  if (action !== 'read' && !can(actor, action, 'event', eventAccess(e))) throw forbidden();
  return e;
}

/** Default issues and groups carry translation keys as labels until a facilitator renames them. */
export function defaultIssues() {
  return DEFAULT_CAFE_ISSUES.map((i) => ({
    key: i.key,
    label: i.label,
    forms: [...i.forms],
    sectors: [...i.sectors],
    populations: [...i.populations],
  }));
}

export async function createEvent(
  ctx: Pick<AppContext, 'db' | 'now'>,
  actor: Actor,
  input: EventCreate,
): Promise<string> {
  if (actor.kind === 'anonymous') throw unauthenticated();
  if (
    !can(actor, 'create', 'event', {
      coalitionId: actor.coalitionId,
      owningOrganisationId: null,
      visibility: 'coalition',
    })
  )
    throw forbidden();
  checkDates(input.startsOn, input.endsOn);
  checkUniqueKeys(input);
  const now = ctx.now().toISOString();
  const id = randomUUID();
  await ctx.db.transaction().execute(async (trx) => {
    await repo.insertEvent(trx, {
      id,
      coalitionId: actor.coalitionId,
      name: input.name,
      startsOn: input.startsOn,
      endsOn: input.endsOn,
      venue: input.venue,
      timeZone: input.timeZone,
      joinCode: newJoinCode(),
      walkInsAllowed: input.walkInsAllowed,
      issues: input.issues ?? defaultIssues(),
      expertiseGroups: input.expertiseGroups ?? DEFAULT_EXPERTISE_GROUPS.map((g) => ({ ...g })),
      createdAt: now,
      updatedAt: now,
    });
    await repo.insertTables(
      trx,
      input.tables.map((t, position) => ({
        id: randomUUID(),
        event_id: id,
        name: t.name,
        capacity: t.capacity,
        position,
        host_participant_id: null,
      })),
    );
    await audit(
      trx,
      {
        coalitionId: actor.coalitionId,
        userId: actor.userId,
        action: 'create',
        resource: 'event',
        recordId: id,
      },
      now,
    );
  });
  return id;
}

/** A new participant of the event, as given (expected, not joined yet). */
export function newParticipant(
  eventId: string,
  p: ParticipantInput,
  position: number,
  now: string,
): repo.ParticipantRecord {
  return {
    id: randomUUID(),
    eventId,
    name: p.name,
    organisation: p.organisation,
    sector: p.sector,
    country: p.country,
    choices: p.choices,
    languages: p.languages,
    email: p.email,
    status: 'expected',
    joinedAt: null,
    personalCodeHash: null,
    position,
    createdAt: now,
  };
}

/** Adds participants in one transaction: all or none. */
export async function addParticipants(
  ctx: Pick<AppContext, 'db' | 'now'>,
  eventId: string,
  inputs: ParticipantInput[],
): Promise<string[]> {
  const now = ctx.now().toISOString();
  return ctx.db.transaction().execute(async (trx) => {
    const start = await repo.nextParticipantPosition(trx, eventId);
    const people = inputs.map((p, i) => newParticipant(eventId, p, start + i, now));
    await repo.insertParticipants(trx, people);
    return people.map((p) => p.id);
  });
}
