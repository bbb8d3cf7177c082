import type { COMMITMENT_LINK_KINDS, COMMITMENT_STATUSES } from '../../contract/constants.ts';
import type { Visibility } from '../../domain/taxonomy/codes.ts';

type CommitmentStatus = (typeof COMMITMENT_STATUSES)[number];

/** Commitments, their status updates and links (migration 0020): see src/contract/commitments.ts. */
export interface CommitmentTables {
  commitments: CommitmentTable;
  commitment_updates: CommitmentUpdateTable;
  commitment_links: CommitmentLinkTable;
}

export interface CommitmentTable {
  id: string;
  coalition_id: string;
  event_id: string | null;
  /** One of the event's expertise groups (the `groups` session's groups); null: none. */
  group_key: string | null;
  title: string;
  description: string;
  /** The owning organisation: its members report progress. */
  owner_organisation_id: string;
  second_organisation_id: string | null;
  /** YYYY-MM-DD */
  target_date: string;
  status: CommitmentStatus;
  visibility: Visibility;
  created_by: string | null;
  created_at: string;
  updated_at: string;
  /** When status or progress was last reported (creation counts). */
  progress_at: string;
}

export interface CommitmentUpdateTable {
  id: string;
  coalition_id: string;
  commitment_id: string;
  status: CommitmentStatus;
  note: string;
  by_user_id: string | null;
  /** The reporter's name then (kept when the account goes). */
  by_name: string;
  at: string;
}

export interface CommitmentLinkTable {
  coalition_id: string;
  commitment_id: string;
  kind: (typeof COMMITMENT_LINK_KINDS)[number];
  /** card or learning id; factor id; issue key; gap `<placeId>|<form>`. */
  ref: string;
  /** The event a card, learning or issue belongs to. */
  event_id: string | null;
  /** Its words when linked. */
  label: string;
  /** 1: the commitment was promoted from it. */
  source: number;
  created_at: string;
}
