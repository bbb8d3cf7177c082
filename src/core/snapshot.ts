/**
 * How a change frame updates a client's copy of the room (the snapshot), and how hand-over notes
 * are keyed: one note per issue, as the server stores them (`handover_notes` is keyed by event and
 * issue), so a note rewritten at another table or in another round replaces the old one.
 */
import type { HandoverNote } from '../contract/cards.ts';
import type { Change, Snapshot } from '../contract/live.ts';

/** Replaces the item with the same key, or appends it. */
function upsert<T>(list: readonly T[] | undefined, item: T, same: (a: T) => boolean): T[] {
  const out = [...(list ?? [])];
  const i = out.findIndex(same);
  if (i >= 0) out[i] = item;
  else out.push(item);
  return out;
}

/** The one key of a hand-over note: its issue. */
export const handoverKey = (n: Pick<HandoverNote, 'issueKey'>): string => n.issueKey;

export function applyChange(s: Snapshot, c: Change): Snapshot {
  switch (c.kind) {
    case 'state':
      return { ...s, state: c.state };
    case 'event':
      return { ...s, event: c.event };
    case 'participant':
      return {
        ...s,
        participants: upsert(s.participants, c.participant, (p) => p.id === c.participant.id),
      };
    case 'participantRemoved':
      return {
        ...s,
        participants: (s.participants ?? []).filter((p) => p.id !== c.participantId),
      };
    case 'card':
      return { ...s, cards: upsert(s.cards, c.card, (x) => x.id === c.card.id) };
    case 'handover':
      return {
        ...s,
        handovers: upsert(s.handovers, c.note, (x) => handoverKey(x) === handoverKey(c.note)),
      };
    case 'learnings': {
      // LEARN-4: `removed` posts leave this client's wall
      const gone = new Set(c.removed ?? []);
      let list = (s.learnings ?? []).filter((l) => !gone.has(l.id));
      for (const l of c.learnings) list = upsert(list, l, (x) => x.id === l.id);
      return { ...s, learnings: list };
    }
    case 'learningTheme':
      return {
        ...s,
        learningThemes: upsert(s.learningThemes, c.theme, (x) => x.id === c.theme.id),
      };
    default:
      // a kind this page does not know yet: ignore it (a newer server speaks the same protocol)
      return s;
  }
}

/** The hand-over note on an issue, if one was written. */
export function handoverOf(
  notes: readonly HandoverNote[] | undefined,
  issueKey: string,
): HandoverNote | null {
  return notes?.find((n) => handoverKey(n) === issueKey) ?? null;
}
