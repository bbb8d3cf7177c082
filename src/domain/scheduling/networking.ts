/**
 * Speed networking: rounds of pairs (one trio when the count is odd). It is the social golfer
 * problem with groups of two, so the mixing core solves it; organisations become keep-apart
 * pairs and sector/country the soft mixing goals.
 */
import { type Participant } from './participants.ts';
import { assessSchedule, type QualityReport } from './quality.ts';
import { assertFeasible, ruleProblem, solveWithRules, type SessionRules } from './rules.ts';
import type { MixProblem, MixResult, SolveOptions } from './types.ts';

export interface NetworkingPlan {
  problem: MixProblem;
  result: MixResult;
  quality: QualityReport;
}

export function networkingSizes(people: number): number[] {
  if (people < 2) throw new RangeError('speed networking needs at least two people');
  const pairs = Math.floor(people / 2);
  const sizes = Array<number>(pairs).fill(2);
  if (people % 2 === 1) sizes[pairs - 1] = 3;
  return sizes;
}

export function planNetworking(
  participants: readonly Participant[],
  rounds: number,
  options: SolveOptions = {},
  rules?: SessionRules,
): NetworkingPlan {
  const sizes = networkingSizes(participants.length);
  assertFeasible({ participants, rules, sizes, pairs: true });
  const problem: MixProblem = {
    people: participants.length,
    tableSizes: sizes,
    rounds,
    ...ruleProblem({ participants, rules }),
  };
  const result = solveWithRules(problem, options, rules);
  return { problem, result, quality: assessSchedule(problem, result.schedule) };
}
