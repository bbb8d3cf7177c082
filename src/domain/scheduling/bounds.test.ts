import { describe, expect, it } from 'vitest';
import { leastPairs, repeatLowerBound } from './bounds.ts';
import { assessSchedule, solveMix } from './index.ts';
import type { Schedule } from './types.ts';

/** Every way to split `people` into unlabelled groups with the given sizes (each exactly once). */
function partitions(people: readonly number[], sizes: readonly number[]): number[][][] {
  if (people.length === 0) return [[]];
  const [first, ...rest] = people as [number, ...number[]];
  const out: number[][][] = [];
  for (const size of new Set(sizes)) {
    const others = [...sizes];
    others.splice(others.indexOf(size), 1);
    for (const mates of choose(rest, size - 1)) {
      const block = [first, ...mates];
      const left = rest.filter((p) => !mates.includes(p));
      for (const tail of partitions(left, others)) out.push([block, ...tail]);
    }
  }
  return out;
}

function choose(items: readonly number[], k: number): number[][] {
  if (k === 0) return [[]];
  if (items.length < k) return [];
  const [head, ...tail] = items as [number, ...number[]];
  return [...choose(tail, k - 1).map((c) => [head, ...c]), ...choose(tail, k)];
}

/**
 * The fewest repeats over every schedule of the shape, by exhaustive search with pruning. Without
 * history, round 1 is fixed: relabelling people maps any first round onto any other.
 */
function bruteForceMinimum(
  n: number,
  sizes: readonly number[],
  rounds: number,
  history: Schedule = [],
  present: readonly number[] = Array.from({ length: n }, (_, i) => i),
): number {
  const all = partitions(present, sizes);
  const meet = new Int32Array(n * n);
  let repeats = 0;
  const seat = (round: number[][], d: number): number => {
    let added = 0;
    for (const g of round)
      for (let i = 0; i < g.length; i++)
        for (let j = i + 1; j < g.length; j++) {
          const k = (g[i] as number) * n + (g[j] as number);
          if (d > 0 && (meet[k] as number) > 0) added++;
          if (d < 0 && (meet[k] as number) > 1) added++;
          meet[k] = (meet[k] as number) + d;
        }
    return added;
  };
  for (const round of history) repeats += seat(round, 1);
  let best = Infinity;
  const search = (r: number): void => {
    if (repeats >= best) return;
    if (r === rounds) {
      best = repeats;
      return;
    }
    const choices = r === 0 && history.length === 0 ? all.slice(0, 1) : all;
    for (const round of choices) {
      const added = seat(round, 1);
      repeats += added;
      search(r + 1);
      repeats -= added;
      seat(round, -1);
    }
  };
  search(0);
  return best;
}

describe('leastPairs', () => {
  it('spreads people as evenly as the parts allow', () => {
    expect(leastPairs(15, Array<number>(10).fill(15))).toBe(5);
    expect(leastPairs(4, [4, 4])).toBe(2);
    // Parts of one force the rest together.
    expect(leastPairs(4, [1, 1, 4])).toBe(1);
    expect(leastPairs(3, [1, 1])).toBe(Infinity);
  });
});

describe('repeatLowerBound', () => {
  const shapes: [number[], number][] = [
    [[3, 2], 4],
    [[2, 2, 2], 6],
    [[3, 3], 2],
    [[3, 3], 3],
    [[3, 3], 4],
    [[4, 3], 3],
    [[4, 4], 2],
    [[4, 4], 3],
    [[3, 2, 2], 3],
    [[3, 3, 2], 3],
    [[5, 2], 3],
  ];

  it.each(shapes)('never exceeds the true minimum: tables %j over %i rounds', (sizes, rounds) => {
    const n = sizes.reduce((a, b) => a + b, 0);
    const bound = repeatLowerBound({ people: n, tableSizes: sizes, rounds });
    const optimum = bruteForceMinimum(n, sizes, rounds);
    expect(bound).toBeGreaterThanOrEqual(0);
    expect(bound).toBeLessThanOrEqual(optimum);
  });

  it('is exact on some shapes where repeats cannot be avoided', () => {
    const exact = shapes.filter(([sizes, rounds]) => {
      const n = sizes.reduce((a, b) => a + b, 0);
      const optimum = bruteForceMinimum(n, sizes, rounds);
      return optimum > 0 && repeatLowerBound({ people: n, tableSizes: sizes, rounds }) === optimum;
    });
    expect(exact.length).toBeGreaterThanOrEqual(3);
  });

  it('counts held rounds, absentees and walk-ins (a re-plan)', () => {
    // Round 1 was held with 0..5; 5 left, 6 walked in.
    const history: Schedule = [
      [
        [0, 1, 2],
        [3, 4, 5],
      ],
    ];
    const present = [0, 1, 2, 3, 4, 6];
    for (const rounds of [1, 2, 3]) {
      const bound = repeatLowerBound({
        people: 7,
        tableSizes: [3, 3],
        rounds,
        history,
        present,
      });
      expect(bound).toBeLessThanOrEqual(bruteForceMinimum(7, [3, 3], rounds, history, present));
    }
    // A held round that already repeated a pair counts those repeats.
    const twice: Schedule = [
      [
        [0, 1],
        [2, 3],
      ],
      [
        [0, 1],
        [2, 3],
      ],
    ];
    expect(repeatLowerBound({ people: 4, tableSizes: [2, 2], rounds: 0, history: twice })).toBe(2);
  });

  it('gives the pigeonhole figure for 150 people at 10 tables of 15 over 3 rounds', () => {
    // Round 2: each table of 15 spreads over 10 earlier tables, so 5 of its pairs met before
    // (50 a round); round 3 likewise against round 1 or 2: at least 2 × 50.
    const sizes = Array<number>(10).fill(15);
    expect(repeatLowerBound({ people: 150, tableSizes: sizes, rounds: 3 })).toBe(100);
    // Counting wins when the room is small for its rounds: 6 people in pairs over 6 rounds
    // seat 18 pairs of 15.
    expect(repeatLowerBound({ people: 6, tableSizes: [2, 2, 2], rounds: 6 })).toBe(3);
  });

  it('is at most what the engine reaches on a room where repeats are unavoidable', () => {
    const problem = { people: 40, tableSizes: Array<number>(4).fill(10), rounds: 3 };
    const result = solveMix(problem, { seed: 3, maxIterations: 20_000, timeLimitMs: 5_000 });
    const reached = assessSchedule(problem, result.schedule).repeatedPairs;
    expect(repeatLowerBound(problem)).toBeGreaterThan(0);
    expect(repeatLowerBound(problem)).toBeLessThanOrEqual(reached);
  });
});
