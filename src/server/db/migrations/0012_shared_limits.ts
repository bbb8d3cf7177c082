import type { Kysely } from 'kysely';

/**
 * Limits shared by every instance on one database (issue 11, point 7): the sign-in back-off per
 * email or known device, and the per-address request counts of the rate-limited routes (sign-in,
 * invitation and reset links, joining). Keys are stored only as SHA-256 hashes: no email or
 * address is kept. Both are pruned with the sessions (db/repos/prune.ts).
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema
    .createTable('auth_backoff')
    .addColumn('key_hash', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_ms', 'bigint', (c) => c.notNull())
    .execute();
  await db.schema
    .createTable('rate_counts')
    .addColumn('key_hash', 'text', (c) => c.notNull())
    .addColumn('window_start', 'bigint', (c) => c.notNull())
    .addColumn('n', 'integer', (c) => c.notNull())
    .addPrimaryKeyConstraint('rate_counts_pk', ['key_hash', 'window_start'])
    .execute();
  await db.schema
    .createIndex('rate_counts_window')
    .on('rate_counts')
    .column('window_start')
    .execute();
  await db.schema.createIndex('auth_backoff_last').on('auth_backoff').column('last_ms').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('rate_counts').execute();
  await db.schema.dropTable('auth_backoff').execute();
}
