import type { Db } from '../index.ts';

/**
 * The counters several instances on one database share (issue 11, point 7): sign-in failures per
 * key (`auth_backoff`) and requests per fixed window (`rate_counts`). Keys arrive hashed; each
 * change is one atomic statement, so two instances counting at once both count.
 */

/** A key's failures and when the last one was (ms), if it has any. */
export async function backoffOf(
  db: Db,
  keyHash: string,
): Promise<{ failures: number; lastMs: number } | undefined> {
  const s = await db
    .selectFrom('auth_backoff')
    .select(['failures', 'last_ms'])
    .where('key_hash', '=', keyHash)
    .executeTakeFirst();
  return s && { failures: Number(s.failures), lastMs: Number(s.last_ms) };
}

/** One more failure at `now`; a key whose last failure is `forgetMs` old starts again at 1. */
export async function addBackoffFailure(
  db: Db,
  keyHash: string,
  now: number,
  forgetMs: number,
): Promise<void> {
  await db
    .insertInto('auth_backoff')
    .values({ key_hash: keyHash, failures: 1, last_ms: now })
    .onConflict((oc) =>
      oc.column('key_hash').doUpdateSet((eb) => ({
        failures: eb
          .case()
          .when('auth_backoff.last_ms', '<=', now - forgetMs)
          .then(1)
          .else(eb('auth_backoff.failures', '+', 1))
          .end(),
        last_ms: now,
      })),
    )
    .execute();
}

export async function clearBackoff(db: Db, keyHash: string): Promise<void> {
  await db.deleteFrom('auth_backoff').where('key_hash', '=', keyHash).execute();
}

/** Counts one request of `keyHash` in the window starting at `windowStart`; the count so far. */
export async function countRequest(db: Db, keyHash: string, windowStart: number): Promise<number> {
  const r = await db
    .insertInto('rate_counts')
    .values({ key_hash: keyHash, window_start: windowStart, n: 1 })
    .onConflict((oc) =>
      oc
        .columns(['key_hash', 'window_start'])
        .doUpdateSet((eb) => ({ n: eb('rate_counts.n', '+', 1) })),
    )
    .returning('n')
    .executeTakeFirstOrThrow();
  return Number(r.n);
}
