/**
 * World café: tables keep their host, issues rotate between tables, people move and mix.
 * Issue of table t in round r is (t + r) mod I: a table sees every issue once before any twice,
 * tables in one round hold distinct issues when T <= I, and when T > I each issue is held by
 * floor(T/I) or ceil(T/I) tables, so issues stay evenly spread.
 */
import { solveMix } from './mix.ts';
import {
  largestOrganisation,
  mixingAttributes,
  organisationPairs,
  type Participant,
} from './participants.ts';
import { assessSchedule, type QualityReport } from './quality.ts';
import { splitEvenly } from './sizes.ts';
import { InfeasibleError, type MixProblem, type MixResult, type SolveOptions } from './types.ts';

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
  /** Participant index -> table they host (they stay there every round). */
  hosts?: readonly { person: number; table: number }[];
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
  const biggest = largestOrganisation(participants);
  if (biggest && biggest.size > tables)
    throw new InfeasibleError(
      `organisation "${biggest.name}" has ${biggest.size} people but there are only ${tables} tables`,
    );
  const problem: MixProblem = {
    people: participants.length,
    tableSizes: splitEvenly(participants.length, tables),
    rounds,
    keepApart: organisationPairs(participants),
    fixed: input.hosts ?? [],
    ...mixingAttributes(participants),
  };
  const result = solveMix(problem, options);
  return {
    issues: issueRotation(tables, input.issues, rounds),
    problem,
    result,
    quality: assessSchedule(problem, result.schedule),
  };
}
