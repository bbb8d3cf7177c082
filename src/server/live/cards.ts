import type { CardTags } from '../../contract/cards.ts';
import { canonicalTags } from '../../core/cards.ts';
import { hostsIssue, placeNow, type Place } from '../../core/placement.ts';
import type { Intent } from '../../contract/live.ts';
import { mergeEdit } from '../../domain/sheets/merge.ts';
import { toJson } from '../db/json.ts';
import { presentCard } from '../events/present.ts';
import { issuesOf, planOf } from '../events/stored.ts';
import type { AppContext } from '../context.ts';
import {
  appendHistory,
  findCard,
  historyAtVersion,
  insertCard,
  updateCard,
  upsertHandover,
  versionsAfter,
} from '../db/repos/cards.ts';
import { findEvent, listSessions, listTables } from '../db/repos/events.ts';
import { canInRoom, type RoomStanding } from '../auth/policy.ts';
import type { CardTable } from '../db/schema-cards.ts';
import type { Db } from '../db/index.ts';
import type { Room, RoomClient, RoomTx } from './room.ts';

type CardIntent = Extract<
  Intent,
  { type: 'addCard' | 'editCard' | 'deleteCard' | 'restoreCard' | 'handover' }
>;
export type Outcome = { ok: true; seq: number } | { ok: false; error: string; message: string };
const refuse = (error: string, message: string): Outcome => ({ ok: false, error, message });

/** Tags as stored (TAG-1): the canonical form the phone shows too (`core/cards.ts`). */
const tagsJson = (t: Partial<CardTags> | undefined) => toJson(canonicalTags(t));

/** The fields of a card an edit may change, as stored. */
type StoredFields = Pick<CardTable, 'text' | 'kind' | 'level' | 'tags'>;

/** Where a participant sits now, if a café round is on: provenance of what they add. */
async function whereNow(db: Db, room: Room, participantId: string | null): Promise<Place> {
  const st = room.state;
  const s = st.sessionId
    ? (await listSessions(db, room.eventId)).find((x) => x.id === st.sessionId)
    : undefined;
  const session = s && {
    kind: s.kind,
    plan: planOf(s),
  };
  return placeNow(st, session, participantId);
}

/**
 * How the room sees this client for ROOM_POLICY: a facilitator, or a participant who may also be
 * the host of the table that has `issueKey` now (hosts stay at their table every round).
 */
async function standingOf(
  db: Db,
  room: Room,
  client: RoomClient,
  place: Place,
  issueKey: string,
): Promise<RoomStanding[]> {
  if (client.role === 'facilitator') return ['facilitator'];
  // only someone seated at a table now can host it: no need to read the tables otherwise
  const tables = place.tableId
    ? (await listTables(db, room.eventId)).map((t) => ({
        id: t.id,
        hostParticipantId: t.host_participant_id,
      }))
    : [];
  return hostsIssue(tables, place, client.participantId, issueKey)
    ? ['participant', 'tableHost']
    : ['participant'];
}

/**
 * SYNC-9: the version an edit is merged against. The versions right after the edit's base that
 * this same client made (its own earlier intents, applied in the order it sent them) are not
 * concurrent with it, so the base moves past them; the first version made by anyone else stops it.
 */
async function ownBase(
  db: Db,
  card: CardTable,
  baseVersion: number,
  clientKey: string,
): Promise<number> {
  if (baseVersion >= Number(card.version)) return baseVersion;
  const later = await versionsAfter(db, card.event_id, card.id, baseVersion);
  let base = baseVersion;
  for (const v of later) {
    if (Number(v.version) !== base + 1 || v.by_key !== clientKey) break;
    base += 1;
  }
  return base;
}

/**
 * Applies a card intent inside `room.perform`: reads through `tx.db`, then one transaction, then
 * the broadcast.
 */
export async function applyCardIntent(
  ctx: AppContext,
  room: Room,
  tx: RoomTx,
  client: RoomClient,
  id: string,
  intent: CardIntent,
): Promise<Outcome> {
  const now = ctx.now();
  const at = now.toISOString();
  const db = tx.db;
  const key = { clientKey: client.clientKey, id };
  /**
   * SYNC-2 for an intent that changes nothing (an add of a card that exists, a delete of a deleted
   * card, an edit to what is already there): its id is recorded all the same, so that a retry
   * arriving after later changes is acknowledged, not weighed again against the newer card.
   */
  const unchanged = async (): Promise<Outcome> => ({ ok: true, seq: await tx.unchanged(key, at) });
  if (client.role === 'screen') return refuse('forbidden', 'The projector view cannot write.');
  // The client's standing for ROOM_POLICY, before what the intent is about is known.
  const standing: RoomStanding[] =
    client.role === 'facilitator' ? ['facilitator'] : ['participant'];
  const event = await findEvent(db, room.eventId);
  if (!event) return refuse('not_found', 'The event no longer exists.');
  const issues = issuesOf(event);
  const byUser = client.clientKey.startsWith('user:') ? client.clientKey.slice(5) : null;

  if (intent.type === 'addCard' || intent.type === 'handover') {
    if (!issues.some((i) => i.key === intent.issueKey))
      return refuse('unknown_issue', `"${intent.issueKey}" is not an issue of this event.`);
  }

  if (intent.type === 'handover') {
    const where = await whereNow(db, room, client.participantId);
    const standing = await standingOf(db, room, client, where, intent.issueKey);
    if (!canInRoom(standing, 'writeHandover'))
      return refuse(
        'not_host',
        "Only the host of this issue's table, in this round, or a facilitator can write its hand-over note.",
      );
    const note = {
      issueKey: intent.issueKey,
      text: intent.text,
      tableId: where.tableId,
      round: where.round,
      at: now.getTime(),
    };
    const seq = await tx.commit({ kind: 'handover', note }, now, key, (trx) =>
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
    if (!canInRoom(standing, 'addCard'))
      return refuse('forbidden', 'You cannot add cards in this room.');
    // SYNC-3: the same card id twice (a retry with a new intent id) is still one card. Cards are
    // keyed by event and id, so an id used in another event is simply free here: the answer never
    // tells whether it exists elsewhere (issue 10, hole 2).
    if (await findCard(db, room.eventId, intent.cardId)) return unchanged();
    const where = await whereNow(db, room, client.participantId);
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
    const seq = await tx.commit({ kind: 'card', card: presentCard(row) }, now, key, async (trx) => {
      await insertCard(trx, row);
      await appendHistory(trx, {
        event_id: row.event_id,
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
    });
    return { ok: true, seq };
  }

  const card = await findCard(db, room.eventId, intent.cardId);
  if (!card) return refuse('not_found', 'No such card on this sheet.');
  const isAuthor =
    (client.participantId !== null && card.participant_id === client.participantId) ||
    (byUser !== null && card.user_id === byUser);
  if (!canInRoom(isAuthor ? [...standing, 'cardAuthor'] : standing, 'changeCard'))
    return refuse('forbidden', 'Only the author or a facilitator can change this card.');

  if (intent.type === 'deleteCard' || intent.type === 'restoreCard') {
    const deleted = intent.type === 'deleteCard' ? 1 : 0;
    if (Number(card.deleted) === deleted) return unchanged(); // already so
    const next = { ...card, deleted, version: Number(card.version) + 1, updated_at: at };
    const seq = await tx.commit(
      { kind: 'card', card: presentCard(next) },
      now,
      key,
      async (trx) => {
        await updateCard(trx, room.eventId, card.id, {
          deleted,
          version: next.version,
          updated_at: at,
        });
        await appendHistory(trx, {
          event_id: card.event_id,
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
  const fields = (c: StoredFields): StoredFields => ({
    text: c.text,
    kind: c.kind,
    level: c.level,
    tags: c.tags,
  });
  const baseVersion = await ownBase(db, card, intent.baseVersion, client.clientKey);
  const base =
    baseVersion === Number(card.version)
      ? card
      : await historyAtVersion(db, room.eventId, card.id, baseVersion);
  const edit: Partial<StoredFields> = {
    ...(intent.text !== undefined && { text: intent.text }),
    ...(intent.kind !== undefined && { kind: intent.kind }),
    ...(intent.level !== undefined && { level: intent.level }),
    ...(intent.tags !== undefined && { tags: tagsJson(intent.tags) }),
  };
  const merged = mergeEdit(fields(card), base && fields(base), edit);
  const hasLost = Object.keys(merged.lost).length > 0;
  if (!merged.changed && !hasLost) return unchanged();
  const version = merged.changed ? Number(card.version) + 1 : Number(card.version);
  const next: CardTable = {
    ...card,
    ...merged.next,
    version,
    updated_at: merged.changed ? at : card.updated_at,
  };
  const seq = await tx.commit({ kind: 'card', card: presentCard(next) }, now, key, async (trx) => {
    if (hasLost)
      // The losing side of a concurrent edit is kept, never thrown away.
      await appendHistory(trx, {
        event_id: card.event_id,
        card_id: card.id,
        version: Number(card.version),
        ...fields({ ...card, ...merged.lost }),
        deleted: Number(card.deleted),
        reason: 'superseded',
        by_key: client.clientKey,
        at,
      });
    if (merged.changed) {
      await updateCard(trx, room.eventId, card.id, { ...merged.next, version, updated_at: at });
      await appendHistory(trx, {
        event_id: card.event_id,
        card_id: card.id,
        version,
        ...merged.next,
        deleted: Number(card.deleted),
        reason: 'edit',
        by_key: client.clientKey,
        at,
      });
    }
  });
  return { ok: true, seq };
}
