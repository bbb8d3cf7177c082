import type { Kysely } from 'kysely';

/**
 * Seating rules per session (keep colleagues apart, mix sectors, hosts at their tables), each hard
 * or soft with a weight: JSON (SessionRules). NULL means the defaults, so sessions made before this
 * migration plan exactly as they did.
 */
export async function up(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_sessions').addColumn('rules', 'text').execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('event_sessions').dropColumn('rules').execute();
}
