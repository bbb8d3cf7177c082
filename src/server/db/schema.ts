/**
 * Table shapes as the database stores them. Timestamps are ISO-8601 UTC strings and booleans are
 * 0/1 integers in both SQLite and PostgreSQL, so one set of migrations and repositories serves both.
 */
export interface Database {
  coalitions: CoalitionTable;
  users: UserTable;
  memberships: MembershipTable;
  sessions: SessionTable;
  organisations: OrganisationTable;
  organisation_facets: OrganisationFacetTable;
  audit_log: AuditTable;
}

export interface CoalitionTable {
  id: string;
  name: string;
  slug: string;
  is_demo: number;
  /** Public aggregates suppress counts below this (CTDC publishes with k = 11). */
  suppression_k: number;
  created_at: string;
}

export interface UserTable {
  id: string;
  /** Always stored lower-cased; the unique index is on this column. */
  email: string;
  display_name: string;
  password_hash: string;
  created_at: string;
}

export interface MembershipTable {
  user_id: string;
  coalition_id: string;
  role: string;
  organisation_id: string | null;
  created_at: string;
}

export interface SessionTable {
  /** SHA-256 of the cookie token: a leaked database does not yield live sessions. */
  token_hash: string;
  user_id: string;
  coalition_id: string;
  created_at: string;
  expires_at: string;
}

export interface OrganisationTable {
  id: string;
  coalition_id: string;
  name: string;
  type: string;
  website: string | null;
  public_contact: string | null;
  description: string;
  visibility: string;
  created_at: string;
  updated_at: string;
  /** Bumped on every change; optimistic concurrency and sync use it. */
  version: number;
}

/**
 * The list-valued fields of an organisation (countries, provinces, kinds of work, ...), one row per
 * value, so that filters are plain indexed lookups on every backend.
 */
export interface OrganisationFacetTable {
  organisation_id: string;
  facet: string;
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
