/**
 * What a plan is computed from, read in one go, and a fingerprint of exactly what the engine
 * reads. A plan computed off the room's queue (jobs.ts) is applied only if the fingerprint read
 * again inside the queue, with the write, is the same: otherwise the room moved on meanwhile.
 */
import { DEFAULT_SESSION_RULES, SessionRules } from '../../contract/events.ts';
import type { LiveState } from '../../contract/live.ts';
import type { Db } from '../db/index.ts';
import type { EventTableTable } from '../db/schema.ts';
import type { EventRecord } from '../db/repos/events.ts';
import {
  findEvent,
  listParticipants,
  listSessions,
  listTables,
  type ParticipantRecord,
  type SessionRecord,
} from '../db/repos/events.ts';
import type { PlanningInput, SessionReplanInput } from '../planning/engine.ts';
import { isRunning } from './rules.ts';

export interface PlanBasis {
  event: EventRecord;
  session: SessionRecord;
  participants: ParticipantRecord[];
  tables: EventTableTable[];
}

export type PlannableKind = PlanningInput['kind'];

/** The planner's kind for a session; mapping and learnings sessions seat nobody, so have none. */
export function plannableKind(kind: SessionRecord['kind']): PlannableKind | null {
  return kind === 'mapping' || kind === 'learnings' ? null : kind;
}

/** A session's seating rules; a row without any (made before rules existed) plans by the defaults. */
export function sessionRules(s: Pick<SessionRecord, 'rules'>): SessionRules {
  if (!s.rules) return DEFAULT_SESSION_RULES;
  // Checked as it is read: a stored value that no longer fits the contract plans by the defaults.
  const parsed = SessionRules.safeParse(s.rules);
  return parsed.success ? parsed.data : DEFAULT_SESSION_RULES;
}

export async function readBasis(
  db: Db,
  eventId: string,
  sessionId: string,
): Promise<PlanBasis | undefined> {
  const [event, sessions, participants, tables] = await Promise.all([
    findEvent(db, eventId),
    listSessions(db, eventId),
    listParticipants(db, eventId),
    listTables(db, eventId),
  ]);
  const session = sessions.find((s) => s.id === sessionId);
  return event && session && { event, session, participants, tables };
}

/**
 * Everything `generatePlan` (or, with the room's state and the current plan, `replanRemaining`)
 * reads, as one string. Joining (a phone claims a name) changes none of it: status is reduced to
 * absent or not, as the engine sees it.
 */
export function fingerprint(b: PlanBasis, state?: LiveState): string {
  return JSON.stringify([
    b.session.kind,
    b.session.rounds,
    b.session.rules ?? null,
    b.event.issues,
    b.event.expertiseGroups,
    b.participants.map((p) => [
      p.id,
      p.organisation,
      p.sector,
      p.country,
      p.choices,
      p.status === 'absent',
    ]),
    b.tables.map((t) => [t.id, Number(t.capacity), t.host_participant_id]),
    // A re-plan keeps the rounds held so far: the plan and the round it starts from are inputs too.
    state ? [b.session.plan, state.sessionId, state.round, isRunning(state, b.session.id)] : null,
  ]);
}

export function generateInput(b: PlanBasis, seed: number, timeLimitMs: number): PlanningInput {
  const kind = plannableKind(b.session.kind);
  // generatePlan answers 409 no_plan_needed first, and such a session is never re-planned.
  if (kind === null) throw new Error(`session ${b.session.id} (${b.session.kind}) has no plan`);
  return {
    kind,
    rounds: b.session.rounds,
    rules: sessionRules(b.session),
    participants: b.participants.filter((p) => p.status !== 'absent'),
    tables: b.tables,
    issues: b.event.issues,
    expertiseGroups: b.event.expertiseGroups,
    seed,
    timeLimitMs,
  };
}

export function replanInput(
  b: PlanBasis,
  heldThrough: number,
  seed: number,
  timeLimitMs: number,
): SessionReplanInput {
  return {
    ...generateInput(b, seed, timeLimitMs),
    participants: b.participants,
    plan: b.session.plan ?? [],
    heldThrough,
    presentIds: new Set(b.participants.filter((p) => p.status !== 'absent').map((p) => p.id)),
  };
}
