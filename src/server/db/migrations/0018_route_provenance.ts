import type { Kysely } from 'kysely';

/**
 * Where a route came from when a participant added it from their phone during a mapping session
 * (the event and the participant, kept for validation and never shown outside the coalition's
 * coordinators), and whether a coordinator has validated it yet. Routes made before this
 * migration, or through the API, have neither and need no validation.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('routes').addColumn('event_id', 'text').execute();
  await db.schema.alterTable('routes').addColumn('participant_id', 'text').execute();
  await db.schema
    .alterTable('routes')
    .addColumn('pending_review', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();
  await db.schema
    .createIndex('routes_pending_review')
    .on('routes')
    .columns(['coalition_id', 'pending_review'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropIndex('routes_pending_review').execute();
  await db.schema.alterTable('routes').dropColumn('pending_review').execute();
  await db.schema.alterTable('routes').dropColumn('participant_id').execute();
  await db.schema.alterTable('routes').dropColumn('event_id').execute();
}
