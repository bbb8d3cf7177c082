import type { PATTERN_PAY, PATTERN_RECRUITMENT } from '../../contract/constants.ts';
import type {
  FormOfExploitation,
  LabourSector,
  Population,
  Visibility,
} from '../../domain/taxonomy/codes.ts';
import type { Json } from './json.ts';

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
  form: FormOfExploitation;
  sector: LabourSector | null;
  population: Population | null;
  /** ILO indicator numbers, ascending. */
  indicators: Json<number[]>;
  paid: (typeof PATTERN_PAY)[number];
  can_leave: number;
  recruitment: (typeof PATTERN_RECRUITMENT)[number];
  moved: number;
  notes: string;
  source: 'form' | 'phone' | 'import';
  entered_by: string | null;
  participant_id: string | null;
  created_at: string;
}
