/**
 * How the sheets' pages group and count cards. What a sheet shows (confirmed cards plus this
 * device's outbox) and the edit intent are in `core/sheet.ts`, shared with the fuzz.
 */
import type { Card } from '../../contract/cards.ts';
import { CARD_KINDS, CARD_LEVELS } from '../../core/cards.ts';

type CardKind = Card['kind'];
type CardLevel = Card['level'];

export type Counts = Record<CardKind, Record<CardLevel, number>>;

export function countByKindAndLevel(cards: readonly Card[]): Counts {
  const out = {} as Counts;
  for (const k of CARD_KINDS) {
    out[k] = {} as Record<CardLevel, number>;
    for (const l of CARD_LEVELS) out[k][l] = 0;
  }
  for (const c of cards) if (!c.deleted) out[c.kind][c.level] += 1;
  return out;
}

/** Newest first; the `n` most recent. */
export function newest<T extends { createdAt: number }>(cards: readonly T[], n: number): T[] {
  return [...cards].sort((a, b) => b.createdAt - a.createdAt).slice(0, n);
}

/** A layer is what one round at one table added: the key groups cards for "added in round 3 by
 * Table 2". Cards added outside a café round have no layer. */
export function layerKey(c: Pick<Card, 'round' | 'tableId'>): string {
  return c.round === null ? '' : `${c.round}|${c.tableId ?? ''}`;
}

/** The round of the most recent layer on the sheet: its cards are highlighted as new. */
export function latestRound(cards: readonly Card[]): number | null {
  let r: number | null = null;
  for (const c of cards) if (c.round !== null && (r === null || c.round > r)) r = c.round;
  return r;
}

/** A UUID for a new card; crypto.randomUUID needs a secure context, which a LAN address is not. */
export function newCardId(): string {
  if (typeof crypto.randomUUID === 'function' && globalThis.isSecureContext !== false)
    return crypto.randomUUID();
  const b = new Uint8Array(16);
  crypto.getRandomValues(b);
  b[6] = (b[6]! & 0x0f) | 0x40;
  b[8] = (b[8]! & 0x3f) | 0x80;
  const h = Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
}

/**
 * A sheet as a table's phone shows it, without contradiction: what this table has added in this
 * round (and the phone's own cards, wherever added) apart from what earlier groups left, and the
 * hand-over note on the side it belongs to (one note per sheet: this group's once it writes one).
 * `place` is where the phone sits now (`placeNow`): its table and round.
 */
export function splitSheet<
  C extends Pick<Card, 'id' | 'round' | 'tableId'>,
  N extends Pick<Card, 'round' | 'tableId'>,
>(
  cards: readonly C[],
  note: N | null,
  place: { tableId: string | null; round: number | null },
  mine: ReadonlySet<string>,
): { ours: C[]; earlier: C[]; ourNote: N | null; earlierNote: N | null } {
  const here = (x: Pick<Card, 'round' | 'tableId'>) =>
    place.round !== null &&
    place.tableId !== null &&
    x.round === place.round &&
    x.tableId === place.tableId;
  const ours = cards.filter((c) => mine.has(c.id) || here(c));
  const earlier = cards.filter((c) => !mine.has(c.id) && !here(c));
  const ourNote = note && here(note) ? note : null;
  return { ours, earlier, ourNote, earlierNote: note && !ourNote ? note : null };
}
