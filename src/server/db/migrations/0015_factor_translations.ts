import type { Kysely } from 'kysely';

/**
 * A factor's label and description in every language the coalition works in (issue 13). The
 * `label` and `description` columns stay the English ones; `labels` and `descriptions` hold the
 * other languages as JSON objects (`{"th": "หนี้สิน"}`), `{}` for none, so rows made before this
 * migration read as they did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .alterTable('coalition_factors')
    .addColumn('labels', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
  await db.schema
    .alterTable('coalition_factors')
    .addColumn('descriptions', 'text', (c) => c.notNull().defaultTo('{}'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('coalition_factors').dropColumn('descriptions').execute();
  await db.schema.alterTable('coalition_factors').dropColumn('labels').execute();
}
