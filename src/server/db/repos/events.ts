import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type {
  Database,
  EventSessionTable,
  EventTable,
  EventTableTable,
  ParticipantTable,
} from '../schema.ts';

type Tx = Transaction<Database>;
type DbOrTx = Db | Tx;

export async function insertEvent(trx: Tx, row: EventTable): Promise<void> {
  await trx.insertInto('events').values(row).execute();
}

export function findEvent(db: DbOrTx, id: string): Promise<EventTable | undefined> {
  return db.selectFrom('events').selectAll().where('id', '=', id).executeTakeFirst();
}

export function findEventByCode(db: DbOrTx, code: string): Promise<EventTable | undefined> {
  return db.selectFrom('events').selectAll().where('join_code', '=', code).executeTakeFirst();
}

export function listEvents(db: DbOrTx, coalitionId: string): Promise<EventTable[]> {
  return db
    .selectFrom('events')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('starts_on', 'desc')
    .orderBy('name')
    .execute();
}

export async function updateEvent(trx: Tx, id: string, patch: Partial<EventTable>): Promise<void> {
  await trx.updateTable('events').set(patch).where('id', '=', id).execute();
}

export function listTables(db: DbOrTx, eventId: string): Promise<EventTableTable[]> {
  return db
    .selectFrom('event_tables')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}

export async function insertTables(trx: Tx, rows: EventTableTable[]): Promise<void> {
  if (rows.length) await trx.insertInto('event_tables').values(rows).execute();
}

export async function setTableHost(
  trx: Tx,
  tableId: string,
  participantId: string | null,
): Promise<void> {
  // A person hosts one table at most.
  if (participantId)
    await trx
      .updateTable('event_tables')
      .set({ host_participant_id: null })
      .where('host_participant_id', '=', participantId)
      .execute();
  await trx
    .updateTable('event_tables')
    .set({ host_participant_id: participantId })
    .where('id', '=', tableId)
    .execute();
}

export function listParticipants(db: DbOrTx, eventId: string): Promise<ParticipantTable[]> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}

export function findParticipant(db: DbOrTx, id: string): Promise<ParticipantTable | undefined> {
  return db.selectFrom('participants').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function nextParticipantPosition(db: DbOrTx, eventId: string): Promise<number> {
  const r = await db
    .selectFrom('participants')
    .select((eb) => eb.fn.max('position').as('p'))
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return r?.p === null || r?.p === undefined ? 0 : Number(r.p) + 1;
}

export async function insertParticipants(trx: Tx, rows: ParticipantTable[]): Promise<void> {
  // Chunked: SQLite limits bound parameters per statement.
  for (let i = 0; i < rows.length; i += 50)
    await trx
      .insertInto('participants')
      .values(rows.slice(i, i + 50))
      .execute();
}

export async function updateParticipant(
  db: DbOrTx,
  id: string,
  patch: Partial<ParticipantTable>,
): Promise<void> {
  await db.updateTable('participants').set(patch).where('id', '=', id).execute();
}

export function findParticipantByCodeHash(
  db: DbOrTx,
  hash: string,
): Promise<ParticipantTable | undefined> {
  return db
    .selectFrom('participants')
    .selectAll()
    .where('personal_code_hash', '=', hash)
    .executeTakeFirst();
}

export async function insertParticipantToken(
  db: DbOrTx,
  row: { token_hash: string; participant_id: string; event_id: string; created_at: string },
): Promise<void> {
  await db.insertInto('participant_tokens').values(row).execute();
}

export async function participantOfToken(
  db: DbOrTx,
  tokenHash: string,
): Promise<ParticipantTable | undefined> {
  return db
    .selectFrom('participant_tokens as t')
    .innerJoin('participants as p', 'p.id', 't.participant_id')
    .selectAll('p')
    .where('t.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export function listSessions(db: DbOrTx, eventId: string): Promise<EventSessionTable[]> {
  return db
    .selectFrom('event_sessions')
    .selectAll()
    .where('event_id', '=', eventId)
    .orderBy('position')
    .execute();
}

export async function insertSession(trx: DbOrTx, row: EventSessionTable): Promise<void> {
  await trx.insertInto('event_sessions').values(row).execute();
}

export async function deleteSession(trx: DbOrTx, id: string): Promise<void> {
  await trx.deleteFrom('event_sessions').where('id', '=', id).execute();
}

export async function savePlan(
  db: DbOrTx,
  sessionId: string,
  plan: string | null,
  quality: string | null,
): Promise<void> {
  await db
    .updateTable('event_sessions')
    .set({ plan, quality })
    .where('id', '=', sessionId)
    .execute();
}
