import { createHash } from 'node:crypto';
import type { Db } from '../db/index.ts';
import { addBackoffFailure, backoffOf, clearBackoff } from '../db/repos/limits.ts';

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
    const s = await backoffOf(this.db, hashKey(key));
    if (!s) return 0;
    const { lastMs: last, failures } = s;
    if (now - last >= this.forgetMs || failures < this.free) return 0;
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** (failures - this.free));
    return Math.max(0, last + delay - now);
  }

  /** One more failure, counted atomically (two instances failing at once both count). */
  async recordFailure(key: string, now: number): Promise<void> {
    await addBackoffFailure(this.db, hashKey(key), now, this.forgetMs);
  }

  async clear(key: string): Promise<void> {
    await clearBackoff(this.db, hashKey(key));
  }
}

/** Rows and counters are keyed by a hash: emails and addresses are never stored. */
export function hashKey(key: string): string {
  return createHash('sha256').update(key).digest('base64url');
}
