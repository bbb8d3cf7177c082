import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { PlanVersionTable } from '../schema-plans.ts';
import { ofEvent } from './scoped.ts';

type Tx = Transaction<Database>;
type DbOrTx = Db | Tx;

/** A session's plan versions, newest first. */
export function listPlanVersions(
  db: DbOrTx,
  eventId: string,
  sessionId: string,
): Promise<PlanVersionTable[]> {
  return ofEvent(db, 'plan_versions', eventId)
    .select()
    .selectAll()
    .where('session_id', '=', sessionId)
    .orderBy('version', 'desc')
    .execute();
}

export function findPlanVersion(
  db: DbOrTx,
  eventId: string,
  sessionId: string,
  version: number,
): Promise<PlanVersionTable | undefined> {
  return ofEvent(db, 'plan_versions', eventId)
    .select()
    .selectAll()
    .where('session_id', '=', sessionId)
    .where('version', '=', version)
    .executeTakeFirst();
}

/** The session's newest version number (0 when it has none). */
export async function lastPlanVersion(
  db: DbOrTx,
  eventId: string,
  sessionId: string,
): Promise<number> {
  const r = await ofEvent(db, 'plan_versions', eventId)
    .select()
    .select((eb) => eb.fn.max('version').as('v'))
    .where('session_id', '=', sessionId)
    .executeTakeFirst();
  return Number(r?.v ?? 0);
}

export async function insertPlanVersion(trx: Tx, row: PlanVersionTable): Promise<void> {
  await trx.insertInto('plan_versions').values(row).execute();
}

/** Display names of the users who made versions (a user's name, not their email). */
export async function userNames(db: DbOrTx, ids: readonly string[]): Promise<Map<string, string>> {
  if (!ids.length) return new Map();
  const rows = await db
    .selectFrom('users')
    .select(['id', 'display_name'])
    .where('id', 'in', [...new Set(ids)])
    .execute();
  return new Map(rows.map((r) => [r.id, r.display_name]));
}
