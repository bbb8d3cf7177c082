import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { CardHistoryTable, CardTable, HandoverNoteTable } from '../schema-cards.ts';

type Tx = Transaction<Database>;

export function findCard(db: Db | Tx, id: string): Promise<CardTable | undefined> {
  return db.selectFrom('cards').selectAll().where('id', '=', id).executeTakeFirst();
}

export function listCards(db: Db, eventId: string): Promise<CardTable[]> {
  return db
    .selectFrom('cards')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function insertCard(trx: Tx, row: CardTable): Promise<void> {
  await trx.insertInto('cards').values(row).execute();
}

export async function updateCard(trx: Tx, id: string, patch: Partial<CardTable>): Promise<void> {
  await trx.updateTable('cards').set(patch).where('id', '=', id).execute();
}

export async function appendHistory(trx: Tx, row: Omit<CardHistoryTable, 'n'>): Promise<void> {
  const last = await trx
    .selectFrom('card_history')
    .select((eb) => eb.fn.max('n').as('n'))
    .where('card_id', '=', row.card_id)
    .executeTakeFirst();
  const n = last?.n === null || last?.n === undefined ? 1 : Number(last.n) + 1;
  await trx
    .insertInto('card_history')
    .values({ ...row, n })
    .execute();
}

export function cardHistory(db: Db | Tx, cardId: string): Promise<CardHistoryTable[]> {
  return db
    .selectFrom('card_history')
    .selectAll()
    .where('card_id', '=', cardId)
    .orderBy('n')
    .execute();
}

export function historyAtVersion(
  db: Db | Tx,
  cardId: string,
  version: number,
): Promise<CardHistoryTable | undefined> {
  return db
    .selectFrom('card_history')
    .selectAll()
    .where('card_id', '=', cardId)
    .where('version', '=', version)
    .where('reason', '!=', 'superseded')
    .orderBy('n', 'desc')
    .executeTakeFirst();
}

export async function upsertHandover(trx: Tx, row: HandoverNoteTable): Promise<void> {
  await trx
    .deleteFrom('handover_notes')
    .where('event_id', '=', row.event_id)
    .where('issue_key', '=', row.issue_key)
    .execute();
  await trx.insertInto('handover_notes').values(row).execute();
}

export function listHandovers(db: Db, eventId: string): Promise<HandoverNoteTable[]> {
  return db.selectFrom('handover_notes').selectAll().where('event_id', '=', eventId).execute();
}
