import type { Kysely } from 'kysely';

/**
 * What a coalition taught the importer: "'UN / international' is a UN agency", "the column
 * 'Affiliation' is the organisation". Keyed by the vocabulary (`sector`, `expertise`, `country`,
 * `language`, or `column:<what is imported>` for headers) and the folded value, so the next file
 * with the same words maps without asking. `target` '' means "leave it out" (or ignore the column).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('import_mappings')
    .addColumn('coalition_id', 'text', (c) =>
      c.notNull().references('coalitions.id').onDelete('cascade'),
    )
    .addColumn('vocabulary', 'text', (c) => c.notNull())
    .addColumn('source', 'text', (c) => c.notNull())
    .addColumn('target', 'text', (c) => c.notNull())
    .addColumn('updated_by', 'text', (c) => c.references('users.id').onDelete('set null'))
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .addPrimaryKeyConstraint('import_mappings_pk', ['coalition_id', 'vocabulary', 'source'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('import_mappings').execute();
}
