/**
 * Rules over the stored plan quality of a session: checked against the contract's shape before
 * any arithmetic on it (the repositories parse the JSON columns, see repos/events.ts).
 */
import { ScheduleQuality } from '../../contract/events.ts';
import type { SessionRecord } from '../db/repos/events.ts';

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
