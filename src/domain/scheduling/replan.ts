/**
 * Mid-event re-planning. Rounds already held are facts: they are returned untouched and only
 * feed the meeting counts, so a pair that met this morning counts as a repeat this afternoon.
 * People who left are dropped, late arrivals join, tables are resized for who is present.
 */
import { solveMix } from './mix.ts';
import { balancedSizes } from './sizes.ts';
import type { MixProblem, MixResult, Schedule, SolveOptions } from './types.ts';

export interface ReplanInput {
  /** Everyone ever registered: ids 0..people-1 as used in `held`. */
  people: number;
  held: Schedule;
  /** Who is in the room now. */
  present: readonly number[];
  remainingRounds: number;
  /** Table sizes for the remaining rounds (must add up to present.length), or a maximum size. */
  tableSizes?: readonly number[];
  groupSize?: number;
  keepApart?: readonly (readonly [number, number])[];
  fixed?: readonly { person: number; table: number }[];
  sector?: readonly (string | null | undefined)[];
  country?: readonly (string | null | undefined)[];
  /** Soft rules, in the same ids (see MixProblem). */
  avoid?: MixProblem['avoid'];
  prefer?: MixProblem['prefer'];
  sectorWeight?: number;
}

export interface ReplanResult {
  /** Held rounds (same content) followed by the new ones, in the caller's ids. */
  schedule: Schedule;
  newRounds: Schedule;
  result: MixResult;
}

export function replan(input: ReplanInput, options: SolveOptions = {}): ReplanResult {
  const present = [...new Set(input.present)];
  for (const p of present)
    if (!Number.isInteger(p) || p < 0 || p >= input.people)
      throw new RangeError(`unknown person ${p}`);
  const local = new Map(present.map((p, i) => [p, i]));
  const toLocal = (p: number): number | undefined => local.get(p);
  const sizes =
    input.tableSizes ??
    balancedSizes(
      present.length,
      input.groupSize ?? Math.max(...(input.held[0] ?? [[]]).map((g) => g.length), 2),
    );
  const history: Schedule = input.held.map((round) =>
    round.map((g) => g.map(toLocal).filter((p): p is number => p !== undefined)),
  );
  const pick = <T>(attr: readonly T[] | undefined): T[] | undefined =>
    attr && present.map((p) => attr[p] as T);
  const problem: MixProblem = {
    people: present.length,
    tableSizes: sizes,
    rounds: input.remainingRounds,
    history,
    keepApart: (input.keepApart ?? []).flatMap(([a, b]) => {
      const x = toLocal(a);
      const y = toLocal(b);
      return x === undefined || y === undefined ? [] : [[x, y] as [number, number]];
    }),
    fixed: (input.fixed ?? []).flatMap((f) => {
      const p = toLocal(f.person);
      return p === undefined ? [] : [{ person: p, table: f.table }];
    }),
    sector: pick(input.sector),
    country: pick(input.country),
    avoid: (input.avoid ?? []).flatMap(({ a, b, cost }) => {
      const x = toLocal(a);
      const y = toLocal(b);
      return x === undefined || y === undefined ? [] : [{ a: x, b: y, cost }];
    }),
    prefer: (input.prefer ?? []).flatMap((f) => {
      const p = toLocal(f.person);
      return p === undefined ? [] : [{ ...f, person: p }];
    }),
    sectorWeight: input.sectorWeight,
  };
  const result = solveMix(problem, options);
  const newRounds = result.schedule.map((round) =>
    round.map((g) => g.map((p) => present[p] as number)),
  );
  return {
    schedule: [...input.held.map((round) => round.map((g) => g.slice())), ...newRounds],
    newRounds,
    result,
  };
}
