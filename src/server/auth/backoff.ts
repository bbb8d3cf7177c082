/**
 * Slows password guessing at one account without letting strangers lock its owner out (issue 10,
 * hole 9). The first `free` failures cost nothing; after that each further attempt must wait
 * twice as long as the one before (1 s, 2 s, 4 s … up to `maxMs`), counted from the last failure.
 * Kept in memory per instance; a failure-free day forgets an account. Keys are whatever the caller
 * counts — an email (known or not, so answers never tell which accounts exist), or an account and
 * one of its known devices.
 */
export class BackOff {
  private readonly state = new Map<string, { failures: number; last: number }>();

  constructor(
    private readonly free = 5,
    private readonly baseMs = 1000,
    private readonly maxMs = 15 * 60_000,
    private readonly forgetMs = 24 * 3_600_000,
  ) {}

  /** Milliseconds before `key` may try again (0: now). */
  waitMs(key: string, now: number): number {
    const s = this.live(key, now);
    if (!s || s.failures < this.free) return 0;
    const delay = Math.min(this.maxMs, this.baseMs * 2 ** (s.failures - this.free));
    return Math.max(0, s.last + delay - now);
  }

  recordFailure(key: string, now: number): void {
    const s = this.live(key, now);
    this.state.set(key, { failures: (s?.failures ?? 0) + 1, last: now });
    if (this.state.size > 100_000) this.prune(now);
  }

  clear(key: string): void {
    this.state.delete(key);
  }

  private live(key: string, now: number) {
    const s = this.state.get(key);
    if (s && now - s.last >= this.forgetMs) {
      this.state.delete(key);
      return undefined;
    }
    return s;
  }

  private prune(now: number): void {
    for (const [k, s] of this.state) if (now - s.last >= this.forgetMs) this.state.delete(k);
  }
}
