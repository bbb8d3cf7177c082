import type { Role } from '../../domain/taxonomy/codes.ts';
/** Tables of migration 0009: letting people in (invitations, resets, second factor). */
export interface MemberTables {
  invitations: InvitationTable;
  password_resets: PasswordResetTable;
  user_totp: UserTotpTable;
  recovery_codes: RecoveryCodeTable;
}

export interface InvitationTable {
  id: string;
  coalition_id: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  /** SHA-256 of the link's token: only the invitee's link holds the token itself. */
  token_hash: string;
  invited_by: string | null;
  created_at: string;
  expires_at: string;
  accepted_at: string | null;
  revoked_at: string | null;
}

export interface PasswordResetTable {
  token_hash: string;
  user_id: string;
  created_at: string;
  expires_at: string;
  used_at: string | null;
}

export interface UserTotpTable {
  user_id: string;
  /** Base32 TOTP secret: needed in clear to compute codes; never sent again after enrolment. */
  secret: string;
  created_at: string;
  confirmed_at: string | null;
  last_step: number;
}

export interface RecoveryCodeTable {
  user_id: string;
  code_hash: string;
  used_at: string | null;
}
