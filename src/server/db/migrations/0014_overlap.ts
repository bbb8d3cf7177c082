import { sql, type Kysely } from 'kysely';

/**
 * Issue 13, overlap:
 * - `card_factor_current`: each card's factor now (its last `card_factor_assignments` entry; null:
 *   none), written in the same statement sequence as every entry (repos/factors.ts), so the overlap
 *   counts join one row per card instead of looking for each card's last version.
 * - `event_overlap`: per event, `version` (bumped with every assignment entry: the overlap answer
 *   cache's key, with the live room's sequence number for card edits) and `visibility` of the
 *   event's overlap — `coalition` (absent row: the default) or `public` (a coordinator published
 *   it: the public view counts it, small counts suppressed).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('card_factor_current')
    .addColumn('event_id', 'text', (c) => c.notNull())
    .addColumn('card_id', 'text', (c) => c.notNull())
    .addColumn('factor_id', 'text')
    .addPrimaryKeyConstraint('card_factor_current_pk', ['event_id', 'card_id'])
    .addForeignKeyConstraint(
      'card_factor_current_card',
      ['event_id', 'card_id'],
      'cards',
      ['event_id', 'id'],
      (fk) => fk.onDelete('cascade'),
    )
    .execute();
  await sql`INSERT INTO card_factor_current (event_id, card_id, factor_id)
    SELECT a.event_id, a.card_id, a.factor_id FROM card_factor_assignments a
    WHERE a.n = (SELECT max(b.n) FROM card_factor_assignments b
                 WHERE b.event_id = a.event_id AND b.card_id = a.card_id)`.execute(db);
  await db.schema
    .createTable('event_overlap')
    .addColumn('event_id', 'text', (c) =>
      c.primaryKey().references('events.id').onDelete('cascade'),
    )
    .addColumn('version', 'integer', (c) => c.notNull())
    .addColumn('visibility', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('event_overlap').execute();
  await db.schema.dropTable('card_factor_current').execute();
}
