import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { cyclicSchedule, cyclicShapes } from './cyclic.ts';
import { affineSchedule } from './designs.ts';
import { finiteField } from './field.ts';
import { assessSchedule, issueRotation, planGroups, planNetworking, replan } from './index.ts';

describe('finite fields', () => {
  it.each([4, 8, 9, 16, 25, 27])('GF(%i) is a field', (q) => {
    const f = finiteField(q);
    for (let a = 1; a < q; a++) {
      expect(Array.from({ length: q }, (_, b) => f.mul(a, b)).sort((x, y) => x - y)).toEqual([
        ...Array(q).keys(),
      ]);
      for (let b = 0; b < q; b++) expect(f.mul(a, f.add(b, 1))).toBe(f.add(f.mul(a, b), a));
    }
  });
});

describe('constructions', () => {
  it.each([
    [3, 3, 4],
    [4, 4, 5],
    [8, 8, 9],
    [19, 8, 19],
  ])('affine/transversal %i groups of %i over %i rounds has no repeats', (g, s, w) => {
    const schedule = affineSchedule(g, s, w);
    expect(schedule).not.toBeNull();
    const q = assessSchedule(
      { people: g * s, tableSizes: Array(g).fill(s), rounds: w },
      schedule ?? [],
    );
    expect(q).toMatchObject({ repeatedPairs: 0, totalViolations: 0 });
  });

  it('finds a cyclic Kirkman schedule and 40 people in fours over 13 rounds', () => {
    for (const [g, s, w] of [
      [5, 3, 7],
      [10, 4, 13],
    ] as const) {
      const found = cyclicShapes(g, s, w)
        .map(
          (shape) =>
            cyclicSchedule(g, s, shape, 1, {
              deadline: Date.now() + 5000,
              now: Date.now,
              maxIterations: 1e9,
            }).schedule,
        )
        .find((x) => x !== null);
      expect(found).toBeDefined();
      const q = assessSchedule(
        { people: g * s, tableSizes: Array(g).fill(s), rounds: w },
        found ?? [],
      );
      expect(q).toMatchObject({ repeatedPairs: 0, totalViolations: 0 });
    }
  });
});

describe('world café rotation', () => {
  it('gives each table unseen issues first and spreads issues evenly', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 12 }),
        fc.integer({ min: 1, max: 15 }),
        (T, I, R) => {
          const rot = issueRotation(T, I, R);
          for (let t = 0; t < T; t++) {
            const seq = rot.map((round) => round[t] as number);
            for (let r = 0; r < R; r++)
              expect(new Set(seq.slice(0, r + 1)).size).toBe(Math.min(r + 1, I));
          }
          for (const round of rot) {
            const counts = Array(I).fill(0) as number[];
            for (const i of round) counts[i] = (counts[i] as number) + 1;
            expect(Math.max(...counts) - Math.min(...counts)).toBeLessThanOrEqual(1);
          }
        },
      ),
    );
  });
});

describe('expertise groups', () => {
  it('is optimal (matches brute force) and balanced', () => {
    fc.assert(
      fc.property(
        fc.array(fc.uniqueArray(fc.integer({ min: 0, max: 2 }), { minLength: 0, maxLength: 3 }), {
          minLength: 1,
          maxLength: 7,
        }),
        (choices) => {
          const plan = planGroups({ choices, groups: 3 });
          const sizes = plan.members.map((m) => m.length);
          expect(Math.max(...sizes) - Math.min(...sizes)).toBeLessThanOrEqual(1);
          const cost = (a: number[]): number =>
            a.reduce((sum, g, p) => {
              const r = choices[p]?.indexOf(g) ?? -1;
              return sum + (r < 0 ? 20 : ([0, 2, 5][r] as number));
            }, 0);
          let best = Infinity;
          const n = choices.length;
          for (let code = 0; code < 3 ** n; code++) {
            const a = Array.from({ length: n }, (_, p) => Math.floor(code / 3 ** p) % 3);
            const s = [0, 1, 2].map((g) => a.filter((x) => x === g).length);
            if (Math.max(...s) - Math.min(...s) <= 1) best = Math.min(best, cost(a));
          }
          expect(cost(plan.assignment)).toBe(best);
          const { first, second, third, unranked } = plan.satisfaction;
          expect(first + second + third + unranked).toBe(n);
        },
      ),
      { numRuns: 80 },
    );
  });
});

describe('speed networking', () => {
  it('pairs 11 people (one trio) over 5 rounds with no repeat and no colleagues together', () => {
    const people = Array.from({ length: 11 }, (_, i) => ({
      id: `p${i}`,
      organisation: `o${i % 4}`,
      sector: `s${i % 3}`,
    }));
    const plan = planNetworking(people, 5, { seed: 2, timeLimitMs: 10_000 });
    expect(plan.problem.tableSizes).toEqual([2, 2, 2, 2, 3]);
    expect(plan.quality).toMatchObject({ repeatedPairs: 0, totalViolations: 0 });
  });
});

describe('re-planning', () => {
  it('never alters past rounds and counts past meetings', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 0, max: 100 }),
        fc.integer({ min: 1, max: 3 }),
        fc.integer({ min: 0, max: 4 }),
        (seed, held, leave) => {
          const people = 24;
          const first = replan(
            {
              people,
              held: [],
              present: [...Array(20).keys()],
              remainingRounds: held,
              groupSize: 4,
            },
            { seed, maxIterations: 500 },
          );
          const present = [...Array(20).keys()].slice(leave).concat([20, 21, 22, 23]);
          const frozen = JSON.stringify(first.schedule);
          const next = replan(
            { people, held: first.schedule, present, remainingRounds: 2, groupSize: 4 },
            { seed, maxIterations: 500 },
          );
          expect(JSON.stringify(next.schedule.slice(0, held))).toBe(frozen);
          expect(JSON.stringify(first.schedule)).toBe(frozen);
          for (const round of next.newRounds)
            expect(round.flat().sort((a, b) => a - b)).toEqual([...present].sort((a, b) => a - b));
          const q = assessSchedule(
            { people, tableSizes: [], rounds: 0, history: next.schedule },
            [],
          );
          expect(q.repeatedPairs).toBe(next.result.repeats);
        },
      ),
      { numRuns: 20 },
    );
  });
});
