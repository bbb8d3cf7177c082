/**
 * Quality report for any schedule, including ones imported from elsewhere: the same numbers the
 * benchmark prints and the UI shows, so "0 repeats" means one thing everywhere.
 */
import type { MixProblem, Schedule } from './types.ts';

export interface Violations {
  /** A person missing from a round or seated twice in it. */
  placement: number;
  /** A table with a different number of people than its size. */
  capacity: number;
  keepApart: number;
  /** A fixed person found away from their table. */
  fixed: number;
}

export interface QualityReport {
  rounds: number;
  /** Extra meetings beyond the first, summed over pairs (history counts as meetings). */
  repeatedPairs: number;
  /** Pairs that met more than once. */
  pairsMetTwiceOrMore: number;
  maxMeetings: number;
  /** Distinct pairs that met at least once in the new rounds. */
  distinctPairsMet: number;
  /** Share of table-mate meetings between people of different sectors (null: sector unknown). */
  crossSectorShare: number | null;
  crossCountryShare: number | null;
  violations: Violations;
  totalViolations: number;
  /** Soft rules not met (never violations): pairs of `avoid` seated together, rounds of `prefer` away. */
  softBreaks: { together: number; away: number };
}

export function assessSchedule(problem: MixProblem, schedule: Schedule): QualityReport {
  const n = problem.people;
  const meet = new Map<number, number>();
  const add = (a: number, b: number): number => {
    const key = a < b ? a * n + b : b * n + a;
    const m = (meet.get(key) ?? 0) + 1;
    meet.set(key, m);
    return m;
  };
  for (const round of problem.history ?? []) for (const g of round) eachPair(g, add);

  const violations: Violations = { placement: 0, capacity: 0, keepApart: 0, fixed: 0 };
  const apart = new Set<number>();
  for (const [a, b] of problem.keepApart ?? []) apart.add(a < b ? a * n + b : b * n + a);
  const avoid = new Set<number>();
  for (const { a, b } of problem.avoid ?? []) avoid.add(a < b ? a * n + b : b * n + a);
  const softBreaks = { together: 0, away: 0 };
  const mixing = { sector: [0, 0], country: [0, 0] };
  const distinct = new Set<number>();
  for (const round of schedule) {
    const seen = new Uint8Array(n);
    round.forEach((group, t) => {
      if (group.length !== problem.tableSizes[t]) violations.capacity++;
      for (const p of group) {
        if (!Number.isInteger(p) || p < 0 || p >= n || seen[p]) violations.placement++;
        else seen[p] = 1;
      }
      eachPair(group, (a, b) => {
        add(a, b);
        distinct.add(a < b ? a * n + b : b * n + a);
        if (apart.has(a < b ? a * n + b : b * n + a)) violations.keepApart++;
        if (avoid.has(a < b ? a * n + b : b * n + a)) softBreaks.together++;
        tally(mixing.sector, problem.sector, a, b);
        tally(mixing.country, problem.country, a, b);
      });
    });
    if (round.length !== problem.tableSizes.length) violations.capacity++;
    for (let p = 0; p < n; p++) if (!seen[p]) violations.placement++;
    for (const { person, table } of problem.fixed ?? [])
      if (!round[table]?.includes(person)) violations.fixed++;
    for (const { person, table } of problem.prefer ?? [])
      if (!round[table]?.includes(person)) softBreaks.away++;
  }
  let repeatedPairs = 0;
  let pairsMetTwiceOrMore = 0;
  let maxMeetings = 0;
  for (const m of meet.values()) {
    repeatedPairs += m - 1;
    if (m > 1) pairsMetTwiceOrMore++;
    maxMeetings = Math.max(maxMeetings, m);
  }
  const share = ([cross, known]: number[]): number | null =>
    known ? (cross as number) / (known as number) : null;
  return {
    rounds: schedule.length,
    repeatedPairs,
    pairsMetTwiceOrMore,
    maxMeetings,
    distinctPairsMet: distinct.size,
    crossSectorShare: share(mixing.sector),
    crossCountryShare: share(mixing.country),
    violations,
    totalViolations:
      violations.placement + violations.capacity + violations.keepApart + violations.fixed,
    softBreaks,
  };
}

function eachPair(group: readonly number[], f: (a: number, b: number) => unknown): void {
  for (let i = 0; i < group.length; i++)
    for (let j = i + 1; j < group.length; j++) f(group[i] as number, group[j] as number);
}

function tally(
  acc: number[],
  attr: readonly (string | null | undefined)[] | undefined,
  a: number,
  b: number,
): void {
  const x = attr?.[a];
  const y = attr?.[b];
  if (!x || !y) return;
  acc[1] = (acc[1] as number) + 1;
  if (x !== y) acc[0] = (acc[0] as number) + 1;
}
