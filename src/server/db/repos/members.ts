import { randomUUID } from 'node:crypto';
import type { Transaction } from 'kysely';
import type { Db } from '../index.ts';
import type { Database } from '../schema.ts';
import type { Role } from '../../../domain/taxonomy/codes.ts';
import { ofCoalition } from './scoped.ts';

type DbOrTrx = Db | Transaction<Database>;

export interface MemberRow {
  userId: string;
  email: string;
  displayName: string;
  role: Role;
  organisationId: string | null;
  suspendedAt: string | null;
  createdAt: string;
  secondFactor: boolean;
}

/** Every membership of one coalition (never another's: the coalition is in every query). */
export async function listMembers(db: DbOrTrx, coalitionId: string, userId?: string) {
  let q = db
    .selectFrom('memberships as m')
    .innerJoin('users as u', 'u.id', 'm.user_id')
    .leftJoin('user_totp as t', (j) =>
      j.onRef('t.user_id', '=', 'm.user_id').on('t.confirmed_at', 'is not', null),
    )
    .select([
      'm.user_id',
      'u.email',
      'u.display_name',
      'm.role',
      'm.organisation_id',
      'm.suspended_at',
      'm.created_at',
      't.user_id as totp_user',
    ])
    .where('m.coalition_id', '=', coalitionId);
  if (userId !== undefined) q = q.where('m.user_id', '=', userId);
  const rows = await q.orderBy('u.email').execute();
  return rows.map((r): MemberRow => ({
    userId: r.user_id,
    email: r.email,
    displayName: r.display_name,
    role: r.role,
    organisationId: r.organisation_id,
    suspendedAt: r.suspended_at,
    createdAt: r.created_at,
    secondFactor: r.totp_user !== null,
  }));
}

export async function findMember(
  db: DbOrTrx,
  coalitionId: string,
  userId: string,
): Promise<MemberRow | undefined> {
  return (await listMembers(db, coalitionId, userId))[0];
}

export async function updateMembership(
  trx: Transaction<Database>,
  coalitionId: string,
  userId: string,
  patch: { role?: Role; organisationId?: string | null; suspendedAt?: string | null },
): Promise<void> {
  await ofCoalition(trx, 'memberships', coalitionId)
    .update()
    .set({
      ...(patch.role !== undefined ? { role: patch.role } : {}),
      ...(patch.organisationId !== undefined ? { organisation_id: patch.organisationId } : {}),
      ...(patch.suspendedAt !== undefined ? { suspended_at: patch.suspendedAt } : {}),
    })
    .where('user_id', '=', userId)
    .execute();
}

export async function deleteMembership(
  trx: Transaction<Database>,
  coalitionId: string,
  userId: string,
): Promise<void> {
  await ofCoalition(trx, 'memberships', coalitionId)
    .delete()
    .where('user_id', '=', userId)
    .execute();
}

/** Ends a user's sessions: in one coalition, or everywhere (a new password ends them all). */
export async function deleteSessionsOf(
  db: DbOrTrx,
  userId: string,
  coalitionId?: string,
): Promise<void> {
  let q = db.deleteFrom('sessions').where('user_id', '=', userId);
  if (coalitionId !== undefined) q = q.where('coalition_id', '=', coalitionId);
  await q.execute();
}

export async function organisationInCoalition(
  db: DbOrTrx,
  coalitionId: string,
  organisationId: string,
): Promise<boolean> {
  const r = await db
    .selectFrom('organisations')
    .select('id')
    .where('id', '=', organisationId)
    .where('coalition_id', '=', coalitionId)
    .executeTakeFirst();
  return r !== undefined;
}

export async function setPasswordHash(
  db: DbOrTrx,
  userId: string,
  passwordHash: string,
): Promise<void> {
  await db
    .updateTable('users')
    .set({ password_hash: passwordHash })
    .where('id', '=', userId)
    .execute();
}

// ---- invitations ----

export interface InvitationRow {
  id: string;
  coalitionId: string;
  email: string;
  role: Role;
  organisationId: string | null;
  createdAt: string;
  expiresAt: string;
}

const presentInvitation = (r: {
  id: string;
  coalition_id: string;
  email: string;
  role: Role;
  organisation_id: string | null;
  created_at: string;
  expires_at: string;
}): InvitationRow => ({
  id: r.id,
  coalitionId: r.coalition_id,
  email: r.email,
  role: r.role,
  organisationId: r.organisation_id,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export async function insertInvitation(
  trx: Transaction<Database>,
  i: Omit<InvitationRow, 'id'> & { tokenHash: string; invitedBy: string },
): Promise<string> {
  const id = randomUUID();
  await trx
    .insertInto('invitations')
    .values({
      id,
      coalition_id: i.coalitionId,
      email: i.email,
      role: i.role,
      organisation_id: i.organisationId,
      token_hash: i.tokenHash,
      invited_by: i.invitedBy,
      created_at: i.createdAt,
      expires_at: i.expiresAt,
    })
    .execute();
  return id;
}

/** Invitations of one coalition still waiting for their invitee (not used, revoked or expired). */
export async function listOpenInvitations(db: DbOrTrx, coalitionId: string, now: string) {
  const rows = await db
    .selectFrom('invitations')
    .selectAll()
    .where('coalition_id', '=', coalitionId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
  return rows.map(presentInvitation);
}

/** Revokes an open invitation of this coalition; false when there is none with that id. */
export async function revokeInvitation(
  trx: Transaction<Database>,
  coalitionId: string,
  id: string,
  now: string,
): Promise<InvitationRow | undefined> {
  const r = await trx
    .updateTable('invitations')
    .set({ revoked_at: now })
    .where('id', '=', id)
    .where('coalition_id', '=', coalitionId)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .returningAll()
    .executeTakeFirst();
  return r && presentInvitation(r);
}

/** An invitation its link may still use: not used, not revoked, not expired (all in the query). */
export async function findUsableInvitation(db: DbOrTrx, tokenHash: string, now: string) {
  const r = await db
    .selectFrom('invitations')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .executeTakeFirst();
  return r && presentInvitation(r);
}

/**
 * Uses an invitation: one UPDATE that only matches a usable one, so two clicks racing on the same
 * link cannot both succeed (single use is decided by the database, not by a read before a write).
 */
export async function claimInvitation(
  trx: Transaction<Database>,
  tokenHash: string,
  now: string,
): Promise<InvitationRow | undefined> {
  const r = await trx
    .updateTable('invitations')
    .set({ accepted_at: now })
    .where('token_hash', '=', tokenHash)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .returningAll()
    .executeTakeFirst();
  return r && presentInvitation(r);
}

// ---- password resets ----

export async function insertReset(
  db: DbOrTrx,
  r: { tokenHash: string; userId: string; createdAt: string; expiresAt: string },
): Promise<void> {
  await db
    .insertInto('password_resets')
    .values({
      token_hash: r.tokenHash,
      user_id: r.userId,
      created_at: r.createdAt,
      expires_at: r.expiresAt,
    })
    .execute();
}

/** Uses a reset link once (same single-UPDATE rule as invitations); returns whose it was. */
export async function claimReset(
  trx: Transaction<Database>,
  tokenHash: string,
  now: string,
): Promise<string | undefined> {
  const r = await trx
    .updateTable('password_resets')
    .set({ used_at: now })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .where('expires_at', '>', now)
    .returning('user_id')
    .executeTakeFirst();
  return r?.user_id;
}

// ---- second factor ----

export async function findTotp(db: DbOrTrx, userId: string) {
  return db.selectFrom('user_totp').selectAll().where('user_id', '=', userId).executeTakeFirst();
}

/** Starts (or restarts) enrolment with a new, unconfirmed secret. */
export async function startTotp(
  trx: Transaction<Database>,
  userId: string,
  secret: string,
  now: string,
): Promise<void> {
  await trx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
  await trx
    .insertInto('user_totp')
    .values({ user_id: userId, secret, created_at: now, confirmed_at: null, last_step: 0 })
    .execute();
}

/**
 * Records that the code of time step `step` was used. Only moves forward, in one UPDATE: a code
 * already used (or an older one) matches no row, so the same code never signs in twice.
 */
export async function useTotpStep(
  db: DbOrTrx,
  userId: string,
  step: number,
  confirmAt?: string,
): Promise<boolean> {
  const r = await db
    .updateTable('user_totp')
    .set({ last_step: step, ...(confirmAt ? { confirmed_at: confirmAt } : {}) })
    .where('user_id', '=', userId)
    .where('last_step', '<', step)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

export async function deleteTotp(trx: Transaction<Database>, userId: string): Promise<void> {
  await trx.deleteFrom('user_totp').where('user_id', '=', userId).execute();
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
}

export async function replaceRecoveryCodes(
  trx: Transaction<Database>,
  userId: string,
  codeHashes: string[],
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  await trx
    .insertInto('recovery_codes')
    .values(codeHashes.map((h) => ({ user_id: userId, code_hash: h, used_at: null })))
    .execute();
}

/** Uses a recovery code once: one UPDATE that matches only an unused code. */
export async function useRecoveryCode(
  db: DbOrTrx,
  userId: string,
  codeHash: string,
  now: string,
): Promise<boolean> {
  const r = await db
    .updateTable('recovery_codes')
    .set({ used_at: now })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
