import { sql, type Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Change, LiveState } from '../../../contract/live.ts';
import { fromJson, toJson } from '../json.ts';
import type { Database } from '../schema.ts';
import { ofEvent } from './scoped.ts';

type Tx = Transaction<Database>;

/** What `live_state.state` holds for an event whose room has no state of its own yet. */
const NO_STATE = '{}';
const storedState = (state: LiveState | null) => (state === null ? NO_STATE : toJson(state));

export async function loadLiveState(
  db: Db,
  eventId: string,
): Promise<{ seq: number; state: LiveState | null } | undefined> {
  const r = await ofEvent(db, 'live_state', eventId)
    .select()
    .select(['seq', 'state'])
    .executeTakeFirst();
  return r && { seq: Number(r.seq), state: r.state === NO_STATE ? null : fromJson(r.state) };
}

/**
 * The room's stored sequence number, read at the start of a commit transaction. With `lock` (on
 * PostgreSQL, where several instances share a room) the `live_state` row is locked until the
 * transaction ends: commits of one event are then serialised across instances and each reads the
 * sequence number the previous one left. The row is created first if the event has none yet, so
 * that there is a row to lock. SQLite has one writer at a time anyway.
 */
export async function storedSeq(
  trx: Tx,
  eventId: string,
  lock: boolean,
): Promise<{ seq: number; exists: boolean }> {
  const read = () => {
    const q = ofEvent(trx, 'live_state', eventId).select().select('seq');
    return (lock ? q.forUpdate() : q).executeTakeFirst();
  };
  let r = await read();
  if (!r && lock) {
    await trx
      .insertInto('live_state')
      .values({ event_id: eventId, seq: 0, state: NO_STATE })
      .onConflict((oc) => oc.column('event_id').doNothing())
      .execute();
    r = await read();
  }
  return r ? { seq: Number(r.seq), exists: true } : { seq: 0, exists: false };
}

/**
 * Records one change under the next sequence number. Callers hold the room (its serial queue and,
 * on PostgreSQL, the row lock of `storedSeq`) and pass what `storedSeq` found.
 */
export async function appendChange(
  trx: Tx,
  eventId: string,
  seq: number,
  change: Change,
  at: string,
  stateRowExists: boolean,
): Promise<void> {
  await trx
    .insertInto('live_changes')
    .values({ event_id: eventId, seq, change: toJson(change), at })
    .execute();
  // A state change also stores the room's state it leads to; other changes leave it as it is.
  const state = change.kind === 'state' ? change.state : null;
  if (stateRowExists)
    await ofEvent(trx, 'live_state', eventId)
      .update()
      .set(state === null ? { seq } : { seq, state: toJson(state) })
      .execute();
  else
    await trx
      .insertInto('live_state')
      .values({ event_id: eventId, seq, state: storedState(state) })
      .execute();
}

export async function changesSince(
  db: Db,
  eventId: string,
  afterSeq: number,
  limit: number,
): Promise<{ seq: number; change: Change }[]> {
  const rows = await ofEvent(db, 'live_changes', eventId)
    .select()
    .select(['seq', 'change'])
    .where('seq', '>', afterSeq)
    .orderBy('seq')
    .limit(limit)
    .execute();
  return rows.map((r) => ({ seq: Number(r.seq), change: fromJson(r.change) }));
}

export async function findIntent(
  db: Db | Tx,
  eventId: string,
  clientKey: string,
  intentId: string,
): Promise<number | undefined> {
  const r = await ofEvent(db, 'live_intents', eventId)
    .select()
    .select('seq')
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

/** How many intents of this client were applied (recorded) at or after `sinceIso`, any instance. */
export async function intentsSince(
  db: Db,
  eventId: string,
  clientKey: string,
  sinceIso: string,
): Promise<number> {
  const r = await ofEvent(db, 'live_intents', eventId)
    .select()
    .select((eb) => eb.fn.countAll().as('n'))
    .where('client_key', '=', clientKey)
    .where('at', '>=', sinceIso)
    .executeTakeFirst();
  return Number(r?.n ?? 0);
}

/**
 * PostgreSQL NOTIFY inside the commit transaction: delivered to every listening instance when,
 * and only when, the transaction commits. Payloads are identifiers and numbers, never data.
 */
export async function notify(db: Db, channel: string, payload: string): Promise<void> {
  await sql`select pg_notify(${channel}, ${payload})`.execute(db);
}

/** A primary-key or unique constraint violation, on PostgreSQL or SQLite. */
export function isUniqueViolation(err: unknown): boolean {
  const code = typeof err === 'object' && err !== null && 'code' in err ? err.code : undefined;
  return (
    code === '23505' ||
    code === 'SQLITE_CONSTRAINT_PRIMARYKEY' ||
    code === 'SQLITE_CONSTRAINT_UNIQUE'
  );
}
