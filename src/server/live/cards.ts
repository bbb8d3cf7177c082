import type { CardTags } from '../../contract/cards.ts';
import { canonicalTags } from '../../core/cards.ts';
import { hostsIssue, placeNow, type Place } from '../../core/placement.ts';
import type { Intent } from '../../contract/live.ts';
import { mergeEdit } from '../../domain/sheets/merge.ts';
import { fromJson, toJson, type Json } from '../db/json.ts';
import { presentCard } from '../events/present.ts';
import type { AppContext } from '../context.ts';
import {
  appendHistory,
  type CardRecord,
  findCard,
  historyAtVersion,
  insertCard,
  updateCard,
  upsertHandover,
  versionsAfter,
} from '../db/repos/cards.ts';
import { findEvent, listSessions, listTables } from '../db/repos/events.ts';
import { canInRoom, type RoomStanding } from '../auth/policy.ts';
import type { Db } from '../db/index.ts';
import type { Room, RoomClient, RoomTx } from './room.ts';

type CardIntent = Extract<
  Intent,
  { type: 'addCard' | 'editCard' | 'deleteCard' | 'restoreCard' | 'handover' }
>;
export type Outcome = { ok: true; seq: number } | { ok: false; error: string; message: string };
const refuse = (error: string, message: string): Outcome => ({ ok: false, error, message });

/**
 * The fields of a card an edit may change, as SYNC-6 compares them: tags as their JSON text,
 * compared as a whole (TAG-1: what is stored is canonical, so equal tags have equal text).
 */
type MergeFields = Pick<CardRecord, 'text' | 'kind' | 'level'> & { tags: Json<CardTags> };

/** Where a participant sits now, if a café round is on: provenance of what they add. */
async function whereNow(db: Db, room: Room, participantId: string | null): Promise<Place> {
  const st = room.state;
  const s = st.sessionId
    ? (await listSessions(db, room.eventId)).find((x) => x.id === st.sessionId)
    : undefined;
  return placeNow(st, s, participantId);
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
  card: CardRecord,
  baseVersion: number,
  clientKey: string,
): Promise<number> {
  if (baseVersion >= card.version) return baseVersion;
  const later = await versionsAfter(db, card.eventId, card.id, baseVersion);
  let base = baseVersion;
  for (const v of later) {
    if (v.version !== base + 1 || v.byKey !== clientKey) break;
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
  const issues = event.issues;
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
        eventId: room.eventId,
        issueKey: intent.issueKey,
        text: intent.text,
        tableId: where.tableId,
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
    const card: CardRecord = {
      id: intent.cardId,
      eventId: room.eventId,
      issueKey: intent.issueKey,
      kind: intent.kind,
      level: intent.level,
      text: intent.text,
      tags: canonicalTags(intent.tags), // TAG-1: stored canonical, as the phone shows them
      tableId: where.tableId,
      round: where.round,
      participantId: client.participantId,
      userId: byUser,
      version: 1,
      deleted: false,
      createdAt: at,
      updatedAt: at,
    };
    const seq = await tx.commit(
      { kind: 'card', card: presentCard(card) },
      now,
      key,
      async (trx) => {
        await insertCard(trx, card);
        await appendHistory(trx, {
          eventId: card.eventId,
          cardId: card.id,
          version: 1,
          text: card.text,
          kind: card.kind,
          level: card.level,
          tags: card.tags,
          deleted: false,
          reason: 'add',
          byKey: client.clientKey,
          at,
        });
      },
    );
    return { ok: true, seq };
  }

  const card = await findCard(db, room.eventId, intent.cardId);
  if (!card) return refuse('not_found', 'No such card on this sheet.');
  const isAuthor =
    (client.participantId !== null && card.participantId === client.participantId) ||
    (byUser !== null && card.userId === byUser);
  if (!canInRoom(isAuthor ? [...standing, 'cardAuthor'] : standing, 'changeCard'))
    return refuse('forbidden', 'Only the author or a facilitator can change this card.');

  if (intent.type === 'deleteCard' || intent.type === 'restoreCard') {
    const deleted = intent.type === 'deleteCard';
    if (card.deleted === deleted) return unchanged(); // already so
    const next: CardRecord = { ...card, deleted, version: card.version + 1, updatedAt: at };
    const seq = await tx.commit(
      { kind: 'card', card: presentCard(next) },
      now,
      key,
      async (trx) => {
        await updateCard(trx, room.eventId, card.id, {
          deleted,
          version: next.version,
          updatedAt: at,
        });
        await appendHistory(trx, {
          eventId: card.eventId,
          cardId: card.id,
          version: next.version,
          text: card.text,
          kind: card.kind,
          level: card.level,
          tags: card.tags,
          deleted,
          reason: deleted ? 'delete' : 'restore',
          byKey: client.clientKey,
          at,
        });
      },
    );
    return { ok: true, seq };
  }

  // editCard: SYNC-6, three-way merge against the version the author edited.
  const fields = (c: Pick<CardRecord, 'text' | 'kind' | 'level' | 'tags'>): MergeFields => ({
    text: c.text,
    kind: c.kind,
    level: c.level,
    tags: toJson(c.tags),
  });
  const stored = (f: MergeFields) => ({ ...f, tags: fromJson(f.tags) });
  const baseVersion = await ownBase(db, card, intent.baseVersion, client.clientKey);
  const base =
    baseVersion === card.version
      ? card
      : await historyAtVersion(db, room.eventId, card.id, baseVersion);
  const edit: Partial<MergeFields> = {
    ...(intent.text !== undefined && { text: intent.text }),
    ...(intent.kind !== undefined && { kind: intent.kind }),
    ...(intent.level !== undefined && { level: intent.level }),
    ...(intent.tags !== undefined && { tags: toJson(canonicalTags(intent.tags)) }),
  };
  const current = fields(card);
  const merged = mergeEdit(current, base && fields(base), edit);
  const hasLost = Object.keys(merged.lost).length > 0;
  if (!merged.changed && !hasLost) return unchanged();
  const version = merged.changed ? card.version + 1 : card.version;
  const nextFields = stored(merged.next);
  const next: CardRecord = {
    ...card,
    ...nextFields,
    version,
    updatedAt: merged.changed ? at : card.updatedAt,
  };
  const seq = await tx.commit({ kind: 'card', card: presentCard(next) }, now, key, async (trx) => {
    if (hasLost)
      // The losing side of a concurrent edit is kept, never thrown away.
      await appendHistory(trx, {
        eventId: card.eventId,
        cardId: card.id,
        version: card.version,
        ...stored({ ...current, ...merged.lost }),
        deleted: card.deleted,
        reason: 'superseded',
        byKey: client.clientKey,
        at,
      });
    if (merged.changed) {
      await updateCard(trx, room.eventId, card.id, { ...nextFields, version, updatedAt: at });
      await appendHistory(trx, {
        eventId: card.eventId,
        cardId: card.id,
        version,
        ...nextFields,
        deleted: card.deleted,
        reason: 'edit',
        byKey: client.clientKey,
        at,
      });
    }
  });
  return { ok: true, seq };
}
