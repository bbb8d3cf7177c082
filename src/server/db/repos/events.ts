import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type {
  Database,
  EventSessionTable,
  EventTable,
  EventTableTable,
  ParticipantStatus,
  ParticipantTable,
} from '../schema.ts';
import type { ParticipantSectorCode } from '../../../contract/constants.ts';
import { fromJson, toJson } from '../json.ts';
import type {
  EventIssue,
  ExpertiseGroup,
  PlannedRound,
  ScheduleQuality,
  SessionKind,
  SessionRules,
} from '../../../contract/events.ts';
import { ofCoalition, ofEvent, touched } from './scoped.ts';

type Tx = Transaction<Database>;
type DbOrTx = Db | Tx;

/**
 * An event as the services use it: camelCase, walk-ins a boolean, issues and expertise groups
 * parsed, dates as the ISO strings stored. Rows become records in `eventOf` only, and records
 * rows in `eventRow` only.
 */
export interface EventRecord {
  id: string;
  coalitionId: string;
  name: string;
  /** YYYY-MM-DD. */
  startsOn: string;
  endsOn: string;
  venue: string;
  timeZone: string;
  joinCode: string;
  walkInsAllowed: boolean;
  issues: EventIssue[];
  expertiseGroups: ExpertiseGroup[];
  createdAt: string;
  updatedAt: string;
}

/** The fields of an event a write may change. */
export type EventPatch = Partial<
  Pick<
    EventRecord,
    | 'name'
    | 'startsOn'
    | 'endsOn'
    | 'venue'
    | 'timeZone'
    | 'walkInsAllowed'
    | 'issues'
    | 'expertiseGroups'
    | 'updatedAt'
  >
>;

function eventOf(r: EventTable): EventRecord {
  return {
    id: r.id,
    coalitionId: r.coalition_id,
    name: r.name,
    startsOn: r.starts_on,
    endsOn: r.ends_on,
    venue: r.venue,
    timeZone: r.time_zone,
    joinCode: r.join_code,
    walkInsAllowed: Number(r.walk_ins_allowed) === 1,
    issues: fromJson(r.issues),
    expertiseGroups: fromJson(r.expertise_groups),
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

function eventRow(e: EventRecord): EventTable {
  return {
    id: e.id,
    coalition_id: e.coalitionId,
    name: e.name,
    starts_on: e.startsOn,
    ends_on: e.endsOn,
    venue: e.venue,
    time_zone: e.timeZone,
    join_code: e.joinCode,
    walk_ins_allowed: e.walkInsAllowed ? 1 : 0,
    issues: toJson(e.issues),
    expertise_groups: toJson(e.expertiseGroups),
    created_at: e.createdAt,
    updated_at: e.updatedAt,
  };
}

function eventPatchRow(p: EventPatch): Partial<EventTable> {
  return {
    ...(p.name !== undefined && { name: p.name }),
    ...(p.startsOn !== undefined && { starts_on: p.startsOn }),
    ...(p.endsOn !== undefined && { ends_on: p.endsOn }),
    ...(p.venue !== undefined && { venue: p.venue }),
    ...(p.timeZone !== undefined && { time_zone: p.timeZone }),
    ...(p.walkInsAllowed !== undefined && { walk_ins_allowed: p.walkInsAllowed ? 1 : 0 }),
    ...(p.issues !== undefined && { issues: toJson(p.issues) }),
    ...(p.expertiseGroups !== undefined && { expertise_groups: toJson(p.expertiseGroups) }),
    ...(p.updatedAt !== undefined && { updated_at: p.updatedAt }),
  };
}

export async function insertEvent(trx: Tx, event: EventRecord): Promise<void> {
  await trx.insertInto('events').values(eventRow(event)).execute();
}

/**
 * An event by id: the root of everything below it. Callers decide access with `can()` on the
 * event's coalition (`eventFor` in events/service.ts) before reaching any child through it.
 */
export async function findEvent(db: DbOrTx, id: string): Promise<EventRecord | undefined> {
  const row = await db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
  return row && eventOf(row);
}

export async function findEventByCode(db: DbOrTx, code: string): Promise<EventRecord | undefined> {
  const row = await db
    .selectFrom('events')
    .selectAll()
    .where('join_code', '=', code)
    .executeTakeFirst();
  return row && eventOf(row);
}

export async function listEvents(db: DbOrTx, coalitionId: string): Promise<EventRecord[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('starts_on', 'desc')
    .orderBy('name')
    .execute();
  return rows.map(eventOf);
}

/** The coalition's events, oldest first (the order the overlap lists a cell's cards in). */
export async function listEventsByDate(db: DbOrTx, coalitionId: string): Promise<EventRecord[]> {
  const rows = await db
    .selectFrom('events')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('starts_on')
    .orderBy('id')
    .execute();
  return rows.map(eventOf);
}

/**
 * The coalition's events, each with its number of participants: one query (a list of events read
 * one query per event, N+1, before). The count is a subquery on the event's own rows.
 */
export async function listEventsWithCounts(
  db: DbOrTx,
  coalitionId: string,
): Promise<(EventRecord & { participantCount: number })[]> {
  const rows = await db
    .selectFrom('events as e')
    .selectAll('e')
    .select((eb) => {
      // eslint-disable-next-line no-restricted-syntax -- keyed by the event row of this coalition
      const participants = eb.selectFrom('participants as p');
      return participants
        .select((c) => c.fn.countAll<number | string | bigint>().as('n'))
        .whereRef('p.event_id', '=', 'e.id')
        .as('participant_count');
    })
    .where('e.coalition_id', '=', coalitionId)
    .orderBy('e.starts_on', 'desc')
    .orderBy('e.name')
    .execute();
  return rows.map(({ participant_count, ...r }) => ({
    ...eventOf(r),
    participantCount: Number(participant_count ?? 0),
  }));
}

export async function countParticipants(db: DbOrTx, eventId: string): Promise<number> {
  const r = await ofEvent(db, 'participants', eventId)
    .select()
    .select((eb) => eb.fn.countAll<number | string | bigint>().as('n'))
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

export async function updateEvent(
  trx: Tx,
  e: Pick<EventRecord, 'id' | 'coalitionId'>,
  patch: EventPatch,
): Promise<void> {
  await ofCoalition(trx, 'events', e.coalitionId)
    .update()
    .set(eventPatchRow(patch))
    .where('id', '=', e.id)
    .execute();
}

export function listTables(db: DbOrTx, eventId: string): Promise<EventTableTable[]> {
  return ofEvent(db, 'event_tables', eventId).select().selectAll().orderBy('position').execute();
}

/** Replacing the tables clears the hosts and the plans that seated people at the old ones. */
export async function replaceTables(
  trx: Tx,
  eventId: string,
  rows: EventTableTable[],
): Promise<void> {
  await ofEvent(trx, 'event_tables', eventId).delete().execute();
  await insertTables(trx, rows);
  await ofEvent(trx, 'event_sessions', eventId)
    .update()
    .set({ plan: null, quality: null })
    .where('kind', '!=', 'networking')
    .execute();
}

/**
 * Saves the tables in place (issue 12): a kept table keeps its id, so the plans that seat people
 * at it stay right when it is renamed, moved or resized; `removed` tables are deleted. Plans are
 * the caller's business (events/tables.ts decides which follow and which are cleared).
 */
export async function saveTables(
  trx: Tx,
  eventId: string,
  kept: readonly Pick<EventTableTable, 'id' | 'name' | 'capacity' | 'position'>[],
  added: EventTableTable[],
  removed: readonly string[],
): Promise<void> {
  if (removed.length)
    await ofEvent(trx, 'event_tables', eventId).delete().where('id', 'in', removed).execute();
  for (const t of kept)
    await ofEvent(trx, 'event_tables', eventId)
      .update()
      .set({ name: t.name, capacity: t.capacity, position: t.position })
      .where('id', '=', t.id)
      .execute();
  await insertTables(trx, added);
}

/** Removes a participant: their device tokens and the table they hosted go with them. */
export async function deleteParticipant(
  trx: Tx,
  eventId: string,
  participantId: string,
): Promise<boolean> {
  await ofEvent(trx, 'event_tables', eventId)
    .update()
    .set({ host_participant_id: null })
    .where('host_participant_id', '=', participantId)
    .execute();
  await deleteParticipantTokens(trx, eventId, participantId);
  const r = await ofEvent(trx, 'participants', eventId)
    .delete()
    .where('id', '=', participantId)
    .executeTakeFirst();
  return touched(r) > 0;
}

export async function insertTables(trx: Tx, rows: EventTableTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('event_tables').values(rows).execute();
}

export async function setTableHost(
  trx: Tx,
  eventId: string,
  tableId: string,
  participantId: string | null,
): Promise<void> {
  const tables = () => ofEvent(trx, 'event_tables', eventId).update();
  // A person hosts one table at most.
  if (participantId)
    await tables()
      .set({ host_participant_id: null })
      .where('host_participant_id', '=', participantId)
      .execute();
  await tables().set({ host_participant_id: participantId }).where('id', '=', tableId).execute();
}

/**
 * A participant as the services use it: camelCase, numbers as numbers on both backends, choices
 * and languages parsed. Rows become records in `participantOf` only, and records rows in
 * `participantRow` only.
 */
export interface ParticipantRecord {
  id: string;
  eventId: string;
  name: string;
  organisation: string;
  sector: ParticipantSectorCode;
  country: string | null;
  /** Ranked expertise-group keys. */
  choices: string[];
  /** Language codes. */
  languages: string[];
  email: string | null;
  status: ParticipantStatus;
  /** When they first joined from a phone; null until then. */
  joinedAt: string | null;
  /** SHA-256 of their personal code; null until they have one. */
  personalCodeHash: string | null;
  position: number;
  createdAt: string;
}

/** The fields of a participant a write may change. */
export type ParticipantPatch = Partial<
  Pick<ParticipantRecord, 'status' | 'joinedAt' | 'personalCodeHash'>
>;

function participantOf(r: ParticipantTable): ParticipantRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    name: r.name,
    organisation: r.organisation,
    sector: r.sector,
    country: r.country,
    choices: fromJson(r.choices),
    languages: fromJson(r.languages),
    email: r.email,
    status: r.status,
    joinedAt: r.joined_at,
    personalCodeHash: r.personal_code_hash,
    position: Number(r.position),
    createdAt: r.created_at,
  };
}

function participantRow(p: ParticipantRecord): ParticipantTable {
  return {
    id: p.id,
    event_id: p.eventId,
    name: p.name,
    organisation: p.organisation,
    sector: p.sector,
    country: p.country,
    choices: toJson(p.choices),
    languages: toJson(p.languages),
    email: p.email,
    status: p.status,
    joined_at: p.joinedAt,
    personal_code_hash: p.personalCodeHash,
    position: p.position,
    created_at: p.createdAt,
  };
}

function participantPatchRow(p: ParticipantPatch): Partial<ParticipantTable> {
  return {
    ...(p.status !== undefined && { status: p.status }),
    ...(p.joinedAt !== undefined && { joined_at: p.joinedAt }),
    ...(p.personalCodeHash !== undefined && { personal_code_hash: p.personalCodeHash }),
  };
}

export async function listParticipants(db: DbOrTx, eventId: string): Promise<ParticipantRecord[]> {
  const rows = await ofEvent(db, 'participants', eventId)
    .select()
    .selectAll()
    .orderBy('position')
    .execute();
  return rows.map(participantOf);
}

export async function findParticipant(
  db: DbOrTx,
  eventId: string,
  id: string,
): Promise<ParticipantRecord | undefined> {
  const row = await ofEvent(db, 'participants', eventId)
    .select()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && participantOf(row);
}

export async function nextParticipantPosition(db: DbOrTx, eventId: string): Promise<number> {
  const r = await ofEvent(db, 'participants', eventId)
    .select()
    .select((eb) => eb.fn.max('position').as('p'))
    .executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1;
}

export async function insertParticipants(trx: Tx, people: ParticipantRecord[]): Promise<void> {
  const rows = people.map(participantRow);
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < rows.length; i += 50)
    await trx
      .insertInto('participants')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function updateParticipant(
  db: DbOrTx,
  eventId: string,
  id: string,
  patch: ParticipantPatch,
): Promise<void> {
  await ofEvent(db, 'participants', eventId)
    .update()
    .set(participantPatchRow(patch))
    .where('id', '=', id)
    .execute();
}

/**
 * The participant whose personal code this is, in whichever event: a root lookup by a secret
 * (SHA-256 of a random code), like a session cookie; the event follows from the record.
 */
export async function findParticipantByCodeHash(
  db: DbOrTx,
  hash: string,
): Promise<ParticipantRecord | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- a root lookup by a secret, see above
  const participants = db.selectFrom('participants');
  const row = await participants
    .selectAll()
    .where('personal_code_hash', '=', hash)
    .executeTakeFirst();
  return row && participantOf(row);
}

export async function insertParticipantToken(
  db: DbOrTx,
  row: { token_hash: string; participant_id: string; event_id: string; created_at: string },
): Promise<void> {
  await db.insertInto('participant_tokens').values(row).execute();
}

/** The participant a device token belongs to: a root lookup by a secret (SHA-256 of 32 random bytes). */
export async function participantOfToken(
  db: DbOrTx,
  tokenHash: string,
): Promise<ParticipantRecord | undefined> {
  // eslint-disable-next-line no-restricted-syntax -- a root lookup by a secret, see above
  const tokens = db.selectFrom('participant_tokens as t');
  const row = await tokens
    .innerJoin('participants as p', (j) =>
      j.onRef('p.id', '=', 't.participant_id').onRef('p.event_id', '=', 't.event_id'),
    )
    .selectAll('p')
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
  return row && participantOf(row);
}

/**
 * A session as the services use it: camelCase, numbers as numbers on both backends (PostgreSQL
 * may answer integers as strings), plan, quality and rules parsed. Rows become records in
 * `sessionOf` only, and records rows in `sessionRow` only.
 */
export interface SessionRecord {
  id: string;
  eventId: string;
  kind: SessionKind;
  title: string;
  rounds: number;
  minutesPerRound: number;
  position: number;
  /** Once generated. */
  plan: PlannedRound[] | null;
  quality: ScheduleQuality | null;
  /** Null: the defaults (a session made before rules existed); read through `sessionRules`. */
  rules: SessionRules | null;
}

function sessionOf(r: EventSessionTable): SessionRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    kind: r.kind,
    title: r.title,
    rounds: Number(r.rounds),
    minutesPerRound: Number(r.minutes_per_round),
    position: Number(r.position),
    plan: r.plan === null ? null : fromJson(r.plan),
    quality: r.quality === null ? null : fromJson(r.quality),
    rules: r.rules === null || r.rules === undefined ? null : fromJson(r.rules),
  };
}

function sessionRow(s: SessionRecord): EventSessionTable {
  return {
    id: s.id,
    event_id: s.eventId,
    kind: s.kind,
    title: s.title,
    rounds: s.rounds,
    minutes_per_round: s.minutesPerRound,
    position: s.position,
    plan: s.plan === null ? null : toJson(s.plan),
    quality: s.quality === null ? null : toJson(s.quality),
    rules: s.rules === null ? null : toJson(s.rules),
  };
}

export async function listSessions(db: DbOrTx, eventId: string): Promise<SessionRecord[]> {
  const rows = await ofEvent(db, 'event_sessions', eventId)
    .select()
    .selectAll()
    .orderBy('position')
    .execute();
  return rows.map(sessionOf);
}

export async function findSession(
  db: DbOrTx,
  eventId: string,
  sessionId: string,
): Promise<SessionRecord | undefined> {
  const row = await ofEvent(db, 'event_sessions', eventId)
    .select()
    .selectAll()
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return row && sessionOf(row);
}

export async function insertSession(trx: DbOrTx, session: SessionRecord): Promise<void> {
  await trx.insertInto('event_sessions').values(sessionRow(session)).execute();
}

/** Whether the event had that session (a session of another event is not touched). */
export async function deleteSession(
  trx: DbOrTx,
  eventId: string,
  sessionId: string,
): Promise<boolean> {
  const r = await ofEvent(trx, 'event_sessions', eventId)
    .delete()
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return touched(r) > 0;
}

/** Whether the event had that session (another event's session id changes nothing). */
export async function saveSessionRules(
  db: DbOrTx,
  eventId: string,
  sessionId: string,
  rules: SessionRules,
): Promise<boolean> {
  const r = await ofEvent(db, 'event_sessions', eventId)
    .update()
    .set({ rules: toJson(rules) })
    .where('id', '=', sessionId)
    .executeTakeFirst();
  return touched(r) > 0;
}

export async function savePlan(
  db: DbOrTx,
  eventId: string,
  sessionId: string,
  plan: PlannedRound[] | null,
  quality: ScheduleQuality | null,
): Promise<void> {
  await ofEvent(db, 'event_sessions', eventId)
    .update()
    .set({
      plan: plan === null ? null : toJson(plan),
      quality: quality === null ? null : toJson(quality),
    })
    .where('id', '=', sessionId)
    .execute();
}

/** Forgets every device token of a participant (their seat moves to another phone). */
export async function deleteParticipantTokens(
  db: DbOrTx,
  eventId: string,
  participantId: string,
): Promise<void> {
  await ofEvent(db, 'participant_tokens', eventId)
    .delete()
    .where('participant_id', '=', participantId)
    .execute();
}
