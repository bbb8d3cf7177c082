/**
 * World café: tables keep their host, issues rotate between tables, people move and mix.
 * Issue of table t in round r is (t + r) mod I: a table sees every issue once before any twice,
 * tables in one round hold distinct issues when T <= I, and when T > I each issue is held by
 * floor(T/I) or ceil(T/I) tables, so issues stay evenly spread.
 */
import { type Participant } from './participants.ts';
import { assessSchedule, type QualityReport } from './quality.ts';
import { assertFeasible, ruleProblem, solveWithRules, type SessionRules } from './rules.ts';
import { splitEvenly } from './sizes.ts';
import type { MixProblem, MixResult, SolveOptions } from './types.ts';

export function issueRotation(tables: number, issues: number, rounds: number): number[][] {
  if (!Number.isInteger(issues) || issues < 1)
    throw new RangeError('there must be at least one issue');
  if (!Number.isInteger(tables) || tables < 1)
    throw new RangeError('there must be at least one table');
  return Array.from({ length: rounds }, (_, r) =>
    Array.from({ length: tables }, (_, t) => (t + r) % issues),
  );
}

export interface CafeInput {
  participants: readonly Participant[];
  tables: number;
  issues: number;
  rounds: number;
  /** Participant index -> table they host (they stay there every round, or prefer to). */
  hosts?: readonly { person: number; table: number }[];
  rules?: SessionRules;
}

export interface CafePlan {
  /** issues[r][t]: issue index discussed at table t in round r. */
  issues: number[][];
  problem: MixProblem;
  result: MixResult;
  quality: QualityReport;
}

export function planCafe(input: CafeInput, options: SolveOptions = {}): CafePlan {
  const { participants, tables, rounds } = input;
  if (participants.length < tables)
    throw new RangeError(`${tables} tables need at least ${tables} people`);
  const tableSizes = splitEvenly(participants.length, tables);
  const ruled = { participants, hosts: input.hosts ?? [], rules: input.rules };
  assertFeasible({ ...ruled, sizes: tableSizes });
  const problem: MixProblem = {
    people: participants.length,
    tableSizes,
    rounds,
    ...ruleProblem(ruled),
  };
  const result = solveWithRules(problem, options, input.rules);
  return {
    issues: issueRotation(tables, input.issues, rounds),
    problem,
    result,
    quality: assessSchedule(problem, result.schedule),
  };
}
