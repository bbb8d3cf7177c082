import type { Kysely } from 'kysely';

/**
 * Publishing an event's report (issue 14). One row per event once a coordinator has published its
 * public version (or taken it back): `visibility` is `public` while anonymous readers may read it
 * at its public address, `coalition` once unpublished (no row: never published). Owned by the
 * coalition (no owning organisation), like the event itself.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('event_reports')
    .addColumn('event_id', 'text', (c) =>
      c.primaryKey().references('events.id').onDelete('cascade'),
    )
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('published_at', 'text')
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_reports').execute();
}
