/**
 * What a sheet looks like to one person: the confirmed cards plus what this device still has in
 * its outbox (SYNC-1), applied on top so the interface never loses what was typed. Pure and free of
 * zod, so the phone bundle can carry it (the replica and the live client both use it).
 */
import type { Card, HandoverNote } from '../../contract/cards.ts';
import { MAX_CARD_LENGTH } from '../../contract/constants.ts';
import type { Snapshot } from '../../contract/live.ts';
import type { Intent } from '../../contract/live.ts';
import { normalTags, sameTags, type Tags } from './tags.ts';

type CardKind = Card['kind'];
type CardLevel = Card['level'];

export const KINDS: readonly CardKind[] = ['cause', 'consequence'];
export const LEVELS: readonly CardLevel[] = ['individual', 'family', 'community', 'structural'];
/** The server's limit, counted the same way (code points): one definition in the contract. */
export const MAX_TEXT = MAX_CARD_LENGTH;

export interface Queued {
  id: string;
  intent: Intent;
}

/** A card as shown: `pending` while a change to it waits to be sent. */
export type ShownCard = Card & { pending: boolean };

/**
 * The sheet of `issueKey`: confirmed cards, with queued adds shown as pending cards and queued
 * edits/deletes/restores applied on top (the server may still merge or refuse them). Deleted cards
 * are left out unless `withDeleted` (the facilitator restores them). Oldest first.
 */
export function sheetView(
  cards: Iterable<Card>,
  outbox: readonly Queued[],
  issueKey: string,
  opts: { withDeleted?: boolean; now?: number } = {},
): ShownCard[] {
  const byId = new Map<string, ShownCard>();
  for (const c of cards) if (c.issueKey === issueKey) byId.set(c.id, { ...c, pending: false });
  const now = opts.now ?? Date.now();
  for (const { intent: i } of outbox) {
    if (i.type === 'addCard') {
      if (i.issueKey !== issueKey || byId.has(i.cardId)) continue;
      byId.set(i.cardId, {
        id: i.cardId,
        issueKey,
        kind: i.kind,
        level: i.level,
        text: i.text,
        tags: normalTags(i.tags),
        tableId: null,
        round: null,
        participantId: null,
        version: 0,
        deleted: false,
        createdAt: now,
        updatedAt: now,
        pending: true,
      });
      continue;
    }
    if (i.type !== 'editCard' && i.type !== 'deleteCard' && i.type !== 'restoreCard') continue;
    const c = byId.get(i.cardId);
    if (!c) continue;
    if (i.type === 'deleteCard') byId.set(c.id, { ...c, deleted: true, pending: true });
    else if (i.type === 'restoreCard') byId.set(c.id, { ...c, deleted: false, pending: true });
    else
      byId.set(c.id, {
        ...c,
        ...(i.text !== undefined && { text: i.text }),
        ...(i.kind !== undefined && { kind: i.kind }),
        ...(i.level !== undefined && { level: i.level }),
        ...(i.tags !== undefined && { tags: normalTags(i.tags) }),
        pending: true,
      });
  }
  return [...byId.values()]
    .filter((c) => opts.withDeleted || !c.deleted)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export interface CardFields {
  text?: string;
  kind?: CardKind;
  level?: CardLevel;
  tags?: Tags;
}

/**
 * The intent for an edit of a card as this device shows it: only the fields that differ, or null
 * when nothing does. The base is the version the device has confirmed; a card still waiting to
 * be sent has none yet, and its add makes version 1, so an edit queued behind the add names 1
 * (SYNC-10). Earlier queued edits of the same card are this device's own (SYNC-9).
 */
export function editIntent(
  card: ShownCard,
  f: CardFields,
): Extract<Intent, { type: 'editCard' }> | null {
  const edit = {
    ...(f.text !== undefined && f.text !== card.text && { text: f.text }),
    ...(f.kind !== undefined && f.kind !== card.kind && { kind: f.kind }),
    ...(f.level !== undefined && f.level !== card.level && { level: f.level }),
    ...(f.tags !== undefined && !sameTags(f.tags, card.tags) && { tags: normalTags(f.tags) }),
  };
  if (Object.keys(edit).length === 0) return null;
  return { type: 'editCard', cardId: card.id, baseVersion: Math.max(1, card.version), ...edit };
}

/**
 * Whether this participant hosts the table that has `issueKey` in the current round of the café
 * session: only then may they write its hand-over note (the server's ROOM_POLICY decides; the
 * phone only hides what would be refused).
 */
export function hostsSheet(
  snap: Snapshot,
  participantId: string | null,
  issueKey: string,
): boolean {
  if (!participantId || !snap.state.sessionId || snap.state.status === 'idle') return false;
  const session = snap.event.sessions.find((s) => s.id === snap.state.sessionId);
  if (session?.kind !== 'cafe') return false;
  const group = session.plan?.[snap.state.round]?.groups.find((g) =>
    g.participantIds.includes(participantId),
  );
  if (!group?.tableId || group.issueKey !== issueKey) return false;
  return snap.event.tables.some(
    (t) => t.id === group.tableId && t.hostParticipantId === participantId,
  );
}

export type Counts = Record<CardKind, Record<CardLevel, number>>;

export function countByKindAndLevel(cards: readonly Card[]): Counts {
  const out = {} as Counts;
  for (const k of KINDS) {
    out[k] = {} as Record<CardLevel, number>;
    for (const l of LEVELS) out[k][l] = 0;
  }
  for (const c of cards) if (!c.deleted) out[c.kind][c.level] += 1;
  return out;
}

/** The newest hand-over note on an issue (the server keeps one per issue; the live client may
 * hold one per table and round). */
export function latestHandover(
  notes: readonly HandoverNote[] | undefined,
  issueKey: string,
): HandoverNote | null {
  let best: HandoverNote | null = null;
  for (const n of notes ?? []) if (n.issueKey === issueKey && (!best || n.at > best.at)) best = n;
  return best;
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
