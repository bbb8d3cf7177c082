import { z } from 'zod';
import { EventDetail, SessionParams } from './events.ts';

/**
 * A session's plan history: every change to its plan is a version — who, when and why — and a
 * version's not-yet-held rounds can be restored (held rounds never change).
 */
export const PLAN_REASONS = [
  /** The plan as it was before its history was kept (recorded once, before the first change). */
  'initial',
  'generated',
  'swap',
  /** A facilitator's re-plan of the remaining rounds (the console's button). */
  'replan',
  /** Remaining rounds re-planned because tables were added, removed or resized. */
  'tables_changed',
  /** Remaining rounds re-planned without a participant who was removed. */
  'participant_removed',
  /** Remaining rounds re-planned to seat someone added (a walk-in, or by a facilitator). */
  'participant_added',
  /** A session not yet started lost its plan because its tables changed (restorable). */
  'cleared',
  'restored',
] as const;
export const PlanReason = z.enum(PLAN_REASONS);
export type PlanReason = z.infer<typeof PlanReason>;

export const PlanVersion = z.object({
  version: z.number().int(),
  at: z.string().describe('When, ISO-8601'),
  reason: PlanReason,
  /** Who changed it; null when the server did (a walk-in's re-plan) or the person is gone. */
  by: z.string().nullable(),
  /** Rounds 0..heldThrough had started when this version was made (-1: none). */
  heldThrough: z.number().int(),
  /** The version a restore brought back. */
  restoredFrom: z.number().int().nullable(),
  /** False for a cleared plan. */
  hasPlan: z.boolean(),
  repeatedPairs: z.number().nullable(),
  /** The session's plan now is this version. */
  current: z.boolean(),
});
export type PlanVersion = z.infer<typeof PlanVersion>;

export const PlanVersionList = z.object({ items: z.array(PlanVersion) });
export type PlanVersionList = z.infer<typeof PlanVersionList>;

export const PlanVersionParams = SessionParams.extend({
  version: z.coerce.number().int().min(1, 'must be a version number'),
});

export const PlanRestoreResult = z.object({ event: EventDetail, version: z.number().int() });
export type PlanRestoreResult = z.infer<typeof PlanRestoreResult>;
