import { sql, type CreateTableBuilder, type Kysely, type RawBuilder } from 'kysely';

/**
 * A card is keyed by its event and its id (issue 10, hole 2). Clients choose card ids; with the id
 * alone as the key, adding a card under an id used in another event had to be refused, and the
 * refusal told that the id existed in another coalition. Now that id is simply free in this event.
 * `card_history` carries the event too, so every read of a card's versions is keyed by its event.
 * Both tables are rebuilt (SQLite cannot change a primary key in place); rows are copied as they are.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, '0004', {
    cardsKey: ['cards_pk', ['event_id', 'id']],
    history: (t) =>
      t
        .addColumn('event_id', 'text', (c) => c.notNull())
        .addColumn('card_id', 'text', (c) => c.notNull()),
    historyKey: (t) =>
      t
        .addPrimaryKeyConstraint('card_history_key', ['event_id', 'card_id', 'n'])
        .addForeignKeyConstraint(
          'card_history_card',
          ['event_id', 'card_id'],
          'cards',
          ['event_id', 'id'],
          (fk) => fk.onDelete('cascade'),
        ),
    copyHistory: sql`INSERT INTO card_history (event_id, card_id, ${HISTORY_LIST})
      SELECT c.event_id, h.card_id, ${sql.join(HISTORY_COLUMNS.map(([n]) => sql.ref(`h.${n}`)))}
      FROM card_history_0004 h JOIN cards_0004 c ON c.id = h.card_id`,
  });
}

/** Back to 0004's shape: fails (and changes nothing) if two events hold the same card id. */
export async function down(db: Kysely<unknown>): Promise<void> {
  await rebuild(db, '0006', {
    cardsKey: ['cards_id_pk', ['id']],
    history: (t) =>
      t.addColumn('card_id', 'text', (c) => c.notNull().references('cards.id').onDelete('cascade')),
    historyKey: (t) => t.addPrimaryKeyConstraint('card_history_id_key', ['card_id', 'n']),
    copyHistory: sql`INSERT INTO card_history (card_id, ${HISTORY_LIST})
      SELECT card_id, ${HISTORY_LIST} FROM card_history_0006`,
  });
}

/**
 * Moves both tables aside (suffixed with the version they were), creates them in the new shape,
 * copies every row, drops the old ones. Constraint names differ between the shapes, as PostgreSQL
 * wants while the old tables still exist.
 */
async function rebuild(
  db: Kysely<unknown>,
  was: string,
  shape: {
    cardsKey: [string, string[]];
    history: (t: Table) => Table;
    historyKey: (t: Table) => Table;
    copyHistory: RawBuilder<unknown>;
  },
): Promise<void> {
  await db.schema.dropIndex('cards_event_issue').execute();
  await db.schema.alterTable('card_history').renameTo(`card_history_${was}`).execute();
  await db.schema.alterTable('cards').renameTo(`cards_${was}`).execute();
  await withColumns(
    table(db, 'cards')
      .addColumn('id', 'text', (c) => c.notNull())
      .addColumn('event_id', 'text', (c) =>
        c.notNull().references('events.id').onDelete('cascade'),
      ),
    CARD_COLUMNS,
  )
    .addPrimaryKeyConstraint(...shape.cardsKey)
    .execute();
  await shape
    .historyKey(withColumns(shape.history(table(db, 'card_history')), HISTORY_COLUMNS))
    .execute();
  const cardList = sql.join(
    ['id', 'event_id', ...CARD_COLUMNS.map(([n]) => n)].map((n) => sql.ref(n)),
  );
  await sql`INSERT INTO cards (${cardList}) SELECT ${cardList} FROM ${sql.table(`cards_${was}`)}`.execute(
    db,
  );
  await shape.copyHistory.execute(db);
  await db.schema.dropTable(`card_history_${was}`).execute();
  await db.schema.dropTable(`cards_${was}`).execute();
  await db.schema
    .createIndex('cards_event_issue')
    .on('cards')
    .columns(['event_id', 'issue_key'])
    .execute();
}

/** A table builder whose columns are not tracked by type: these tables are built from lists. */
type Table = CreateTableBuilder<string, string>;
const table = (db: Kysely<unknown>, name: string): Table => db.schema.createTable(name);

/** The columns of 0004's card and history tables (besides the keys), as they were. */
const CARD_COLUMNS = [
  ['issue_key', 'text', true],
  ['kind', 'text', true],
  ['level', 'text', true],
  ['text', 'text', true],
  ['tags', 'text', true],
  ['table_id', 'text', false],
  ['round', 'integer', false],
  ['participant_id', 'text', false],
  ['user_id', 'text', false],
  ['version', 'integer', true],
  ['deleted', 'integer', true],
  ['created_at', 'text', true],
  ['updated_at', 'text', true],
] as const;
const HISTORY_COLUMNS = [
  ['n', 'integer', true],
  ['version', 'integer', true],
  ['text', 'text', true],
  ['kind', 'text', true],
  ['level', 'text', true],
  ['tags', 'text', true],
  ['deleted', 'integer', true],
  ['reason', 'text', true],
  ['by_key', 'text', true],
  ['at', 'text', true],
] as const;
const HISTORY_LIST = sql.join(HISTORY_COLUMNS.map(([n]) => sql.ref(n)));

function withColumns(
  t: Table,
  columns: readonly (readonly [string, 'text' | 'integer', boolean])[],
) {
  return columns.reduce(
    (b, [name, type, notNull]) => b.addColumn(name, type, (c) => (notNull ? c.notNull() : c)),
    t,
  );
}
