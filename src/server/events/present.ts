import type {
  EventDetail,
  EventIssue,
  ExpertiseGroup,
  Participant,
  PlannedRound,
  ScheduleQuality,
} from '../../contract/events.ts';
import type { Db } from '../db/index.ts';
import type { EventTable, ParticipantTable } from '../db/schema.ts';
import { listParticipants, listSessions, listTables } from '../db/repos/events.ts';
import { sessionRules } from '../planning/basis.ts';

export function presentParticipant(p: ParticipantTable, withEmail: boolean): Participant {
  return {
    id: p.id,
    name: p.name,
    organisation: p.organisation,
    sector: p.sector as Participant['sector'],
    country: p.country,
    choices: JSON.parse(p.choices) as string[],
    languages: JSON.parse(p.languages) as string[],
    ...(withEmail ? { email: p.email } : {}),
    joined: p.joined_at !== null,
    status: p.status as Participant['status'],
  };
}

export async function presentEvent(db: Db, e: EventTable): Promise<EventDetail> {
  const [tables, sessions, participants] = await Promise.all([
    listTables(db, e.id),
    listSessions(db, e.id),
    listParticipants(db, e.id),
  ]);
  return {
    id: e.id,
    name: e.name,
    startsOn: e.starts_on,
    endsOn: e.ends_on,
    venue: e.venue,
    timeZone: e.time_zone,
    joinCode: e.join_code,
    walkInsAllowed: Number(e.walk_ins_allowed) === 1,
    issues: JSON.parse(e.issues) as EventIssue[],
    expertiseGroups: JSON.parse(e.expertise_groups) as ExpertiseGroup[],
    tables: tables.map((t) => ({
      id: t.id,
      name: t.name,
      capacity: Number(t.capacity),
      hostParticipantId: t.host_participant_id,
    })),
    sessions: sessions.map((s) => ({
      id: s.id,
      kind: s.kind as 'networking' | 'cafe' | 'groups',
      title: s.title,
      rounds: Number(s.rounds),
      minutesPerRound: Number(s.minutes_per_round),
      plan: s.plan ? (JSON.parse(s.plan) as PlannedRound[]) : null,
      quality: s.quality ? (JSON.parse(s.quality) as ScheduleQuality) : null,
      rules: sessionRules(s),
    })),
    participantCount: participants.length,
  };
}
