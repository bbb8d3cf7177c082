import { SqliteAdapter, type Kysely, type Transaction } from 'kysely';
import type { CardKindCode, CardLevelCode } from '../../../contract/constants.ts';
import type { CardTags } from '../../../contract/cards.ts';
import type { Db } from '../index.ts';
import { fromJson, toJson } from '../json.ts';
import type { Database } from '../schema.ts';
import type {
  CardChangeReason,
  CardHistoryTable,
  CardTable,
  HandoverNoteTable,
} from '../schema-cards.ts';
import { ofEvent } from './scoped.ts';

type Tx = Transaction<Database>;

/**
 * A card as the services use it: camelCase, `deleted` a boolean, numbers as numbers on both
 * backends (PostgreSQL may answer integers as strings), tags parsed (canonical, TAG-1), dates as
 * ISO strings. Rows become records in `cardOf` only, and records rows in `cardRow` only.
 */
export interface CardRecord {
  id: string;
  eventId: string;
  issueKey: string;
  kind: CardKindCode;
  level: CardLevelCode;
  text: string;
  tags: CardTags;
  tableId: string | null;
  round: number | null;
  /** Who wrote it (participant or signed-in user): kept for facilitators, never shown publicly. */
  participantId: string | null;
  userId: string | null;
  version: number;
  deleted: boolean;
  createdAt: string;
  updatedAt: string;
}

/** One entry of a card's history (`n` orders the entries of one card). */
export interface CardHistoryRecord {
  eventId: string;
  cardId: string;
  n: number;
  version: number;
  text: string;
  kind: CardKindCode;
  level: CardLevelCode;
  tags: CardTags;
  deleted: boolean;
  reason: CardChangeReason;
  byKey: string;
  at: string;
}

/** An issue's hand-over note (one per issue of an event). */
export interface HandoverRecord {
  eventId: string;
  issueKey: string;
  text: string;
  tableId: string | null;
  round: number | null;
  at: string;
}

const roundOf = (r: number | null) => (r === null ? null : Number(r));

function cardOf(r: CardTable): CardRecord {
  return {
    id: r.id,
    eventId: r.event_id,
    issueKey: r.issue_key,
    kind: r.kind,
    level: r.level,
    text: r.text,
    tags: fromJson(r.tags),
    tableId: r.table_id,
    round: roundOf(r.round),
    participantId: r.participant_id,
    userId: r.user_id,
    version: Number(r.version),
    deleted: Number(r.deleted) === 1,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}

/** The fields of a card a write may change. */
export type CardPatch = Partial<
  Pick<CardRecord, 'text' | 'kind' | 'level' | 'tags' | 'version' | 'deleted' | 'updatedAt'>
>;

function cardPatchRow(p: CardPatch): Partial<CardTable> {
  return {
    ...(p.text !== undefined && { text: p.text }),
    ...(p.kind !== undefined && { kind: p.kind }),
    ...(p.level !== undefined && { level: p.level }),
    ...(p.tags !== undefined && { tags: toJson(p.tags) }),
    ...(p.version !== undefined && { version: p.version }),
    ...(p.deleted !== undefined && { deleted: p.deleted ? 1 : 0 }),
    ...(p.updatedAt !== undefined && { updated_at: p.updatedAt }),
  };
}

function cardRow(c: CardRecord): CardTable {
  return {
    id: c.id,
    event_id: c.eventId,
    issue_key: c.issueKey,
    kind: c.kind,
    level: c.level,
    text: c.text,
    tags: toJson(c.tags),
    table_id: c.tableId,
    round: c.round,
    participant_id: c.participantId,
    user_id: c.userId,
    version: c.version,
    deleted: c.deleted ? 1 : 0,
    created_at: c.createdAt,
    updated_at: c.updatedAt,
  };
}

function historyOfRow(r: CardHistoryTable): CardHistoryRecord {
  return {
    eventId: r.event_id,
    cardId: r.card_id,
    n: Number(r.n),
    version: Number(r.version),
    text: r.text,
    kind: r.kind,
    level: r.level,
    tags: fromJson(r.tags),
    deleted: Number(r.deleted) === 1,
    reason: r.reason,
    byKey: r.by_key,
    at: r.at,
  };
}

const handoverOf = (r: HandoverNoteTable): HandoverRecord => ({
  eventId: r.event_id,
  issueKey: r.issue_key,
  text: r.text,
  tableId: r.table_id,
  round: roundOf(r.round),
  at: r.at,
});

/**
 * A card is known by its event and its id together (migration 0006): clients choose card ids, so
 * the same id in two events is two cards, and an id from another event finds nothing here — it
 * neither reveals that card nor lets anyone write to it.
 */
export async function findCard(
  db: Db | Tx,
  eventId: string,
  id: string,
): Promise<CardRecord | undefined> {
  const row = await ofEvent(db, 'cards', eventId)
    .select()
    .selectAll()
    .where('id', '=', id)
    .executeTakeFirst();
  return row && cardOf(row);
}

/**
 * The card, its row locked until the transaction ends (`SELECT … FOR UPDATE` on PostgreSQL; SQLite
 * has one writer at a time and needs no lock): writes that read something of the card's (its
 * factor history) and append to it then run one after another for that card, each reading what
 * the one before left. Undefined when the event has no such card.
 */
export async function lockCard(
  trx: Tx,
  eventId: string,
  id: string,
): Promise<CardRecord | undefined> {
  const q = ofEvent(trx, 'cards', eventId).select().selectAll().where('id', '=', id);
  const row = await (rowLocks(trx) ? q.forUpdate() : q).executeTakeFirst();
  return row && cardOf(row);
}

/** Whether the database takes row locks (`FOR UPDATE`): PostgreSQL does, SQLite does not. */
const rowLocks = (db: Kysely<Database>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export async function listCards(db: Db, eventId: string): Promise<CardRecord[]> {
  const rows = await ofEvent(db, 'cards', eventId)
    .select()
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return rows.map(cardOf);
}

/** The ids of the cards a participant wrote in the event (their phone may edit these). */
export async function cardIdsOf(db: Db, eventId: string, participantId: string): Promise<string[]> {
  const rows = await ofEvent(db, 'cards', eventId)
    .select()
    .select('id')
    .where('participant_id', '=', participantId)
    .execute();
  return rows.map((r) => r.id);
}

export async function insertCard(trx: Tx, card: CardRecord): Promise<void> {
  await trx.insertInto('cards').values(cardRow(card)).execute();
}

/**
 * Many new cards at once (an import), each with its first history entry (`add`, by `byKey`), in
 * statements of a few hundred rows: 100,000 cards are a few hundred statements, not 200,000.
 * Inside the import's transaction.
 */
export async function insertCards(
  trx: Tx,
  cards: readonly CardRecord[],
  byKey: string,
  /** Called after each statement's rows with how many are written (progress, a pause). */
  onBatch?: (written: number) => Promise<void>,
  chunk = 500,
): Promise<void> {
  for (let i = 0; i < cards.length; i += chunk) {
    const part = cards.slice(i, i + chunk);
    await trx.insertInto('cards').values(part.map(cardRow)).execute();
    const history = part.map((c): CardHistoryTable => ({
      event_id: c.eventId,
      card_id: c.id,
      n: 1,
      version: c.version,
      text: c.text,
      kind: c.kind,
      level: c.level,
      tags: toJson(c.tags),
      deleted: 0,
      reason: 'add',
      by_key: byKey,
      at: c.createdAt,
    }));
    await trx.insertInto('card_history').values(history).execute();
    await onBatch?.(i + part.length);
  }
}

export async function updateCard(
  trx: Tx,
  eventId: string,
  id: string,
  patch: CardPatch,
): Promise<void> {
  await ofEvent(trx, 'cards', eventId)
    .update()
    .set(cardPatchRow(patch))
    .where('id', '=', id)
    .execute();
}

export async function appendHistory(trx: Tx, entry: Omit<CardHistoryRecord, 'n'>): Promise<void> {
  const last = await ofEvent(trx, 'card_history', entry.eventId)
    .select()
    .select((eb) => eb.fn.max('n').as('n'))
    .where('card_id', '=', entry.cardId)
    .executeTakeFirst();
  const n = last?.n === null || last?.n === undefined ? 1 : Number(last.n) + 1;
  await trx
    .insertInto('card_history')
    .values({
      event_id: entry.eventId,
      card_id: entry.cardId,
      n,
      version: entry.version,
      text: entry.text,
      kind: entry.kind,
      level: entry.level,
      tags: toJson(entry.tags),
      deleted: entry.deleted ? 1 : 0,
      reason: entry.reason,
      by_key: entry.byKey,
      at: entry.at,
    })
    .execute();
}

function historyOf(db: Db | Tx, eventId: string, cardId: string) {
  return ofEvent(db, 'card_history', eventId).select().where('card_id', '=', cardId);
}

export async function cardHistory(
  db: Db | Tx,
  eventId: string,
  cardId: string,
): Promise<CardHistoryRecord[]> {
  const rows = await historyOf(db, eventId, cardId).selectAll().orderBy('n').execute();
  return rows.map(historyOfRow);
}

export async function historyAtVersion(
  db: Db | Tx,
  eventId: string,
  cardId: string,
  version: number,
): Promise<CardHistoryRecord | undefined> {
  const row = await historyOf(db, eventId, cardId)
    .selectAll()
    .where('version', '=', version)
    .where('reason', '!=', 'superseded')
    .orderBy('n', 'desc')
    .executeTakeFirst();
  return row && historyOfRow(row);
}

/** The versions after `baseVersion` (superseded edits left out), oldest first, with who made them. */
export async function versionsAfter(
  db: Db | Tx,
  eventId: string,
  cardId: string,
  baseVersion: number,
): Promise<{ version: number; byKey: string }[]> {
  const rows = await historyOf(db, eventId, cardId)
    .select(['version', 'by_key'])
    .where('version', '>', baseVersion)
    .where('reason', '!=', 'superseded')
    .orderBy('n')
    .execute();
  return rows.map((r) => ({ version: Number(r.version), byKey: r.by_key }));
}

export async function upsertHandover(trx: Tx, note: HandoverRecord): Promise<void> {
  await ofEvent(trx, 'handover_notes', note.eventId)
    .delete()
    .where('issue_key', '=', note.issueKey)
    .execute();
  await trx
    .insertInto('handover_notes')
    .values({
      event_id: note.eventId,
      issue_key: note.issueKey,
      text: note.text,
      table_id: note.tableId,
      round: note.round,
      at: note.at,
    })
    .execute();
}

export async function listHandovers(db: Db, eventId: string): Promise<HandoverRecord[]> {
  const rows = await ofEvent(db, 'handover_notes', eventId).select().selectAll().execute();
  return rows.map(handoverOf);
}
