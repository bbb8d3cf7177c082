import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';

type Tx = Transaction<Database>;

export async function loadLiveState(
  db: Db,
  eventId: string,
): Promise<{ seq: number; state: string } | undefined> {
  const r = await db
    .selectFrom('live_state')
    .select(['seq', 'state'])
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  return r && { seq: Number(r.seq), state: r.state };
}

/** Records one change under the next sequence number; callers serialise per room. */
export async function appendChange(
  trx: Tx,
  eventId: string,
  seq: number,
  change: string,
  state: string | null,
  at: string,
): Promise<void> {
  await trx.insertInto('live_changes').values({ event_id: eventId, seq, change, at }).execute();
  const existing = await trx
    .selectFrom('live_state')
    .select('seq')
    .where('event_id', '=', eventId)
    .executeTakeFirst();
  if (existing)
    await trx
      .updateTable('live_state')
      .set(state === null ? { seq } : { seq, state })
      .where('event_id', '=', eventId)
      .execute();
  else
    await trx
      .insertInto('live_state')
      .values({ event_id: eventId, seq, state: state ?? '{}' })
      .execute();
}

export async function changesSince(
  db: Db,
  eventId: string,
  afterSeq: number,
  limit: number,
): Promise<{ seq: number; change: string }[]> {
  const rows = await db
    .selectFrom('live_changes')
    .select(['seq', 'change'])
    .where('event_id', '=', eventId)
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), change: r.change }));
}

export async function findIntent(
  db: Db | Tx,
  eventId: string,
  clientKey: string,
  intentId: string,
): Promise<number | undefined> {
  const r = await db
    .selectFrom('live_intents')
    .select('seq')
    .where('event_id', '=', eventId)
    .where('client_key', '=', clientKey)
    .where('intent_id', '=', intentId)
    .executeTakeFirst();
  return r ? Number(r.seq) : undefined;
}

export async function recordIntent(
  trx: Tx,
  row: { event_id: string; client_key: string; intent_id: string; seq: number; at: string },
): Promise<void> {
  await trx.insertInto('live_intents').values(row).execute();
}
