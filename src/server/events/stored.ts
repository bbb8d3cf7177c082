/**
 * Typed access to the JSON columns of events and sessions: the one place that turns their text
 * into contract types, so that nothing else parses them or does arithmetic on untyped JSON.
 */
import type { EventIssue, ExpertiseGroup } from '../../contract/events.ts';
import { ScheduleQuality } from '../../contract/events.ts';
import { fromJson } from '../db/json.ts';
import type { SessionRecord } from '../db/repos/events.ts';
import type { EventTable } from '../db/schema.ts';

export const issuesOf = (e: Pick<EventTable, 'issues'>): EventIssue[] => fromJson(e.issues);

export const expertiseGroupsOf = (e: Pick<EventTable, 'expertise_groups'>): ExpertiseGroup[] =>
  fromJson(e.expertise_groups);

/** A session's plan quality, checked against the contract's shape before arithmetic or sending. */
export const qualityOf = (s: Pick<SessionRecord, 'quality'>): ScheduleQuality | null =>
  s.quality === null ? null : ScheduleQuality.parse(s.quality);

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
