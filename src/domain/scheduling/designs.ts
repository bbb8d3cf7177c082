/**
 * Exact constructions from finite geometry. In the affine plane AG(2,q) the lines with one slope
 * partition the q^2 points, and two points share exactly one line, so the q+1 slope classes are
 * q+1 rounds of q groups of q in which no pair meets twice (a resolvable 2-(q^2,q,1) design).
 * Keeping only s of the q columns (s < q) gives q groups of s over q rounds: a resolvable
 * transversal design, e.g. 19 tables of 8 for 19 rounds from GF(19).
 */
import { finiteField, primePower } from './field.ts';
import type { Schedule } from './types.ts';

/** Rounds for g groups of s from AG(2,g), or null when g is not a prime power or s > g. */
export function affineSchedule(groups: number, size: number, rounds: number): Schedule | null {
  if (!primePower(groups) || size > groups || size < 1) return null;
  const maxRounds = groups + (size === groups ? 1 : 0);
  if (rounds > maxRounds) return null;
  const f = finiteField(groups);
  // Person i*q + y is the point (x_i, y) on column i; x_i is field element i.
  const schedule: Schedule = [];
  for (let slope = 0; slope < groups && schedule.length < rounds; slope++) {
    const round: number[][] = Array.from({ length: groups }, () => []);
    for (let i = 0; i < size; i++) {
      const rise = f.mul(slope, i);
      for (let y = 0; y < groups; y++) {
        // The line through (x_i, y) with this slope has intercept c = y - slope*x_i; index lines
        // by c so that each column contributes one point to each line.
        const intercept = subtract(f.add, groups, y, rise);
        round[intercept]?.push(i * groups + y);
      }
    }
    schedule.push(round);
  }
  if (schedule.length < rounds) {
    // The vertical class: column i is one group.
    schedule.push(
      Array.from({ length: groups }, (_, i) =>
        Array.from({ length: size }, (_, y) => i * groups + y),
      ),
    );
  }
  return schedule;
}

function subtract(add: (a: number, b: number) => number, q: number, a: number, b: number): number {
  for (let c = 0; c < q; c++) if (add(c, b) === a) return c;
  throw new Error('field subtraction failed');
}
