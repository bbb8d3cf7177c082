import { describe, expect, it } from 'vitest';
import { FailureThrottle } from './throttle.ts';

describe('FailureThrottle', () => {
  it('blocks after the maximum failures within the window and forgets after it', () => {
    const t = new FailureThrottle(3, 1000);
    for (let i = 0; i < 2; i++) t.recordFailure('a', i);
    expect(t.isBlocked('a', 10)).toBe(false);
    t.recordFailure('a', 20);
    expect(t.isBlocked('a', 21)).toBe(true);
    expect(t.isBlocked('b', 21)).toBe(false);
    expect(t.isBlocked('a', 1021)).toBe(false);
  });

  it('clears a key after a success', () => {
    const t = new FailureThrottle(1, 1000);
    t.recordFailure('a', 0);
    t.clear('a');
    expect(t.isBlocked('a', 1)).toBe(false);
  });
});
