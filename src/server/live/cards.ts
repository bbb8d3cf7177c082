import type { Card, CardTags } from '../../contract/cards.ts';
import type { EventIssue, PlannedRound } from '../../contract/events.ts';
import type { Intent } from '../../contract/live.ts';
import { mergeEdit, type CardFields } from '../../domain/sheets/merge.ts';
import type { AppContext } from '../context.ts';
import {
  appendHistory,
  findCard,
  historyAtVersion,
  insertCard,
  updateCard,
  upsertHandover,
} from '../db/repos/cards.ts';
import { findEvent, listSessions } from '../db/repos/events.ts';
import type { CardTable } from '../db/schema-cards.ts';
import type { Room, RoomClient } from './room.ts';

type CardIntent = Extract<
  Intent,
  { type: 'addCard' | 'editCard' | 'deleteCard' | 'restoreCard' | 'handover' }
>;
export type Outcome = { ok: true; seq: number } | { ok: false; error: string; message: string };
const refuse = (error: string, message: string): Outcome => ({ ok: false, error, message });

const EMPTY_TAGS: CardTags = { forms: [], sectors: [], populations: [], ilo: [] };
const tagsJson = (t: CardTags | undefined) => JSON.stringify({ ...EMPTY_TAGS, ...t });

export function presentCard(c: CardTable): Card {
  return {
    id: c.id,
    issueKey: c.issue_key,
    kind: c.kind as Card['kind'],
    level: c.level as Card['level'],
    text: c.text,
    tags: JSON.parse(c.tags) as CardTags,
    tableId: c.table_id,
    round: c.round === null ? null : Number(c.round),
    participantId: c.participant_id,
    version: Number(c.version),
    deleted: Number(c.deleted) === 1,
    createdAt: Date.parse(c.created_at),
    updatedAt: Date.parse(c.updated_at),
  };
}

/** Where a participant sits now, if a café round is on: provenance of what they add. */
async function whereNow(ctx: AppContext, room: Room, participantId: string | null) {
  const st = room.state;
  if (!participantId || !st.sessionId || st.status === 'idle')
    return { tableId: null, round: null };
  const s = (await listSessions(ctx.db, room.eventId)).find((x) => x.id === st.sessionId);
  if (!s?.plan || s.kind !== 'cafe') return { tableId: null, round: null };
  const group = (JSON.parse(s.plan) as PlannedRound[])[st.round]?.groups.find((g) =>
    g.participantIds.includes(participantId),
  );
  return { tableId: group?.tableId ?? null, round: st.round };
}

/** Applies a card intent inside the room's serial queue: one transaction, then the broadcast. */
export async function applyCardIntent(
  ctx: AppContext,
  room: Room,
  client: RoomClient,
  id: string,
  intent: CardIntent,
): Promise<Outcome> {
  const now = ctx.now();
  const at = now.toISOString();
  const key = { clientKey: client.clientKey, id };
  const isFacilitator = client.role === 'facilitator';
  if (client.role === 'screen') return refuse('forbidden', 'The projector view cannot write.');
  const event = await findEvent(ctx.db, room.eventId);
  if (!event) return refuse('not_found', 'The event no longer exists.');
  const issues = JSON.parse(event.issues) as EventIssue[];
  const byUser = client.clientKey.startsWith('user:') ? client.clientKey.slice(5) : null;

  if (intent.type === 'addCard' || intent.type === 'handover') {
    if (!issues.some((i) => i.key === intent.issueKey))
      return refuse('unknown_issue', `"${intent.issueKey}" is not an issue of this event.`);
  }

  if (intent.type === 'handover') {
    const where = await whereNow(ctx, room, client.participantId);
    const note = {
      issueKey: intent.issueKey,
      text: intent.text,
      tableId: where.tableId,
      round: where.round,
      at: now.getTime(),
    };
    const seq = await room.commit({ kind: 'handover', note }, now, key, (trx) =>
      upsertHandover(trx, {
        event_id: room.eventId,
        issue_key: intent.issueKey,
        text: intent.text,
        table_id: where.tableId,
        round: where.round,
        at,
      }),
    );
    return { ok: true, seq };
  }

  if (intent.type === 'addCard') {
    const existing = await findCard(ctx.db, intent.cardId);
    // SYNC-3: the same card id twice (a retry with a new intent id) is still one card.
    if (existing)
      return existing.event_id === room.eventId
        ? { ok: true, seq: room.seq }
        : refuse('conflict', 'That card id is taken.');
    const where = await whereNow(ctx, room, client.participantId);
    const row: CardTable = {
      id: intent.cardId,
      event_id: room.eventId,
      issue_key: intent.issueKey,
      kind: intent.kind,
      level: intent.level,
      text: intent.text,
      tags: tagsJson(intent.tags),
      table_id: where.tableId,
      round: where.round,
      participant_id: client.participantId,
      user_id: byUser,
      version: 1,
      deleted: 0,
      created_at: at,
      updated_at: at,
    };
    const seq = await room.commit(
      { kind: 'card', card: presentCard(row) },
      now,
      key,
      async (trx) => {
        await insertCard(trx, row);
        await appendHistory(trx, {
          card_id: row.id,
          version: 1,
          text: row.text,
          kind: row.kind,
          level: row.level,
          tags: row.tags,
          deleted: 0,
          reason: 'add',
          by_key: client.clientKey,
          at,
        });
      },
    );
    return { ok: true, seq };
  }

  const card = await findCard(ctx.db, intent.cardId);
  if (!card || card.event_id !== room.eventId)
    return refuse('not_found', 'No such card on this sheet.');
  const isAuthor =
    (client.participantId !== null && card.participant_id === client.participantId) ||
    (byUser !== null && card.user_id === byUser);
  if (!isFacilitator && !isAuthor)
    return refuse('forbidden', 'Only the author or a facilitator can change this card.');

  if (intent.type === 'deleteCard' || intent.type === 'restoreCard') {
    const deleted = intent.type === 'deleteCard' ? 1 : 0;
    if (Number(card.deleted) === deleted) return { ok: true, seq: room.seq }; // already so: nothing to do
    const next = { ...card, deleted, version: Number(card.version) + 1, updated_at: at };
    const seq = await room.commit(
      { kind: 'card', card: presentCard(next) },
      now,
      key,
      async (trx) => {
        await updateCard(trx, card.id, { deleted, version: next.version, updated_at: at });
        await appendHistory(trx, {
          card_id: card.id,
          version: next.version,
          text: card.text,
          kind: card.kind,
          level: card.level,
          tags: card.tags,
          deleted,
          reason: deleted ? 'delete' : 'restore',
          by_key: client.clientKey,
          at,
        });
      },
    );
    return { ok: true, seq };
  }

  // editCard: SYNC-6, three-way merge against the version the author edited.
  const fields = (c: { text: string; kind: string; level: string; tags: string }): CardFields => ({
    text: c.text,
    kind: c.kind,
    level: c.level,
    tags: c.tags,
  });
  const base =
    intent.baseVersion === Number(card.version)
      ? card
      : await historyAtVersion(ctx.db, card.id, intent.baseVersion);
  const edit: Partial<CardFields> = {
    ...(intent.text !== undefined && { text: intent.text }),
    ...(intent.kind !== undefined && { kind: intent.kind }),
    ...(intent.level !== undefined && { level: intent.level }),
    ...(intent.tags !== undefined && { tags: tagsJson(intent.tags) }),
  };
  const merged = mergeEdit(fields(card), base && fields(base), edit);
  const hasLost = Object.keys(merged.lost).length > 0;
  if (!merged.changed && !hasLost) return { ok: true, seq: room.seq };
  const version = merged.changed ? Number(card.version) + 1 : Number(card.version);
  const next: CardTable = {
    ...card,
    ...merged.next,
    version,
    updated_at: merged.changed ? at : card.updated_at,
  };
  const seq = await room.commit(
    { kind: 'card', card: presentCard(next) },
    now,
    key,
    async (trx) => {
      if (hasLost)
        // The losing side of a concurrent edit is kept, never thrown away.
        await appendHistory(trx, {
          card_id: card.id,
          version: Number(card.version),
          ...fields({ ...card, ...merged.lost }),
          deleted: Number(card.deleted),
          reason: 'superseded',
          by_key: client.clientKey,
          at,
        });
      if (merged.changed) {
        await updateCard(trx, card.id, { ...merged.next, version, updated_at: at });
        await appendHistory(trx, {
          card_id: card.id,
          version,
          ...merged.next,
          deleted: Number(card.deleted),
          reason: 'edit',
          by_key: client.clientKey,
          at,
        });
      }
    },
  );
  return { ok: true, seq };
}
