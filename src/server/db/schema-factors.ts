import type { FactorKind, FactorLanguage } from '../../domain/factors/vocabulary.ts';
import type { Json } from './json.ts';

export type FactorStatus = 'active' | 'retired' | 'merged';

/** Tables of the factor vocabulary and card assignments (migration 0011). */
export interface FactorTables {
  coalition_factors: CoalitionFactorTable;
  card_factor_assignments: CardFactorAssignmentTable;
  card_factor_current: CardFactorCurrentTable;
  event_overlap: EventOverlapTable;
}

/** A card's factor now (migration 0014): its last assignment entry, kept with every entry. */
export interface CardFactorCurrentTable {
  event_id: string;
  card_id: string;
  factor_id: string | null;
}

/** Per event: the overlap's cache version and who may see it (migration 0014). */
export interface EventOverlapTable {
  event_id: string;
  /** Bumped with every assignment entry of the event. */
  version: number;
  /** coalition | public (no row: coalition). */
  visibility: string;
  updated_by: string | null;
  updated_at: string;
}

export interface CoalitionFactorTable {
  coalition_id: string;
  /** Stable id: `push.debt`, or one the coalition made. */
  factor_id: string;
  kind: FactorKind;
  /** English; other languages in `labels`. */
  label: string;
  description: string;
  /** Languages other than English (0014). */
  labels: Json<Partial<Record<FactorLanguage, string>>>;
  /** Languages other than English (0014). */
  descriptions: Json<Partial<Record<FactorLanguage, string>>>;
  keywords: Json<Partial<Record<FactorLanguage, string[]>>>;
  codes: Json<string[]>;
  status: FactorStatus;
  merged_into: string | null;
  position: number;
  updated_by: string | null;
  updated_at: string;
}

export interface CardFactorAssignmentTable {
  event_id: string;
  card_id: string;
  /** 1, 2, … per card; the last is the card's factor. */
  n: number;
  /** null: no factor. */
  factor_id: string | null;
  by_user: string | null;
  at: string;
  /** The entry this one undid, if it is an undo. */
  undo_of: number | null;
}
