import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';

/**
 * Slows password guessing at one account without letting strangers lock its owner out (issue 10,
 * hole 9). The first `free` failures cost nothing; after that each further attempt must wait
 * twice as long as the one before (1 s, 2 s, 4 s … up to `maxMs`), counted from the last failure.
 * A failure-free day forgets a key. Keys are whatever the caller counts — an email (known or not,
 * so answers never tell which accounts exist), or an account and one of its known devices.
 *
 * Kept in the database (`auth_backoff`, migration 0012), so every instance on one database counts
 * the same failures (issue 11, point 7): a guesser cannot multiply their attempts by the number of
 * instances behind the balancer. Only the key's SHA-256 is stored, never the email.
 */
export class BackOff {
  constructor(
    private readonly db: Db,
    private readonly free = 5,
    private readonly baseMs = 1000,
    private readonly maxMs = 15 * 60_000,
    readonly forgetMs = 24 * 3_600_000,
  ) {}

  /** Milliseconds before `key` may try again (0: now). */
  async waitMs(key: string, now: number): Promise<number> {
    const s = await this.db
      .selectFrom('auth_backoff')
      .select(['failures', 'last_ms'])
      .where('key_hash', '=', hashKey(key))
      .executeTakeFirst();
    if (!s) return 0;
    const last = Number(s.last_ms);
    const failures = Number(s.failures);
    if (now - last >= this.forgetMs || failures < this.free) return 0;
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** (failures - this.free));
    return Math.max(0, last + delay - now);
  }

  /** One more failure, counted atomically (two instances failing at once both count). */
  async recordFailure(key: string, now: number): Promise<void> {
    await this.db
      .insertInto('auth_backoff')
      .values({ key_hash: hashKey(key), failures: 1, last_ms: now })
      .onConflict((oc) =>
        oc.column('key_hash').doUpdateSet((eb) => ({
          failures: eb
            .case()
            .when('auth_backoff.last_ms', '<=', now - this.forgetMs)
            .then(1)
            .else(eb('auth_backoff.failures', '+', 1))
            .end(),
          last_ms: now,
        })),
      )
      .execute();
  }

  async clear(key: string): Promise<void> {
    await this.db.deleteFrom('auth_backoff').where('key_hash', '=', hashKey(key)).execute();
  }
}

/** Rows and counters are keyed by a hash: emails and addresses are never stored. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
