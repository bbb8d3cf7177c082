/**
 * Where a commitment stands on a given day (issue 14): due on its target date, overdue once its target date has passed
 * while it is still planned or in progress; "not updated" for 30, 60 or 90 days counted from the
 * last status update (or its creation). Done and dropped commitments are never overdue nor stale.
 * Pure: the caller passes today (the server's injected clock), so tests move time.
 */

export const OPEN_STATUSES = ['planned', 'in_progress'] as const;
export const STALE_STEPS = [90, 60, 30] as const;
export type StaleStep = (typeof STALE_STEPS)[number];

export interface CommitmentFacts {
  status: string;
  /** YYYY-MM-DD */
  targetDate: string;
  /** ISO timestamp of the last status update (or creation). */
  progressAt: string;
  /**
   * The calendar the target date is a day of: the commitment's event's IANA time zone (an event
   * in Bangkok is due on the Bangkok day, not the UTC one); UTC when it has no event.
   */
  timeZone?: string | null | undefined;
}

export interface CommitmentStanding {
  /** The target date is today. */
  due: boolean;
  overdue: boolean;
  daysSinceUpdate: number;
  stale: StaleStep | null;
}

const DAY = 86_400_000;

/** Today as YYYY-MM-DD in UTC, or in `timeZone` (an IANA zone; an unknown one counts as UTC). */
export function dayOf(now: Date, timeZone?: string | null): string {
  if (timeZone && timeZone !== 'UTC')
    try {
      const parts = new Intl.DateTimeFormat('en-US', {
        timeZone,
        year: 'numeric',
        month: '2-digit',
        day: '2-digit',
      }).formatToParts(now);
      const part = (type: string) => parts.find((x) => x.type === type)?.value ?? '';
      return `${part('year')}-${part('month')}-${part('day')}`;
    } catch {
      // RangeError: not a time zone this runtime knows — fall back to UTC
    }
  return now.toISOString().slice(0, 10);
}

export function isOpen(status: string): boolean {
  return (OPEN_STATUSES as readonly string[]).includes(status);
}

export function standing(c: CommitmentFacts, now: Date): CommitmentStanding {
  const open = isOpen(c.status);
  const since = Math.max(0, Math.floor((now.getTime() - Date.parse(c.progressAt)) / DAY));
  const today = dayOf(now, c.timeZone);
  return {
    due: open && c.targetDate === today,
    overdue: open && c.targetDate < today,
    daysSinceUpdate: since,
    stale: open ? (STALE_STEPS.find((d) => since >= d) ?? null) : null,
  };
}

export type FollowUpReason = 'due' | 'overdue' | 'stale30' | 'stale60' | 'stale90';

/** Why a commitment is on the follow-up list (due today or overdue; not updated for 30/60/90 days); empty: it is not. */
export function followUpReasons(s: CommitmentStanding): FollowUpReason[] {
  const out: FollowUpReason[] = [];
  if (s.due) out.push('due');
  if (s.overdue) out.push('overdue');
  if (s.stale !== null) out.push(`stale${s.stale}`);
  return out;
}
