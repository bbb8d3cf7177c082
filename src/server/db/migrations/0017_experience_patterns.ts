import type { Kysely } from 'kysely';

/**
 * Issue 13: experience patterns, the spectrum of exploitation. A row is an anonymised pattern,
 * never a person: form, sector and population, the ILO indicators present (JSON list of numbers
 * 1–11), pay (full | partly | never), whether the person could leave (0/1), recruitment (free |
 * deceived | coerced), moved by a recruiter (0/1), free-text notes. Like every record it has a
 * visibility and an owning organisation (null: the coalition's own); it may name the event and
 * issue where it was told. The level is not stored: the rule computes it on read, so a new rule
 * version never leaves stale levels behind. `entered_by` / `participant_id` say who entered it
 * (kept for validation, never shown outside the coalition).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('experience_patterns')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('organisation_id', 'text', (c) =>
      c.references('organisations.id').onDelete('set null'),
    )
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('event_id', 'text', (c) => c.references('events.id').onDelete('set null'))
    .addColumn('issue_key', 'text')
    .addColumn('form', 'text', (c) => c.notNull())
    .addColumn('sector', 'text')
    .addColumn('population', 'text')
    .addColumn('indicators', 'text', (c) => c.notNull())
    .addColumn('paid', 'text', (c) => c.notNull())
    .addColumn('can_leave', 'integer', (c) => c.notNull())
    .addColumn('recruitment', 'text', (c) => c.notNull())
    .addColumn('moved', 'integer', (c) => c.notNull())
    .addColumn('notes', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('entered_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('participant_id', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('experience_patterns_coalition')
    .on('experience_patterns')
    .columns(['coalition_id', 'created_at'])
    .execute();
  await db.schema
    .createIndex('experience_patterns_event')
    .on('experience_patterns')
    .columns(['event_id', 'issue_key'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('experience_patterns').execute();
}
