import type { Visibility } from '../../domain/taxonomy/codes.ts';

/** The learnings wall (migration 0019). */
export interface LearningTables {
  learnings: LearningTable;
  learning_votes: LearningVoteTable;
  learning_themes: LearningThemeTable;
}

export interface LearningTable {
  event_id: string;
  id: string;
  coalition_id: string;
  session_id: string | null;
  text: string;
  show_org: number;
  /** The poster's organisation as the roster names it (shown only with `show_org`). */
  organisation_name: string;
  /** Owning organisation: the coalition's organisation of that name, when exactly one matches. */
  organisation_id: string | null;
  /** Who posted it: kept for validation, never sent to anyone. */
  participant_id: string | null;
  hidden: number;
  pinned: number;
  merged_into: string | null;
  theme_id: string | null;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
}

export interface LearningVoteTable {
  event_id: string;
  learning_id: string;
  participant_id: string;
  created_at: string;
}

export interface LearningThemeTable {
  event_id: string;
  id: string;
  label: string;
  created_at: string;
}
