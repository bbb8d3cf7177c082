/**
 * Typed access to the JSON columns of events and sessions: the one place that turns their text
 * into contract types, so that nothing else parses them or does arithmetic on untyped JSON.
 */
import {
  ScheduleQuality,
  type EventIssue,
  type ExpertiseGroup,
  type PlannedRound,
} from '../../contract/events.ts';
import type { EventSessionTable, EventTable } from '../db/schema.ts';

type SessionKind = 'networking' | 'cafe' | 'groups';

export const issuesOf = (e: Pick<EventTable, 'issues'>): EventIssue[] =>
  JSON.parse(e.issues) as EventIssue[];

export const expertiseGroupsOf = (e: Pick<EventTable, 'expertise_groups'>): ExpertiseGroup[] =>
  JSON.parse(e.expertise_groups) as ExpertiseGroup[];

export const sessionKindOf = (s: Pick<EventSessionTable, 'kind'>): SessionKind =>
  s.kind as SessionKind;

export const planOf = (s: Pick<EventSessionTable, 'plan'>): PlannedRound[] | null =>
  s.plan === null ? null : (JSON.parse(s.plan) as PlannedRound[]);

/** A session's plan quality, checked against the contract's shape as it is read. */
export const qualityOf = (s: Pick<EventSessionTable, 'quality'>): ScheduleQuality | null =>
  s.quality === null ? null : ScheduleQuality.parse(JSON.parse(s.quality));

/** What a swap adds to a plan's quality: the violations and repeated pairs it introduced. */
export function qualityAfterSwap(
  q: ScheduleQuality | null,
  added: { newViolations: number; newRepeats: number },
): ScheduleQuality | null {
  return (
    q && {
      ...q,
      violations: q.violations + added.newViolations,
      repeatedPairs: q.repeatedPairs + added.newRepeats,
    }
  );
}

export const storedPlan = (plan: PlannedRound[]) => JSON.stringify(plan);
export const storedQuality = (q: ScheduleQuality | null) => (q === null ? null : JSON.stringify(q));
