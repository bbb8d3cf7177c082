/**
 * Where a person is now, and who hosts a table: read by the server (a card's provenance, the
 * hand-over note's ROOM_POLICY row) and by the phone (where to go, whether to offer the note's
 * form) from the same functions, so the two never disagree.
 */
import type {
  EventDetail,
  EventSession,
  Participant,
  PlannedGroup,
  PlannedRound,
} from '../contract/events.ts';
import type { RoomState } from './clock.ts';

/** What placement needs of a session: the server reads it from a row, the phone from a snapshot. */
export interface SessionPlan {
  /** `EventSession['kind']`; a string as the server's row holds it. */
  kind: string;
  plan: readonly PlannedRound[] | null;
}

/** What host lookup needs of a table. */
export interface TableHost {
  id: string;
  hostParticipantId: string | null;
}

/** The group a participant is placed in, in one round of a session's plan. */
export function groupOf(
  session: SessionPlan,
  round: number,
  participantId: string,
): PlannedGroup | null {
  return (
    session.plan?.[round]?.groups.find((g) => g.participantIds.includes(participantId)) ?? null
  );
}

/** Where a participant sits now in a café round: the provenance of what they add. */
export interface Place {
  tableId: string | null;
  round: number | null;
  /** The issue at that table in this round. */
  issueKey: string | null;
}
export const NOWHERE: Place = { tableId: null, round: null, issueKey: null };

/**
 * Where a participant is in the current round, if the room runs (or has run) a café session;
 * NOWHERE otherwise. `session` is the room's current session (undefined when none is found).
 */
export function placeNow(
  state: Pick<RoomState, 'sessionId' | 'status' | 'round'>,
  session: SessionPlan | undefined,
  participantId: string | null,
): Place {
  if (!participantId || !state.sessionId || state.status === 'idle') return NOWHERE;
  if (!session?.plan || session.kind !== 'cafe') return NOWHERE;
  const group = groupOf(session, state.round, participantId);
  return { tableId: group?.tableId ?? null, round: state.round, issueKey: group?.issueKey ?? null };
}

/**
 * HOST-1: whether the participant hosts the table that has `issueKey` where they are now (hosts
 * stay at their table every round).
 */
export function hostsIssue(
  tables: readonly TableHost[],
  place: Place,
  participantId: string | null,
  issueKey: string,
): boolean {
  if (!participantId || place.issueKey !== issueKey || !place.tableId) return false;
  return tables.some((t) => t.id === place.tableId && t.hostParticipantId === participantId);
}

/** The room's current session in a snapshot-shaped view of the event. */
export function currentSession(
  s: { state: Pick<RoomState, 'sessionId'>; event: Pick<EventDetail, 'sessions'> } | null,
): EventSession | null {
  if (!s?.state.sessionId) return null;
  return s.event.sessions.find((x) => x.id === s.state.sessionId) ?? null;
}

/** HOST-1 as the phone reads it from its snapshot: offer the note's form to the host only. */
export function hostsSheet(
  snap: { state: RoomState; event: EventDetail },
  participantId: string | null,
  issueKey: string,
): boolean {
  const where = placeNow(snap.state, currentSession(snap) ?? undefined, participantId);
  return hostsIssue(snap.event.tables, where, participantId, issueKey);
}

export interface Placement {
  kind: EventSession['kind'];
  group: PlannedGroup;
  /** The others in the group (partners in networking, table-mates elsewhere). */
  others: Participant[];
  tableName: string | null;
  /** The issue (café) or expertise group (groups) label, when the group has one. */
  topic: string | null;
}

/** Where a participant goes in a round, with whom, and what about (the phone's main screen). */
export function placementOf(
  event: EventDetail,
  participants: readonly Participant[],
  session: EventSession,
  round: number,
  participantId: string,
): Placement | null {
  const group = groupOf(session, round, participantId);
  if (!group) return null;
  const byId = new Map(participants.map((p) => [p.id, p]));
  const others = group.participantIds
    .filter((id) => id !== participantId)
    .map((id) => byId.get(id))
    .filter((p): p is Participant => p !== undefined);
  const table = group.tableId ? event.tables.find((t) => t.id === group.tableId) : undefined;
  const topic =
    (group.issueKey && event.issues.find((i) => i.key === group.issueKey)?.label) ||
    (group.groupKey && event.expertiseGroups.find((g) => g.key === group.groupKey)?.label) ||
    null;
  return { kind: session.kind, group, others, tableName: table?.name ?? null, topic };
}
