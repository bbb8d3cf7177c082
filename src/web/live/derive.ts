/**
 * Showing a live snapshot: the countdown's text and the round's roster. Where a participant goes,
 * the current session and the time left are in `core/` (shared with the server).
 */
import type { EventDetail, EventSession, Participant } from '../../contract/events.ts';
import { placementOf, type Placement } from '../../core/placement.ts';

/** "12:05": whole seconds rounded up, so 0:00 shows only when the time is really up. */
export function formatClock(ms: number): string {
  const total = Math.ceil(ms / 1000);
  const m = Math.floor(total / 60);
  const sec = total % 60;
  return `${m}:${String(sec).padStart(2, '0')}`;
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
