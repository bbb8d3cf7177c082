import type { Kysely } from 'kysely';

/**
 * The learnings wall (issue 14). A post is made on a phone with a phone-made id, so it is keyed by
 * its event and id together, like a card (migration 0006): an id from another event finds
 * nothing. It keeps the participant who posted it (never shown to anyone: anonymous, or with the
 * organisation's name when the poster chose `show_org`) and that participant's organisation as
 * its owner (when the roster's name matches exactly one of the coalition's organisations).
 * `merged_into` points at the post a duplicate was merged into (always a post that is not itself
 * merged); votes stay on the post they were cast for, and a post counts the distinct people who
 * voted for it or for a post merged into it. Themes group posts; their ids are made by the console.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('learning_themes')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_themes_pk', ['event_id', 'id'])
    .execute();
  await db.schema
    .createTable('learnings')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('id', 'text', (c) => c.notNull())
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('session_id', 'text', (c) => c.references('event_sessions.id').onDelete('set null'))
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('show_org', 'integer', (c) => c.notNull())
    .addColumn('organisation_name', 'text', (c) => c.notNull())
    .addColumn('organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('participant_id', 'text')
    .addColumn('hidden', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('pinned', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('merged_into', 'text')
    .addColumn('theme_id', 'text')
    .addColumn('visibility', 'text', (c) => c.notNull().defaultTo('coalition'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learnings_pk', ['event_id', 'id'])
    .execute();
  await db.schema
    .createTable('learning_votes')
    .addColumn('event_id', 'text', (c) => c.notNull().references('events.id').onDelete('cascade'))
    .addColumn('learning_id', 'text', (c) => c.notNull())
    .addColumn('participant_id', 'text', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('learning_votes_pk', ['event_id', 'learning_id', 'participant_id'])
    .execute();
  await db.schema
    .createIndex('learnings_merged')
    .on('learnings')
    .columns(['event_id', 'merged_into'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('learning_votes').execute();
  await db.schema.dropTable('learnings').execute();
  await db.schema.dropTable('learning_themes').execute();
}
