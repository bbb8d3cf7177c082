/**
 * Reading a live snapshot: which session and round run, where a participant goes, how long is
 * left. Pure functions shared by the console, the projector and the phone.
 */
import type {
  EventDetail,
  EventSession,
  Participant,
  PlannedGroup,
} from '../../contract/events.ts';
import type { LiveState, Snapshot } from '../../contract/live.ts';

export function currentSession(s: Snapshot | null): EventSession | null {
  if (!s?.state.sessionId) return null;
  return s.event.sessions.find((x) => x.id === s.state.sessionId) ?? null;
}

/** Milliseconds left at server time `now`; null when no round is timed. */
export function remainingMs(state: LiveState, now: number): number | null {
  if (state.status === 'running' && state.endsAt !== null) return Math.max(0, state.endsAt - now);
  if (state.status === 'paused') return state.remainingMs;
  return null;
}

/** "12:05": whole seconds rounded up, so 0:00 shows only when the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${m}:${String(sec).padStart(2, '0')}`;
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

export function placementOf(
  event: EventDetail,
  participants: readonly Participant[],
  session: EventSession,
  round: number,
  participantId: string,
): Placement | null {
  const groups = session.plan?.[round]?.groups;
  const group = groups?.find((g) => g.participantIds.includes(participantId));
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

export interface RosterLine {
  participant: Participant;
  placement: Placement;
}

/** Everyone placed in this round, alphabetically by name in the interface language. */
export function roundRoster(
  event: EventDetail,
  participants: readonly Participant[],
  session: EventSession,
  round: number,
  locale: string,
): RosterLine[] {
  const collator = new Intl.Collator(locale, { sensitivity: 'base' });
  const out: RosterLine[] = [];
  for (const p of participants) {
    const placement = placementOf(event, participants, session, round, p.id);
    if (placement) out.push({ participant: p, placement });
  }
  return out.sort((a, b) => collator.compare(a.participant.name, b.participant.name));
}
