import { describe, expect, it } from 'vitest';
import { assessSchedule, balancedSizes, solveMix, type MixProblem } from './index.ts';
import { orbitSchedule, orbitShapes } from './orbits.ts';

const golfers: MixProblem = { people: 32, tableSizes: balancedSizes(32, 4), rounds: 10 };

describe('orbit constructions', () => {
  it('tries the balanced group Z_4 × Z_4 first for 32 in fours over 10 rounds', () => {
    expect(orbitShapes(8, 4, 10)[0]).toEqual({ a: 4, b: 4, rows: 2, stabilisers: [2, 16, 16] });
  });

  it.each([1, 2, 3, 4, 5])('solves 8-4-10 (32 golfers, 10 weeks) with seed %i', (seed) => {
    const result = solveMix(golfers, { seed, timeLimitMs: 60_000 });
    const q = assessSchedule(golfers, result.schedule);
    expect(result.method).toBe('orbit');
    expect(result.stoppedBy).toBe('solved');
    expect(result.repeats).toBe(0);
    expect(q.totalViolations).toBe(0);
    expect(q.repeatedPairs).toBe(0);
    expect(q.distinctPairsMet).toBe(480);
  });

  it('is deterministic for a seed', () => {
    const a = solveMix(golfers, { seed: 7, timeLimitMs: 60_000 });
    const b = solveMix(golfers, { seed: 7, timeLimitMs: 60_000 });
    expect(a.schedule).toEqual(b.schedule);
  });

  it('leaves exactly a perfect matching of pairs unmet', () => {
    const shape = { a: 4, b: 4, rows: 2, stabilisers: [2, 16, 16] };
    const budget = { deadline: Infinity, now: () => 0, maxIterations: 1_000_000 };
    const { schedule } = orbitSchedule(8, 4, shape, 1, budget);
    expect(schedule).not.toBeNull();
    const met = Array.from({ length: 32 }, () => new Set<number>());
    for (const round of schedule ?? []) {
      expect(round.flat().sort((x, y) => x - y)).toEqual(Array.from({ length: 32 }, (_, i) => i));
      for (const group of round)
        for (const p of group)
          for (const q of group)
            if (p !== q) {
              expect(met[p]?.has(q)).toBe(false);
              met[p]?.add(q);
            }
    }
    // Each golfer meets 3 others per round, 30 in all: one partner is never met.
    expect(met.every((s) => s.size === 30)).toBe(true);
  });
});
