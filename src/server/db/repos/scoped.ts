import { sql, type Expression, type Kysely, type SqlBool } from 'kysely';
import type { Database } from '../schema.ts';

/** The database or a transaction (a `Transaction` is a `Kysely`). */
type DbOrTx = Kysely<Database>;

/**
 * Rows that belong to one event. A child's id alone never addresses it: a session, table,
 * participant or card id from another event (another coalition's) must match nothing, whatever a
 * caller passes in a URL or an intent.
 */
export type EventChild =
  | 'event_tables'
  | 'event_sessions'
  | 'participants'
  | 'participant_tokens'
  | 'cards'
  | 'card_history'
  | 'handover_notes'
  | 'live_state'
  | 'live_changes'
  | 'live_intents'
  | 'card_factor_assignments'
  | 'card_factor_current'
  | 'event_overlap'
  | 'plan_versions'
  | 'learnings'
  | 'learning_votes'
  | 'learning_themes'
  | 'event_reports';

/** Records whose parent is a coalition; changing one is always keyed by that coalition too. */
export type CoalitionChild =
  | 'events'
  | 'organisations'
  | 'routes'
  | 'challenges'
  | 'memberships'
  | 'coalition_factors'
  | 'experience_patterns'
  | 'commitments'
  | 'commitment_updates'
  | 'commitment_links';

/**
 * `WHERE <column> = <id>` on any query builder. Kysely cannot type `.where` on a builder whose
 * table is still a type parameter, so the condition is a plain SQL expression; callers get the
 * builder back with their concrete table type.
 */
function keyedBy(column: string, id: string) {
  const cond = sql<SqlBool>`${sql.ref(column)} = ${id}`;
  return <Q>(q: Q): Q => (q as unknown as { where(e: Expression<SqlBool>): Q }).where(cond);
}

/**
 * The only door to an event's rows: every statement starts with `event_id = ?`, and the caller
 * narrows it further (`.where('id', '=', sessionId)`). ESLint refuses `selectFrom('cards')`,
 * `updateTable('event_sessions')`, `deleteFrom('participants')`… anywhere else (see
 * eslint.config.js), so a query by child id alone cannot come back by accident.
 */
export function ofEvent<T extends EventChild>(db: DbOrTx, table: T, eventId: string) {
  const keyed = keyedBy(`${table}.event_id`, eventId);
  return {
    select: () => keyed(db.selectFrom(table)),
    update: () => keyed(db.updateTable(table)),
    delete: () => keyed(db.deleteFrom(table)),
  };
}

/**
 * Changes to a coalition's records, keyed by the coalition. Reads of these records may cross
 * coalitions (public organisations and challenges are public everywhere) and are decided by
 * `can()`; writes never do, so an update or delete that names a record of another coalition
 * changes nothing (callers check `numUpdatedRows` / `numDeletedRows` before touching children).
 */
export function ofCoalition<T extends CoalitionChild>(db: DbOrTx, table: T, coalitionId: string) {
  const keyed = keyedBy(`${table}.coalition_id`, coalitionId);
  return {
    update: () => keyed(db.updateTable(table)),
    delete: () => keyed(db.deleteFrom(table)),
  };
}

/** How many rows an update or delete touched (drivers give bigint). */
export function touched(r: { numUpdatedRows?: bigint; numDeletedRows?: bigint }): number {
  return Number(r.numUpdatedRows ?? r.numDeletedRows ?? 0);
}
