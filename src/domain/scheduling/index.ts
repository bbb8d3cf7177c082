export * from './types.ts';
export { balancedSizes, splitEvenly } from './sizes.ts';
export { solveMix } from './mix.ts';
export { assessSchedule, type QualityReport, type Violations } from './quality.ts';
