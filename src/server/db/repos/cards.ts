import { SqliteAdapter, type Kysely, type Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { CardHistoryTable, CardTable, HandoverNoteTable } from '../schema-cards.ts';
import { ofEvent } from './scoped.ts';

type Tx = Transaction<Database>;

/**
 * A card is known by its event and its id together (migration 0006): clients choose card ids, so
 * the same id in two events is two cards, and an id from another event finds nothing here — it
 * neither reveals that card nor lets anyone write to it.
 */
export function findCard(db: Db | Tx, eventId: string, id: string): Promise<CardTable | undefined> {
  return ofEvent(db, 'cards', eventId).select().selectAll().where('id', '=', id).executeTakeFirst();
}

/**
 * The card, its row locked until the transaction ends (`SELECT … FOR UPDATE` on PostgreSQL; SQLite
 * has one writer at a time and needs no lock): writes that read something of the card's (its
 * factor history) and append to it then run one after another for that card, each reading what
 * the one before left. Undefined when the event has no such card.
 */
export function lockCard(trx: Tx, eventId: string, id: string): Promise<CardTable | undefined> {
  const q = ofEvent(trx, 'cards', eventId).select().selectAll().where('id', '=', id);
  return (rowLocks(trx) ? q.forUpdate() : q).executeTakeFirst();
}

/** Whether the database takes row locks (`FOR UPDATE`): PostgreSQL does, SQLite does not. */
const rowLocks = (db: Kysely<Database>) => !(db.getExecutor().adapter instanceof SqliteAdapter);

export function listCards(db: Db, eventId: string): Promise<CardTable[]> {
  return ofEvent(db, 'cards', eventId)
    .select()
    .selectAll()
    .orderBy('created_at')
    .orderBy('id')
    .execute();
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

export async function insertCard(trx: Tx, row: CardTable): Promise<void> {
  await trx.insertInto('cards').values(row).execute();
}

export async function updateCard(
  trx: Tx,
  eventId: string,
  id: string,
  patch: Partial<CardTable>,
): Promise<void> {
  await ofEvent(trx, 'cards', eventId).update().set(patch).where('id', '=', id).execute();
}

export async function appendHistory(trx: Tx, row: Omit<CardHistoryTable, 'n'>): Promise<void> {
  const last = await ofEvent(trx, 'card_history', row.event_id)
    .select()
    .select((eb) => eb.fn.max('n').as('n'))
    .where('card_id', '=', row.card_id)
    .executeTakeFirst();
  const n = last?.n === null || last?.n === undefined ? 1 : Number(last.n) + 1;
  await trx
    .insertInto('card_history')
    .values({ ...row, n })
    .execute();
}

function historyOf(db: Db | Tx, eventId: string, cardId: string) {
  return ofEvent(db, 'card_history', eventId).select().where('card_id', '=', cardId);
}

export function cardHistory(
  db: Db | Tx,
  eventId: string,
  cardId: string,
): Promise<CardHistoryTable[]> {
  return historyOf(db, eventId, cardId).selectAll().orderBy('n').execute();
}

export function historyAtVersion(
  db: Db | Tx,
  eventId: string,
  cardId: string,
  version: number,
): Promise<CardHistoryTable | undefined> {
  return historyOf(db, eventId, cardId)
    .selectAll()
    .where('version', '=', version)
    .where('reason', '!=', 'superseded')
    .orderBy('n', 'desc')
    .executeTakeFirst();
}

/** The versions after `baseVersion` (superseded edits left out), oldest first, with who made them. */
export function versionsAfter(
  db: Db | Tx,
  eventId: string,
  cardId: string,
  baseVersion: number,
): Promise<{ version: number; by_key: string }[]> {
  return historyOf(db, eventId, cardId)
    .select(['version', 'by_key'])
    .where('version', '>', baseVersion)
    .where('reason', '!=', 'superseded')
    .orderBy('n')
    .execute();
}

export async function upsertHandover(trx: Tx, row: HandoverNoteTable): Promise<void> {
  await ofEvent(trx, 'handover_notes', row.event_id)
    .delete()
    .where('issue_key', '=', row.issue_key)
    .execute();
  await trx.insertInto('handover_notes').values(row).execute();
}

export function listHandovers(db: Db, eventId: string): Promise<HandoverNoteTable[]> {
  return ofEvent(db, 'handover_notes', eventId).select().selectAll().execute();
}
