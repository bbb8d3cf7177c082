import type { Visibility } from '../../domain/taxonomy/codes.ts';

/** Experience patterns (migration 0017). */
export interface PatternTables {
  experience_patterns: ExperiencePatternTable;
}

export interface ExperiencePatternTable {
  id: string;
  coalition_id: string;
  organisation_id: string | null;
  visibility: Visibility;
  event_id: string | null;
  issue_key: string | null;
  form: string;
  sector: string | null;
  population: string | null;
  /** JSON: ILO indicator numbers, ascending. */
  indicators: string;
  /** full | partly | never */
  paid: string;
  can_leave: number;
  /** free | deceived | coerced */
  recruitment: string;
  moved: number;
  notes: string;
  /** form | phone | import */
  source: string;
  entered_by: string | null;
  participant_id: string | null;
  created_at: string;
}
