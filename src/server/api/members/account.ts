import type { InvitationPreview } from '../../../contract/members.ts';
import type { AppContext } from '../../context.ts';
import { hashPassword, verifyPassword } from '../../auth/passwords.ts';
import { hashToken, newToken } from '../../auth/tokens.ts';
import {
  audit,
  findCoalition,
  findUserByEmail,
  insertMembership,
  insertUser,
  membershipsOf,
} from '../../db/repos/accounts.ts';
import {
  claimInvitation,
  claimReset,
  deleteSessionsOf,
  findUsableInvitation,
  insertReset,
  setPasswordHash,
} from '../../db/repos/members.ts';
import { HttpError } from '../../http/errors.ts';
import { mailT } from '../../i18n/index.ts';

/** A reset link works for one hour, once. */
export const RESET_MINUTES = 60;

/** Expired, used, revoked and unknown links all get this: nothing tells them apart. */
const invalidLink = () =>
  new HttpError(404, {
    error: 'invalid_link',
    message:
      'This link does not work: it may have expired or been used already. Ask for a new one.',
  });

export async function previewInvitation(
  ctx: AppContext,
  token: string,
): Promise<InvitationPreview> {
  const inv = await findUsableInvitation(ctx.db, hashToken(token), ctx.now().toISOString());
  const coalition = inv && (await findCoalition(ctx.db, inv.coalitionId));
  if (!inv || !coalition) throw invalidLink();
  return {
    coalitionName: coalition.name,
    email: inv.email,
    role: inv.role,
    existingAccount: (await findUserByEmail(ctx.db, inv.email)) !== undefined,
  };
}

/**
 * Uses an invitation: a new account gets the chosen password; an existing account (the person is
 * in another coalition already) must give its current password instead, so that a link an inviter
 * copied can never take over someone's account. Claiming the link is one UPDATE inside the same
 * transaction: a wrong password rolls it back and the link still works.
 */
export async function acceptInvitation(
  ctx: AppContext,
  input: { token: string; password: string; displayName?: string | undefined },
): Promise<{ email: string }> {
  const now = ctx.now().toISOString();
  const preview = await findUsableInvitation(ctx.db, hashToken(input.token), now);
  if (!preview) throw invalidLink();
  const existing = await findUserByEmail(ctx.db, preview.email);
  if (existing && !(await verifyPassword(existing.password_hash, input.password)))
    throw new HttpError(401, {
      error: 'invalid_credentials',
      message: 'password: this email has an account already; give its current password.',
      fields: [
        {
          field: 'password',
          code: 'incorrect',
          message: 'is not the account’s current password',
        },
      ],
    });
  const passwordHash = existing ? undefined : await hashPassword(input.password);
  await ctx.db.transaction().execute(async (trx) => {
    const inv = await claimInvitation(trx, hashToken(input.token), now);
    if (!inv) throw invalidLink();
    const userId =
      existing?.id ??
      (await insertUser(
        trx,
        {
          email: inv.email,
          displayName: input.displayName || inv.email.split('@')[0]!,
          passwordHash: passwordHash!,
        },
        now,
      ));
    if (
      existing &&
      (await membershipsOf(trx, userId)).some((m) => m.coalition_id === inv.coalitionId)
    )
      throw new HttpError(409, {
        error: 'already_member',
        message: 'You are already a member of this coalition: sign in.',
      });
    await insertMembership(
      trx,
      { userId, coalitionId: inv.coalitionId, role: inv.role, organisationId: inv.organisationId },
      now,
    );
    await audit(
      trx,
      {
        coalitionId: inv.coalitionId,
        userId,
        action: 'member.join',
        resource: 'member',
        recordId: inv.id,
      },
      now,
    );
  });
  return { email: preview.email };
}

/**
 * Emails a reset link to an account that exists and belongs to a coalition; does nothing otherwise.
 * Runs after the request is answered (no enumeration by answer or timing). Only to PUBLIC_URL:
 * a link built from a request's Host header could point at a forger's site.
 */
export async function requestReset(ctx: AppContext, email: string): Promise<void> {
  const user = await findUserByEmail(ctx.db, email);
  const mailer = ctx.mailer;
  if (!user || !mailer || !ctx.publicUrl) return;
  const memberships = await membershipsOf(ctx.db, user.id);
  if (memberships.length === 0) return;
  const now = ctx.now();
  const { token, hash } = newToken();
  await insertReset(ctx.db, {
    tokenHash: hash,
    userId: user.id,
    createdAt: now.toISOString(),
    expiresAt: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
  });
  const link = `${ctx.publicUrl}/reset#${token}`;
  // In the language the user chose, else their (first) coalition's.
  const coalition = user.language
    ? undefined
    : await findCoalition(ctx.db, memberships[0]!.coalition_id);
  const t = mailT(user.language ?? coalition?.language ?? 'en');
  await mailer.send({
    to: user.email,
    subject: t('reset.subject'),
    text: [
      t('reset.body'),
      '',
      t('reset.open', { minutes: RESET_MINUTES }),
      link,
      '',
      t('reset.ignore'),
    ].join('\n'),
  });
}

/** Sets a new password from a reset link; every session of the account ends (here and live). */
export async function completeReset(ctx: AppContext, token: string, password: string) {
  const passwordHash = await hashPassword(password);
  const now = ctx.now().toISOString();
  const userId = await ctx.db.transaction().execute(async (trx) => {
    const userId = await claimReset(trx, hashToken(token), now);
    if (!userId) throw invalidLink();
    await setPasswordHash(trx, userId, passwordHash);
    await deleteSessionsOf(trx, userId);
    await audit(
      trx,
      { coalitionId: null, userId, action: 'password.reset', resource: 'user', recordId: userId },
      now,
    );
    return userId;
  });
  await ctx.liveSessions.userChanged(userId);
}
