import { sql, type Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { CardFactorAssignmentTable, CoalitionFactorTable } from '../schema-factors.ts';
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
