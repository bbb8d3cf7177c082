import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { EventReportTable } from '../schema-report.ts';
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

/**
 * Whom `mosaic report` reads the report as: the member with `email` in the coalition, or (none
 * given) the coalition's first admin. Suspended memberships never count.
 */
export async function reportReaderOf(
  db: DbOrTx,
  coalitionId: string,
  email: string | undefined,
): Promise<{ userId: string; email: string } | undefined> {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .where('m.coalition_id', '=', coalitionId)
    .where('m.suspended_at', 'is', null)
    .select(['u.id as userId', 'u.email as email']);
  q = email ? q.where('u.email', '=', email.trim().toLowerCase()) : q.where('m.role', '=', 'admin');
  return q.orderBy('m.created_at').orderBy('u.id').executeTakeFirst();
}

/** An event by id, or by its join code (normalised: events/codes.ts), what a coordinator has at hand. */
export async function findEventByRef(
  db: DbOrTx,
  ref: { id: string } | { code: string },
): Promise<{ id: string; coalitionId: string; name: string } | undefined> {
  const q = db.selectFrom('events').select(['id', 'coalition_id', 'name']);
  const r = await (
    'id' in ref ? q.where('id', '=', ref.id) : q.where('join_code', '=', ref.code)
  ).executeTakeFirst();
  return r && { id: r.id, coalitionId: r.coalition_id, name: r.name };
}

/** Whether and when the event's report was published (undefined: never). */
export function reportPublication(
  db: DbOrTx,
  eventId: string,
): Promise<EventReportTable | undefined> {
  return ofEvent(db, 'event_reports', eventId).select().selectAll().executeTakeFirst();
}

/** Publishes the event's public report (`public`) or takes it back (`coalition`). */
export async function setReportPublication(
  db: DbOrTx,
  row: Omit<EventReportTable, 'published_at' | 'organisation_id'>,
): Promise<EventReportTable> {
  const published_at = row.visibility === 'public' ? row.updated_at : null;
  const patch = {
    visibility: row.visibility,
    updated_by: row.updated_by,
    updated_at: row.updated_at,
    ...(published_at ? { published_at } : {}),
  };
  await db
    .insertInto('event_reports')
    .values({ ...row, organisation_id: null, published_at })
    .onConflict((oc) => oc.column('event_id').doUpdateSet(patch))
    .execute();
  return (await reportPublication(db, row.event_id))!;
}
