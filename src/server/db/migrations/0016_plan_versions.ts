import type { Kysely } from 'kysely';

/**
 * Plan history (issue 12): every change to a session's plan is kept as a version with who, when
 * and why, so a previous plan's not-yet-held rounds can be restored. A version belongs to its
 * event like the session it records: visible to the event's coalition (visibility `coalition`, no
 * owning organisation), reached only through its event (`ofEvent`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('plan_versions')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('session_id', 'text', (c) =>
      c.notNull().references('event_sessions.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('plan', 'text')
    .addColumn('quality', 'text')
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('held_through', 'integer', (c) => c.notNull())
    .addColumn('restored_from', 'integer')
    .addColumn('user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('coalition'))
    .addColumn('owning_organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('plan_versions_pk', ['event_id', 'session_id', 'version'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('plan_versions').execute();
}
