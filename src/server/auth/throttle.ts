/**
 * Counts events per key in a sliding window (the live room's per-client write budget). Kept in
 * memory: a restart forgets. Sign-ins use auth/backoff.ts instead.
 */
export class FailureThrottle {
  private readonly failures = new Map<string, number[]>();

  constructor(
    private readonly maxFailures: number,
    private readonly windowMs: number,
  ) {}

  isBlocked(key: string, now: number): boolean {
    return this.recent(key, now).length >= this.maxFailures;
  }

  recordFailure(key: string, now: number): void {
    const list = this.recent(key, now);
    list.push(now);
    this.failures.set(key, list);
    if (this.failures.size > 100_000) this.prune(now);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string, now: number): number[] {
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }

  private prune(now: number): void {
    for (const [k, v] of this.failures)
      if (v.every((t) => now - t >= this.windowMs)) this.failures.delete(k);
  }
}

/** Admits at most `max` events per key in a sliding window (per-client write limits). */
export class SlidingWindow {
  private readonly inner: FailureThrottle;
  constructor(max: number, windowMs: number) {
    this.inner = new FailureThrottle(max, windowMs);
  }

  take(key: string, now: number): boolean {
    if (this.inner.isBlocked(key, now)) return false;
    this.inner.recordFailure(key, now);
    return true;
  }
}
