import type { Db } from '../../db/index.ts';
import { atlasVersion } from '../../db/repos/route-summaries.ts';

interface Entry {
  version: number;
  value: unknown;
  size: number;
}

/**
 * Aggregate answers (flow matrices, place counts) kept until the coalition's routes next change.
 * The key is the coalition's atlas version, read from the database on every request (one primary
 * key look-up) and bumped in the same transaction as every route write — so an answer is never
 * served after a write has committed, whichever process made it (another server instance, the
 * CLI). The version is read before the answer is computed, so an entry can only be newer than its
 * version, never older. Least recently used entries go first once `maxSize` (rows across all
 * entries) is exceeded; an answer larger than a quarter of that is not kept at all.
 */
export class AtlasAnswerCache {
  private readonly entries = new Map<string, Entry>();
  private size = 0;
  hits = 0;
  misses = 0;

  constructor(private readonly maxSize = 500_000) {}

  async get<T>(
    db: Db,
    coalitionId: string,
    key: string,
    sizeOf: (value: T) => number,
    compute: () => Promise<T>,
  ): Promise<T> {
    if (this.maxSize <= 0) return compute();
    const version = await atlasVersion(db, coalitionId);
    const fullKey = `${coalitionId}\u0000${key}`;
    const hit = this.entries.get(fullKey);
    if (hit && hit.version === version) {
      this.entries.delete(fullKey); // re-insert: the Map's order is the recency order
      this.entries.set(fullKey, hit);
      this.hits++;
      // Entries of many answer types share one map; the key names the answer, and the caller that
      // asks for this key always computes (and so stored) a T.
      return hit.value as T;
    }
    this.misses++;
    const value = await compute();
    const size = Math.max(1, sizeOf(value));
    // The stale entry, or one a concurrent request stored meanwhile, is replaced.
    const current = this.entries.get(fullKey);
    if (current) this.drop(fullKey, current);
    if (size <= this.maxSize / 4) {
      this.entries.set(fullKey, { version, value, size });
      this.size += size;
      for (const [k, e] of this.entries) {
        if (this.size <= this.maxSize) break;
        this.drop(k, e);
      }
    }
    return value;
  }

  private drop(key: string, e: Entry): void {
    this.entries.delete(key);
    this.size -= e.size;
  }
}
