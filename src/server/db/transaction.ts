import { Transaction } from 'kysely';
import type { Db } from './index.ts';
import type { Database } from './schema.ts';

/**
 * Runs `work` in `db`'s transaction when `db` is one (the live room's, say), else in a
 * transaction of its own. `instanceof` tells them apart, so no cast is needed.
 */
export function inTransaction<T>(
  db: Db,
  work: (trx: Transaction<Database>) => Promise<T>,
): Promise<T> {
  return db instanceof Transaction ? work(db) : db.transaction().execute((trx) => work(trx));
}
