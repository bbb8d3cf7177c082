import type {
  Invitation,
  InviteAnswer,
  Member,
  MemberList,
  MemberPatch,
} from '../../../contract/members.ts';
import type { AppContext } from '../../context.ts';
import { ROLE_GRANTS, mayManageMember, type Actor } from '../../auth/policy.ts';
import { newToken } from '../../auth/tokens.ts';
import { audit } from '../../db/repos/accounts.ts';
import {
  deleteMembership,
  deleteSessionsOf,
  findMember,
  insertInvitation,
  listMembers,
  listOpenInvitations,
  organisationInCoalition,
  revokeInvitation,
  updateMembership,
  type InvitationRow,
  type MemberRow,
} from '../../db/repos/members.ts';
import { HttpError, forbidden, notFound, unauthenticated } from '../../http/errors.ts';
import type { Role } from '../../../domain/taxonomy/codes.ts';
import type { MailLanguage } from '../../../contract/constants.ts';
import { mailT } from '../../i18n/index.ts';

/** An invitation link works for 72 hours, once. */
export const INVITATION_HOURS = 72;

type User = Extract<Actor, { kind: 'user' }>;

export function signedIn(actor: Actor): User {
  if (actor.kind !== 'user') throw unauthenticated();
  return actor;
}

const presentInvitation = (i: InvitationRow): Invitation => ({
  id: i.id,
  email: i.email,
  role: i.role,
  organisationId: i.organisationId,
  createdAt: i.createdAt,
  expiresAt: i.expiresAt,
});

function presentMember(actor: User, m: MemberRow): Member {
  const target = { coalitionId: actor.coalitionId, role: m.role };
  const self = m.userId === actor.userId;
  return {
    userId: m.userId,
    email: m.email,
    displayName: m.displayName,
    role: m.role,
    organisationId: m.organisationId,
    suspended: m.suspendedAt !== null,
    secondFactor: m.secondFactor,
    since: m.createdAt,
    can: {
      update: !self && mayManageMember(actor, 'update', target),
      remove: !self && mayManageMember(actor, 'delete', target),
    },
  };
}

export async function memberList(ctx: AppContext, actor: Actor): Promise<MemberList> {
  const user = signedIn(actor);
  if (!mayManageMember(user, 'read', { coalitionId: user.coalitionId, role: 'viewer' }))
    throw forbidden();
  const now = ctx.now().toISOString();
  const [members, invitations] = await Promise.all([
    listMembers(ctx.db, user.coalitionId),
    listOpenInvitations(ctx.db, user.coalitionId, now),
  ]);
  return {
    members: members.map((m) => presentMember(user, m)),
    invitations: invitations.map(presentInvitation),
    grantableRoles: [...ROLE_GRANTS[user.role]],
  };
}

async function checkOrganisation(ctx: AppContext, coalitionId: string, id: string | null) {
  if (id !== null && !(await organisationInCoalition(ctx.db, coalitionId, id)))
    throw new HttpError(422, {
      error: 'unknown_organisation',
      message: 'organisationId: no organisation with that id in this coalition.',
      fields: [
        {
          field: 'organisationId',
          code: 'unknown_organisation',
          message: 'is not an organisation of this coalition',
        },
      ],
    });
}

/**
 * Invites someone by email to the caller's coalition with a role (and organisation). The link's
 * token exists only in the answer or the email: the database keeps its hash.
 */
export async function invite(
  ctx: AppContext,
  actor: Actor,
  input: { email: string; role: Role; organisationId: string | null; language?: MailLanguage },
  origin: string,
): Promise<InviteAnswer> {
  const user = signedIn(actor);
  if (!mayManageMember(user, 'create', { coalitionId: user.coalitionId, role: input.role }))
    throw forbidden();
  await checkOrganisation(ctx, user.coalitionId, input.organisationId);
  const existing = (await listMembers(ctx.db, user.coalitionId)).find(
    (m) => m.email === input.email,
  );
  if (existing)
    throw new HttpError(409, {
      error: 'already_member',
      message: 'email: this person is already a member of the coalition.',
      fields: [{ field: 'email', code: 'already_member', message: 'is already a member' }],
    });
  const now = ctx.now();
  const { token, hash } = newToken();
  const row = {
    coalitionId: user.coalitionId,
    email: input.email,
    role: input.role,
    organisationId: input.organisationId,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + INVITATION_HOURS * 3_600_000).toISOString(),
  };
  const id = await ctx.db.transaction().execute(async (trx) => {
    const id = await insertInvitation(trx, { ...row, tokenHash: hash, invitedBy: user.userId });
    await auditMembers(trx, user, 'member.invite', id, row.createdAt);
    return id;
  });
  const invitation = presentInvitation({ id, ...row });
  const link = `${ctx.publicUrl ?? origin}/invite#${token}`;
  if (!ctx.mailer) return { invitation, emailed: false, link };
  const t = mailT(input.language ?? 'en');
  try {
    await ctx.mailer.send({
      to: input.email,
      subject: t('invite.subject'),
      text: [
        t('invite.body', { role: t(`roles.${input.role}`) }),
        '',
        t('invite.open', { hours: INVITATION_HOURS }),
        link,
        '',
        t('invite.ignore'),
      ].join('\n'),
    });
    return { invitation, emailed: true };
  } catch {
    // The invitation stands; the inviter passes the link on another way.
    return { invitation, emailed: false, link };
  }
}

const auditMembers = (
  db: Parameters<typeof audit>[0],
  user: User,
  action: string,
  recordId: string,
  at: string,
) =>
  audit(
    db,
    { coalitionId: user.coalitionId, userId: user.userId, action, resource: 'member', recordId },
    at,
  );

export async function withdrawInvitation(ctx: AppContext, actor: Actor, id: string) {
  const user = signedIn(actor);
  const open = await listOpenInvitations(ctx.db, user.coalitionId, ctx.now().toISOString());
  const inv = open.find((i) => i.id === id);
  if (!inv) throw notFound('invitation');
  if (!mayManageMember(user, 'delete', { coalitionId: user.coalitionId, role: inv.role }))
    throw forbidden();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    if (!(await revokeInvitation(trx, user.coalitionId, id, at))) throw notFound('invitation');
    await auditMembers(trx, user, 'member.invite.revoke', id, at);
  });
}

/** The member as the caller may act on them; 404 for anyone outside the caller's coalition. */
async function target(ctx: AppContext, user: User, userId: string): Promise<MemberRow> {
  const m = await findMember(ctx.db, user.coalitionId, userId);
  if (!m) throw notFound('member');
  if (m.userId === user.userId)
    throw new HttpError(409, {
      error: 'own_membership',
      message: 'Ask another admin to change or remove your own membership.',
    });
  return m;
}

/**
 * Changes a member's role, organisation or suspension, at once: their open live connections are
 * closed (they reconnect as what they now are), a suspension also ends their sessions here.
 */
export async function changeMember(
  ctx: AppContext,
  actor: Actor,
  userId: string,
  patch: MemberPatch,
): Promise<Member> {
  const user = signedIn(actor);
  const m = await target(ctx, user, userId);
  if (!mayManageMember(user, 'update', { coalitionId: user.coalitionId, role: m.role }, patch.role))
    throw forbidden();
  if (patch.organisationId !== undefined)
    await checkOrganisation(ctx, user.coalitionId, patch.organisationId);
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await updateMembership(trx, user.coalitionId, userId, {
      role: patch.role,
      organisationId: patch.organisationId,
      ...(patch.suspended === undefined ? {} : { suspendedAt: patch.suspended ? at : null }),
    });
    if (patch.suspended) await deleteSessionsOf(trx, userId, user.coalitionId);
    if (patch.role !== undefined && patch.role !== m.role)
      await auditMembers(trx, user, `member.role:${m.role}->${patch.role}`, userId, at);
    if (patch.organisationId !== undefined && patch.organisationId !== m.organisationId)
      await auditMembers(trx, user, 'member.organisation', userId, at);
    if (patch.suspended !== undefined)
      await auditMembers(
        trx,
        user,
        patch.suspended ? 'member.suspend' : 'member.reinstate',
        userId,
        at,
      );
  });
  await ctx.liveSessions.userChanged(userId, user.coalitionId);
  const after = await findMember(ctx.db, user.coalitionId, userId);
  if (!after) throw notFound('member');
  return presentMember(user, after);
}

/** Removes a member from the caller's coalition (their account stays for other coalitions). */
export async function removeMember(ctx: AppContext, actor: Actor, userId: string): Promise<void> {
  const user = signedIn(actor);
  const m = await target(ctx, user, userId);
  if (!mayManageMember(user, 'delete', { coalitionId: user.coalitionId, role: m.role }))
    throw forbidden();
  const at = ctx.now().toISOString();
  await ctx.db.transaction().execute(async (trx) => {
    await deleteSessionsOf(trx, userId, user.coalitionId);
    await deleteMembership(trx, user.coalitionId, userId);
    await auditMembers(trx, user, 'member.remove', userId, at);
  });
  await ctx.liveSessions.userChanged(userId, user.coalitionId);
}
