import type { Kysely } from 'kysely';

/**
 * The languages Mosaic writes to people in (issue 14): a user's chosen language (`users.language`,
 * null until they choose one in the app) and the coalition's language (`coalitions.language`,
 * `en` for every coalition made before this migration). Emails go in the recipient's language,
 * else the coalition's; a report is written in the coalition's unless another is asked for.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('users').addColumn('language', 'text').execute();
  await db.schema
    .alterTable('coalitions')
    .addColumn('language', 'text', (c) => c.notNull().defaultTo('en'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('coalitions').dropColumn('language').execute();
  await db.schema.alterTable('users').dropColumn('language').execute();
}
