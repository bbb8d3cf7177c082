import type { Visibility } from '../../domain/taxonomy/codes.ts';
import type { PlannedRound, ScheduleQuality } from '../../contract/events.ts';
import type { PlanReason } from '../../contract/plans.ts';
import type { Json } from './json.ts';

/** A session's plan history (migration 0016): see src/contract/plans.ts. */
export interface PlanTables {
  plan_versions: PlanVersionTable;
}

export interface PlanVersionTable {
  event_id: string;
  session_id: string;
  /** 1, 2, 3… per session. */
  version: number;
  /** Null when the plan was cleared. */
  plan: Json<PlannedRound[]> | null;
  quality: Json<ScheduleQuality> | null;
  reason: PlanReason;
  held_through: number;
  restored_from: number | null;
  user_id: string | null;
  /** Like the event's other records: its coalition's (`coalition`), no owning organisation. */
  visibility: Visibility;
  owning_organisation_id: string | null;
  created_at: string;
}
