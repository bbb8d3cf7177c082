/** Reading events for presenting: the queries, once, then the presenters (present.ts). */
import type { EventDetail } from '../../contract/events.ts';
import type { Db } from '../db/index.ts';
import type { EventRecord } from '../db/repos/events.ts';
import {
  countParticipants,
  findEvent,
  listEventsWithCounts,
  listSessions,
  listTables,
} from '../db/repos/events.ts';
import { presentEvent, presentSummary, type EventParts, type EventSummary } from './present.ts';

export async function eventParts(db: Db, eventId: string): Promise<EventParts> {
  const [tables, sessions, participantCount] = await Promise.all([
    listTables(db, eventId),
    listSessions(db, eventId),
    countParticipants(db, eventId),
  ]);
  return { tables, sessions, participantCount };
}

export async function detailOf(db: Db, e: EventRecord): Promise<EventDetail> {
  return presentEvent(e, await eventParts(db, e.id));
}

/** The event as the API and the live room show it; undefined when there is no such event. */
export async function eventDetail(db: Db, eventId: string): Promise<EventDetail | undefined> {
  const e = await findEvent(db, eventId);
  return e && detailOf(db, e);
}

/** The coalition's events, newest first, in one query. */
export async function eventSummaries(db: Db, coalitionId: string): Promise<EventSummary[]> {
  return (await listEventsWithCounts(db, coalitionId)).map((e) =>
    presentSummary(e, e.participantCount),
  );
}
