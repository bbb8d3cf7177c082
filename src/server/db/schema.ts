import type {
  EventIssue,
  ExpertiseGroup,
  PlannedRound,
  ScheduleQuality,
  SessionKind,
  SessionRules,
} from '../../contract/events.ts';
import type { Change, LiveState } from '../../contract/live.ts';
import type { MailLanguage, ParticipantSectorCode } from '../../contract/constants.ts';
import type { Json } from './json.ts';
import type { AtlasTables } from './schema-atlas.ts';
import type { OrganisationType, Role, Visibility } from '../../domain/taxonomy/codes.ts';
import type { CardTables } from './schema-cards.ts';
import type { MemberTables } from './schema-members.ts';
import type { ImportTables } from './schema-imports.ts';
import type { FactorTables } from './schema-factors.ts';
import type { LimitTables } from './schema-limits.ts';
import type { PlanTables } from './schema-plans.ts';
import type { PatternTables } from './schema-patterns.ts';
import type { CommitmentTables } from './schema-commitments.ts';
import type { LearningTables } from './schema-learnings.ts';
import type { ReportTables } from './schema-report.ts';

/**
 * Table shapes as the database stores them. Timestamps are ISO-8601 UTC strings and booleans are
 * 0/1 integers in both SQLite and PostgreSQL, so one set of migrations and repositories serves both.
 */
export interface Database
  extends
    AtlasTables,
    CardTables,
    MemberTables,
    ImportTables,
    FactorTables,
    LimitTables,
    PlanTables,
    PatternTables,
    CommitmentTables,
    LearningTables,
    ReportTables {
  coalitions: CoalitionTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  known_devices: KnownDeviceTable;
  organisations: OrganisationTable;
  organisation_facets: OrganisationFacetTable;
  audit_log: AuditTable;
  events: EventTable;
  event_tables: EventTableTable;
  participants: ParticipantTable;
  participant_tokens: ParticipantTokenTable;
  event_sessions: EventSessionTable;
  live_state: LiveStateTable;
  live_changes: LiveChangeTable;
  live_intents: LiveIntentTable;
}

export interface CoalitionTable {
  id: string;
  name: string;
  slug: string;
  is_demo: number;
  /** Public aggregates suppress counts below this (CTDC publishes with k = 11). */
  suppression_k: number;
  created_at: string;
  /** The language Mosaic writes to the coalition in by default: emails, reports (migration 0024). */
  language: MailLanguage;
}

export interface UserTable {
  id: string;
  /** Always stored lower-cased; the unique index is on this column. */
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
  /** The language the user chose in the app (migration 0024); null: the coalition's. */
  language: MailLanguage | null;
}

export interface MembershipTable {
  user_id: string;
  coalition_id: string;
  role: Role;
  organisation_id: string | null;
  created_at: string;
  /** Set while an admin or coordinator has suspended the membership: no session acts under it. */
  suspended_at: string | null;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  coalition_id: string;
  created_at: string;
  expires_at: string;
}

/** A browser an account signed in from: SHA-256 of the random token in its `mosaic_device` cookie. */
export interface KnownDeviceTable {
  user_id: string;
  token_hash: string;
  created_at: string;
  last_used_at: string;
}

export interface OrganisationTable {
  id: string;
  coalition_id: string;
  name: string;
  type: OrganisationType;
  website: string | null;
  public_contact: string | null;
  description: string;
  visibility: Visibility;
  created_at: string;
  updated_at: string;
  /** Bumped on every change; optimistic concurrency and sync use it. */
  version: number;
}

/** The list-valued fields, stored one row per value in `organisation_facets`. */
export const FACETS = [
  'kindsOfWork',
  'supportServices',
  'forms',
  'populations',
  'languages',
  'countries',
  'provinces',
] as const;
export type Facet = (typeof FACETS)[number];

/**
 * The list-valued fields of an organisation (countries, provinces, kinds of work, ...), one row per
 * value, so that filters are plain indexed lookups on every backend.
 */
export interface OrganisationFacetTable {
  organisation_id: string;
  facet: Facet;
  code: string;
  position: number;
}

export interface AuditTable {
  id: string;
  at: string;
  coalition_id: string | null;
  user_id: string | null;
  action: string;
  resource: string;
  record_id: string | null;
}

export interface EventTable {
  id: string;
  coalition_id: string;
  name: string;
  starts_on: string;
  ends_on: string;
  venue: string;
  time_zone: string;
  join_code: string;
  walk_ins_allowed: number;
  issues: Json<EventIssue[]>;
  expertise_groups: Json<ExpertiseGroup[]>;
  created_at: string;
  updated_at: string;
}

export interface EventTableTable {
  id: string;
  event_id: string;
  name: string;
  capacity: number;
  position: number;
  host_participant_id: string | null;
}

export type ParticipantStatus = 'expected' | 'present' | 'absent';

export interface ParticipantTable {
  id: string;
  event_id: string;
  name: string;
  organisation: string;
  sector: ParticipantSectorCode;
  country: string | null;
  /** Ranked expertise-group keys. */
  choices: Json<string[]>;
  /** Language codes. */
  languages: Json<string[]>;
  email: string | null;
  status: ParticipantStatus;
  joined_at: string | null;
  personal_code_hash: string | null;
  position: number;
  created_at: string;
}

export interface ParticipantTokenTable {
  token_hash: string;
  participant_id: string;
  event_id: string;
  created_at: string;
}

export interface EventSessionTable {
  id: string;
  event_id: string;
  kind: SessionKind;
  title: string;
  rounds: number;
  minutes_per_round: number;
  position: number;
  /** Once generated. */
  plan: Json<PlannedRound[]> | null;
  quality: Json<ScheduleQuality> | null;
  /** NULL (or left out on insert) = the defaults. */
  rules?: Json<SessionRules> | null;
}

export interface LiveStateTable {
  event_id: string;
  seq: number;
  /** '{}' while the room has no state of its own. */
  state: Json<LiveState> | '{}';
}

export interface LiveChangeTable {
  event_id: string;
  seq: number;
  change: Json<Change>;
  at: string;
}

export interface LiveIntentTable {
  event_id: string;
  client_key: string;
  intent_id: string;
  seq: number;
  at: string;
}
