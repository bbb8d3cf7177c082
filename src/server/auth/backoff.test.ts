import { describe, expect, it } from 'vitest';
import { BackOff } from './backoff.ts';

describe('BackOff', () => {
  it('lets the first failures through, then doubles the wait up to the cap', () => {
    const b = new BackOff(3, 1000, 8000, 60_000);
    for (let i = 0; i < 3; i++) {
      expect(b.waitMs('a', 0)).toBe(0);
      b.recordFailure('a', 0);
    }
    expect(b.waitMs('a', 0)).toBe(1000);
    expect(b.waitMs('a', 1000)).toBe(0);
    b.recordFailure('a', 1000);
    expect(b.waitMs('a', 1000)).toBe(2000);
    for (let i = 0; i < 10; i++) b.recordFailure('a', 2000);
    expect(b.waitMs('a', 2000)).toBe(8000); // capped
    expect(b.waitMs('b', 2000)).toBe(0);
  });

  it('forgets after a quiet period and on clear', () => {
    const b = new BackOff(1, 1000, 8000, 60_000);
    b.recordFailure('a', 0);
    b.recordFailure('a', 0);
    expect(b.waitMs('a', 0)).toBeGreaterThan(0);
    expect(b.waitMs('a', 60_000)).toBe(0);
    b.recordFailure('b', 0);
    b.recordFailure('b', 0);
    b.clear('b');
    expect(b.waitMs('b', 0)).toBe(0);
  });
});
