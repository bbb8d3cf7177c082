import type { PlanRefusal } from '../../contract/events.ts';
import type { PlanningInput, PlanningResult, SessionReplanInput } from './engine.ts';

/** What the main thread sends a planning worker: one job, then nothing (a worker runs one job). */
export type PlanJobRequest =
  { kind: 'generate'; input: PlanningInput } | { kind: 'replan'; input: SessionReplanInput };

/** What a planning worker answers: progress any number of times, then `done` or `failed`. */
export type PlanJobMessage =
  | { type: 'progress'; fraction: number; repeats: number }
  | { type: 'done'; result: PlanningResult }
  /** `planning`: the input cannot be planned (a PlanningError: said to the user as it is). */
  | { type: 'failed'; planning: boolean; message: string; reason?: PlanRefusal['reason'] };
