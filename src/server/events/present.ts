/**
 * Presenters: stored rows to contract shapes, without I/O (the events service reads what they
 * need, in as few queries as it can, and passes it in).
 */
import type { Card, HandoverNote } from '../../contract/cards.ts';
import type { EventDetail, Participant } from '../../contract/events.ts';
import type { EventTableTable } from '../db/schema.ts';
import type { EventRecord } from '../db/repos/events.ts';
import type { CardRecord, HandoverRecord } from '../db/repos/cards.ts';
import type { ParticipantRecord, SessionRecord } from '../db/repos/events.ts';
import { sessionRules } from './plan-basis.ts';
import { qualityOf } from './stored.ts';

/** A card as live, sheets and the report all send it (one presenter for every way out). */
export function presentCard(c: CardRecord): Card {
  return {
    id: c.id,
    issueKey: c.issueKey,
    kind: c.kind,
    level: c.level,
    text: c.text,
    tags: c.tags,
    tableId: c.tableId,
    round: c.round,
    participantId: c.participantId,
    version: c.version,
    deleted: c.deleted,
    createdAt: Date.parse(c.createdAt),
    updatedAt: Date.parse(c.updatedAt),
  };
}

/** A hand-over note as live and the sheet's JSON send it. */
export function presentHandover(h: HandoverRecord): HandoverNote {
  return {
    issueKey: h.issueKey,
    text: h.text,
    tableId: h.tableId,
    round: h.round,
    at: Date.parse(h.at),
  };
}

export function presentParticipant(p: ParticipantRecord, withEmail: boolean): Participant {
  return {
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    sector: p.sector,
    country: p.country,
    choices: p.choices,
    languages: p.languages,
    ...(withEmail ? { email: p.email } : {}),
    joined: p.joinedAt !== null,
    status: p.status,
  };
}

/** What an event's detail is made of besides its own row. */
export interface EventParts {
  tables: EventTableTable[];
  sessions: SessionRecord[];
  participantCount: number;
}

export type EventSummary = Pick<
  EventDetail,
  'id' | 'name' | 'startsOn' | 'endsOn' | 'venue' | 'participantCount'
>;

export function presentSummary(e: EventRecord, participantCount: number): EventSummary {
  return {
    id: e.id,
    name: e.name,
    startsOn: e.startsOn,
    endsOn: e.endsOn,
    venue: e.venue,
    participantCount,
  };
}

export function presentEvent(e: EventRecord, parts: EventParts): EventDetail {
  return {
    ...presentSummary(e, parts.participantCount),
    timeZone: e.timeZone,
    joinCode: e.joinCode,
    walkInsAllowed: e.walkInsAllowed,
    issues: e.issues,
    expertiseGroups: e.expertiseGroups,
    tables: parts.tables.map((t) => ({
      id: t.id,
      name: t.name,
      capacity: Number(t.capacity),
      hostParticipantId: t.host_participant_id,
    })),
    sessions: parts.sessions.map((s) => ({
      id: s.id,
      kind: s.kind,
      title: s.title,
      rounds: s.rounds,
      minutesPerRound: s.minutesPerRound,
      plan: s.plan,
      quality: qualityOf(s),
      rules: sessionRules(s),
    })),
  };
}
