import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { CardFactorAssignmentTable, CoalitionFactorTable } from '../schema-factors.ts';
import type { CardTable } from '../schema-cards.ts';
import { ofCoalition, ofEvent } from './scoped.ts';

type DbOrTx = Kysely<Database>;

/** A coalition's factors in their order (every status). */
export function listCoalitionFactors(
  db: DbOrTx,
  coalitionId: string,
): Promise<CoalitionFactorTable[]> {
  return db
    .selectFrom('coalition_factors')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .orderBy('position')
    .orderBy('factor_id')
    .execute();
}

export async function insertCoalitionFactors(
  trx: DbOrTx,
  rows: CoalitionFactorTable[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx
    .insertInto('coalition_factors')
    .values(rows)
    .onConflict((oc) => oc.columns(['coalition_id', 'factor_id']).doNothing())
    .execute();
}

export async function updateCoalitionFactor(
  trx: DbOrTx,
  coalitionId: string,
  factorId: string,
  change: Partial<Omit<CoalitionFactorTable, 'coalition_id' | 'factor_id'>>,
): Promise<number> {
  const r = await ofCoalition(trx, 'coalition_factors', coalitionId)
    .update()
    .set(change)
    .where('factor_id', '=', factorId)
    .executeTakeFirst();
  return Number(r.numUpdatedRows);
}

/** Every assignment entry of an event, card by card in order. */
export function eventAssignments(
  db: DbOrTx,
  eventId: string,
): Promise<CardFactorAssignmentTable[]> {
  return ofEvent(db, 'card_factor_assignments', eventId)
    .select()
    .selectAll()
    .orderBy('card_id')
    .orderBy('n')
    .execute();
}

/** The versions of one card's factor, oldest first. */
export function cardAssignments(
  db: DbOrTx,
  eventId: string,
  cardId: string,
): Promise<CardFactorAssignmentTable[]> {
  return ofEvent(db, 'card_factor_assignments', eventId)
    .select()
    .selectAll()
    .where('card_id', '=', cardId)
    .orderBy('n')
    .execute();
}

/**
 * Appends a version of a card's factor. Call inside the write's transaction: the card's current
 * factor (`card_factor_current`) and the event's overlap version change with it (migration 0014).
 */
export async function insertAssignment(trx: DbOrTx, row: CardFactorAssignmentTable): Promise<void> {
  await trx.insertInto('card_factor_assignments').values(row).execute();
  await trx
    .insertInto('card_factor_current')
    .values({ event_id: row.event_id, card_id: row.card_id, factor_id: row.factor_id })
    .onConflict((oc) =>
      oc.columns(['event_id', 'card_id']).doUpdateSet({ factor_id: row.factor_id }),
    )
    .execute();
  await bumpOverlapVersion(trx, row.event_id, row.at);
}

/** The event's overlap answers are stale from now (read by repos/overlap.ts). */
export async function bumpOverlapVersion(trx: DbOrTx, eventId: string, at: string): Promise<void> {
  await trx
    .insertInto('event_overlap')
    .values({
      event_id: eventId,
      version: 1,
      visibility: 'coalition',
      updated_by: null,
      updated_at: at,
    })
    .onConflict((oc) =>
      oc.column('event_id').doUpdateSet({ version: sql<number>`event_overlap.version + 1` }),
    )
    .execute();
}

/** An assignment entry with its card, across the coalition's events. */
export interface CoalitionAssignment
  extends CardFactorAssignmentTable, Pick<CardTable, 'text' | 'kind' | 'level' | 'deleted'> {}

/**
 * Every assignment entry of the coalition's events with its card's text, kind and level, in one
 * query: reached through the coalition's events, so another coalition's rows never join.
 */
export async function coalitionAssignments(
  db: DbOrTx,
  coalitionId: string,
): Promise<CoalitionAssignment[]> {
  const rows = await db
    .selectFrom('events as e')
    .innerJoin('card_factor_assignments as a', 'a.event_id', 'e.id')
    .innerJoin('cards as c', (j) =>
      j.onRef('c.event_id', '=', 'a.event_id').onRef('c.id', '=', 'a.card_id'),
    )
    .where('e.coalition_id', '=', coalitionId)
    .select([
      'a.event_id',
      'a.card_id',
      'a.n',
      'a.factor_id',
      'a.by_user',
      'a.at',
      'a.undo_of',
      'c.text',
      'c.kind',
      'c.level',
      'c.deleted',
    ])
    .orderBy('a.event_id')
    .orderBy('a.card_id')
    .orderBy('a.n')
    .execute();
  return rows.map((r) => ({ ...r, deleted: Number(r.deleted) }));
}

/**
 * What a cached suggester of the coalition depends on, as one string: the number and latest time
 * of assignment entries (append-only, so every assignment changes it) and of factor edits. Another
 * instance sharing the database sees a change through it.
 */
export async function factorStamp(db: DbOrTx, coalitionId: string): Promise<string> {
  const a = await db
    .selectFrom('events as e')
    .innerJoin('card_factor_assignments as a', 'a.event_id', 'e.id')
    .where('e.coalition_id', '=', coalitionId)
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('a.at').as('at')])
    .executeTakeFirst();
  const f = await db
    .selectFrom('coalition_factors')
    .where('coalition_id', '=', coalitionId)
    .select((eb) => [eb.fn.countAll<number | string>().as('n'), eb.fn.max('updated_at').as('at')])
    .executeTakeFirst();
  return `${Number(a?.n ?? 0)}@${a?.at ?? ''}/${Number(f?.n ?? 0)}@${f?.at ?? ''}`;
}

/**
 * Appends many versions at once (a merge or a split moving cards), keeping what insertAssignment
 * keeps: each card's current factor and its event's overlap version. Inside the transaction.
 */
export async function insertAssignments(
  trx: DbOrTx,
  rows: CardFactorAssignmentTable[],
): Promise<void> {
  for (let i = 0; i < rows.length; i += 200) {
    const chunk = rows.slice(i, i + 200);
    await trx.insertInto('card_factor_assignments').values(chunk).execute();
    await trx
      .insertInto('card_factor_current')
      .values(
        chunk.map((r) => ({ event_id: r.event_id, card_id: r.card_id, factor_id: r.factor_id })),
      )
      .onConflict((oc) =>
        oc
          .columns(['event_id', 'card_id'])
          .doUpdateSet((eb) => ({ factor_id: eb.ref('excluded.factor_id') })),
      )
      .execute();
  }
  const events = new Map(rows.map((r) => [r.event_id, r.at]));
  for (const [eventId, at] of events) await bumpOverlapVersion(trx, eventId, at);
}
