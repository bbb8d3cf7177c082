import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { ofEvent } from './scoped.ts';

/** Each card's current factor in an event (cards never assigned are absent). */
export async function currentFactors(
  db: Kysely<Database>,
  eventId: string,
): Promise<Map<string, string | null>> {
  const rows = await ofEvent(db, 'card_factor_current', eventId)
    .select()
    .select(['card_id', 'factor_id'])
    .execute();
  return new Map(rows.map((r) => [r.card_id, r.factor_id]));
}
