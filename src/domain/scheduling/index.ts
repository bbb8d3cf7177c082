export * from './types.ts';
export { balancedSizes, splitEvenly } from './sizes.ts';
export { solveMix } from './mix.ts';
export { assessSchedule, type QualityReport, type Violations } from './quality.ts';
export { type Participant, organisationPairs } from './participants.ts';
export { planNetworking, networkingSizes, type NetworkingPlan } from './networking.ts';
export { planCafe, issueRotation, type CafeInput, type CafePlan } from './cafe.ts';
export { planGroups, type GroupsInput, type GroupsPlan } from './groups.ts';
export { replan, type ReplanInput, type ReplanResult } from './replan.ts';
export { repeatLowerBound, type BoundInput } from './bounds.ts';
export {
  DEFAULT_RULES,
  RULE_UNIT,
  checkHardRules,
  describeInfeasibility,
  ruleProblem,
  type RuleSetting,
  type SessionRules,
} from './rules.ts';
