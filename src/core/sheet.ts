/**
 * What a sheet looks like to one person: the confirmed cards plus what this device still has in
 * its outbox (SYNC-1), applied on top so the interface never loses what was typed; and the edit
 * intent for a change made to a card as shown (SYNC-9, SYNC-10). The phone, the console and the
 * convergence fuzz all use these.
 */
import type { Card } from '../contract/cards.ts';
import type { Intent } from '../contract/live.ts';
import type { CardKindCode, CardLevelCode } from '../contract/constants.ts';
import { canonicalTags, sameTags, type Tags } from './cards.ts';

export interface Queued {
  id: string;
  intent: Intent;
}

/** A card as shown: `pending` while a change to it waits to be sent. */
export type ShownCard = Card & { pending: boolean };

/**
 * The sheet of `issueKey` (every sheet when null): confirmed cards, with queued adds shown as
 * pending cards and queued edits/deletes/restores applied on top (the server may still merge or
 * refuse them). Deleted cards are left out unless `withDeleted`. Oldest first.
 */
export function sheetView(
  cards: Iterable<Card>,
  outbox: readonly Queued[],
  issueKey: string | null,
  opts: { withDeleted?: boolean; now?: number } = {},
): ShownCard[] {
  const byId = new Map<string, ShownCard>();
  for (const c of cards)
    if (issueKey === null || c.issueKey === issueKey) byId.set(c.id, { ...c, pending: false });
  const now = opts.now ?? Date.now();
  for (const { intent: i } of outbox) {
    if (i.type === 'addCard') {
      if ((issueKey !== null && i.issueKey !== issueKey) || byId.has(i.cardId)) continue;
      byId.set(i.cardId, {
        id: i.cardId,
        issueKey: i.issueKey,
        kind: i.kind,
        level: i.level,
        text: i.text,
        tags: canonicalTags(i.tags),
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
        ...(i.tags !== undefined && { tags: canonicalTags(i.tags) }),
        pending: true,
      });
  }
  return [...byId.values()]
    .filter((c) => opts.withDeleted || !c.deleted)
    .sort((a, b) => a.createdAt - b.createdAt || a.id.localeCompare(b.id));
}

export interface CardFields {
  text?: string;
  kind?: CardKindCode;
  level?: CardLevelCode;
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
    ...(f.tags !== undefined && !sameTags(f.tags, card.tags) && { tags: canonicalTags(f.tags) }),
  };
  if (Object.keys(edit).length === 0) return null;
  return { type: 'editCard', cardId: card.id, baseVersion: Math.max(1, card.version), ...edit };
}
