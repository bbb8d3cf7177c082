import type { Kysely } from 'kysely';

/**
 * Issue 13: a coalition's factor vocabulary and the people's assignments of cards to factors.
 * - `coalition_factors`: one row per factor of a coalition, keyed by the factor's stable id
 *   (`push.debt`, or an id the coalition made). Starts as a copy of the default vocabulary; labels,
 *   descriptions and keywords (JSON, per language) are the coalition's to edit. `status` is
 *   active | retired | merged (`merged_into` names the factor its cards moved to).
 * - `card_factor_assignments`: append-only versions of a card's factor. Entry n of a card says
 *   which factor (null: none) a person (`by_user`) chose at `at`; an undo is a new entry that
 *   restores the previous one (`undo_of` = the entry it undid). The card's factor is its last entry.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('coalition_factors')
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('factor_id', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    .addColumn('description', 'text', (c) => c.notNull())
    .addColumn('keywords', 'text', (c) => c.notNull())
    .addColumn('codes', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('merged_into', 'text')
    .addColumn('position', 'integer', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('coalition_factors_pk', ['coalition_id', 'factor_id'])
    .execute();
  await db.schema
    .createTable('card_factor_assignments')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addColumn('factor_id', 'text')
    .addColumn('by_user', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('undo_of', 'integer')
    .addPrimaryKeyConstraint('card_factor_assignments_pk', ['event_id', 'card_id', 'n'])
    .addForeignKeyConstraint(
      'card_factor_assignments_card',
      ['event_id', 'card_id'],
      'cards',
      ['event_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await db.schema
    .createIndex('card_factor_assignments_factor')
    .on('card_factor_assignments')
    .columns(['event_id', 'factor_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('card_factor_assignments').execute();
  await db.schema.dropTable('coalition_factors').execute();
}
