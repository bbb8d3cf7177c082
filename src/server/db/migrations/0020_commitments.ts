import type { Kysely } from 'kysely';

/**
 * Issue 14, commitments and roadmaps. A commitment is an action an expertise group (a group of a
 * `groups` session: the event's `expertise_groups`, keyed by `group_key`) puts on its roadmap, or
 * one a coordinator records after the event: a title, the owner organisation (the owning
 * organisation for the policy table: its members update it), an optional second organisation, a
 * target date (YYYY-MM-DD), a status (planned | in_progress | done | dropped) and a visibility.
 * `progress_at` is when its status or progress was last reported (creation counts): the follow-up
 * list's "not updated for 30/60/90 days" reads it. `commitment_updates` keeps every status update
 * with who and when (the timeline); `commitment_links` what it answers or came from: a card, a
 * learning, an atlas gap (`<placeId>|<form>`), a factor or an event issue, with the words it had
 * then (`label`), so the timeline still reads when the source changes. Both child tables carry the
 * coalition, and every change to them is keyed by it (`ofCoalition`).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('commitments')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('set null'))
    .addColumn('group_key', 'text')
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('owner_organisation_id', 'text', (c) =>
      c.notNull().references('organisations.id').onDelete('cascade'),
    )
    .addColumn('second_organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('target_date', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('created_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addColumn('progress_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitments_coalition')
    .on('commitments')
    .columns(['coalition_id', 'target_date'])
    .execute();
  await db.schema
    .createIndex('commitments_event')
    .on('commitments')
    .columns(['event_id', 'group_key'])
    .execute();
  await db.schema
    .createIndex('commitments_owner')
    .on('commitments')
    .columns(['owner_organisation_id'])
    .execute();
  await db.schema
    .createTable('commitment_updates')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('commitment_id', 'text', (c) =>
      c.notNull().references('commitments.id').onDelete('cascade'),
    )
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('by_user_id', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('by_name', 'text', (c) => c.notNull())
    .addColumn('at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('commitment_updates_commitment')
    .on('commitment_updates')
    .columns(['commitment_id', 'at'])
    .execute();
  await db.schema
    .createTable('commitment_links')
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('commitment_id', 'text', (c) =>
      c.notNull().references('commitments.id').onDelete('cascade'),
    )
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('ref', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text')
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('source', 'integer', (c) => c.notNull())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('commitment_links_pk', ['commitment_id', 'kind', 'ref'])
    .execute();
  await db.schema
    .createIndex('commitment_links_ref')
    .on('commitment_links')
    .columns(['coalition_id', 'kind', 'ref'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('commitment_links').execute();
  await db.schema.dropTable('commitment_updates').execute();
  await db.schema.dropTable('commitments').execute();
}
