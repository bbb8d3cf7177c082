import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import { ofEvent } from './scoped.ts';

type DbOrTx = Kysely<Database>;

/** Each card's factor now (absent: never confirmed or taken away), for the event report. */
export async function currentFactors(db: DbOrTx, eventId: string): Promise<Map<string, string>> {
  const rows = await ofEvent(db, 'card_factor_current', eventId)
    .select()
    .select(['card_factor_current.card_id as cardId', 'card_factor_current.factor_id as factor'])
    .execute();
  return new Map(rows.filter((r) => r.factor !== null).map((r) => [r.cardId, r.factor!]));
}

/** Whether a coordinator published the event's overlap (absent row: not published). */
export async function overlapIsPublic(db: DbOrTx, eventId: string): Promise<boolean> {
  const r = await ofEvent(db, 'event_overlap', eventId)
    .select()
    .select('event_overlap.visibility as visibility')
    .executeTakeFirst();
  return r?.visibility === 'public';
}
