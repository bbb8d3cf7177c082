import { LoginRequest, Me, Ok } from '../../../contract/auth.ts';
import { ErrorBody } from '../../../contract/common.ts';
import type { App, AppContext } from '../../context.ts';
import { findCoalition, findUserByEmail, membershipsOf } from '../../db/repos/accounts.ts';
import { verifyPassword } from '../../auth/passwords.ts';
import { endSession, startSession } from '../../auth/sessions.ts';
import { knownDeviceOf, rememberThisDevice } from '../../auth/devices.ts';
import { HttpError, unauthenticated } from '../../http/errors.ts';
import { can, mayManageMember } from '../../auth/policy.ts';
import { hasSecondFactor, verifySecondFactor } from '../../auth/second-factor.ts';
import type { SessionView } from '../../db/repos/accounts.ts';

const invalidCredentials = () =>
  // Deliberately the same for an unknown email and a wrong password.
  new HttpError(401, { error: 'invalid_credentials', message: 'Email or password is not right.' });
const slowDown = (waitMs: number) => {
  const wait =
    waitMs < 60_000
      ? `${Math.ceil(waitMs / 1000)} seconds`
      : `${Math.ceil(waitMs / 60_000)} minutes`;
  return new HttpError(429, {
    error: 'rate_limited',
    message: `Too many failed sign-ins with this email. Try again in ${wait}, or from a device you signed in with before.`,
  });
};

const secondFactorRequired = () =>
  new HttpError(401, {
    error: 'second_factor_required',
    message: 'code: enter the six digits from your authenticator app (or a recovery code).',
    fields: [{ field: 'code', code: 'required', message: 'is required for this account' }],
  });
const invalidSecondFactor = () =>
  new HttpError(401, {
    error: 'invalid_second_factor',
    message: 'code: not the current code, nor an unused recovery code.',
    fields: [{ field: 'code', code: 'incorrect', message: 'is not right' }],
  });

async function presentMe(ctx: AppContext, s: Omit<SessionView, 'tokenHash'>): Promise<Me> {
  const coalition = await findCoalition(ctx.db, s.coalitionId);
  if (!coalition) throw unauthenticated();
  const actor = { kind: 'user', ...s } as const;
  return {
    user: { id: s.userId, email: s.email, displayName: s.displayName },
    coalition: { id: coalition.id, name: coalition.name, isDemo: coalition.isDemo },
    role: s.role,
    organisationId: s.organisationId,
    can: {
      createOrganisation: can(actor, 'create', 'organisation', {
        coalitionId: s.coalitionId,
        owningOrganisationId: null,
        visibility: 'coalition',
      }),
      manageMembers: mayManageMember(actor, 'read', { coalitionId: s.coalitionId, role: 'viewer' }),
    },
  };
}

export function authRoutes(app: App, ctx: AppContext): void {
  app.post(
    '/api/auth/login',
    {
      config: {
        policy: { kind: 'open', why: 'signing in' },
        rateLimit: { max: ctx.loginAttemptsPerMinute, timeWindow: '1 minute' },
      },
      schema: {
        tags: ['auth'],
        summary: 'Sign in; sets an HttpOnly session cookie',
        body: LoginRequest,
        response: { 200: Me, 401: ErrorBody, 429: ErrorBody },
      },
    },
    async (request, reply) => {
      const { email, password, code } = request.body;
      const now = ctx.now();
      const t = now.getTime();
      const user = await findUserByEmail(ctx.db, email);
      // Guesses from devices the account never signed in from share one back-off per email (known
      // or not: the answer must not tell); a device the owner used before has its own, so strangers
      // cannot lock the owner out. No per-address lock: a whole venue shares one address.
      const device = await knownDeviceOf(ctx.db, request, user?.id);
      const key = device ? `device:${user?.id}:${device}` : `email:${email.trim().toLowerCase()}`;
      const wait = await ctx.loginBackOff.waitMs(key, t);
      if (wait > 0) {
        reply.header('retry-after', String(Math.ceil(wait / 1000)));
        throw slowDown(wait);
      }
      const ok = await verifyPassword(user?.password_hash, password);
      const membership = user && (await membershipsOf(ctx.db, user.id))[0];
      if (!ok || !user || !membership) {
        await ctx.loginBackOff.recordFailure(key, t);
        throw invalidCredentials();
      }
      // The second factor is asked for only once the password is right; a wrong code counts as a
      // failed sign-in (the same back-off stops guessing the six digits).
      if (await hasSecondFactor(ctx.db, user.id)) {
        if (code === undefined) throw secondFactorRequired();
        if (!(await verifySecondFactor(ctx.db, user.id, code, now))) {
          await ctx.loginBackOff.recordFailure(key, t);
          throw invalidSecondFactor();
        }
      }
      await ctx.loginBackOff.clear(key);
      await rememberThisDevice(ctx.db, request, reply, user.id, now);
      await startSession(
        ctx.db,
        reply,
        request,
        { userId: user.id, coalitionId: membership.coalition_id },
        now,
      );
      return presentMe(ctx, {
        userId: user.id,
        email: user.email,
        displayName: user.display_name,
        coalitionId: membership.coalition_id,
        role: membership.role,
        organisationId: membership.organisation_id,
      });
    },
  );

  app.post(
    '/api/auth/logout',
    {
      config: { policy: { kind: 'open', why: 'ends whatever session the cookie names' } },
      schema: { tags: ['auth'], summary: 'Sign out', response: { 200: Ok } },
    },
    async (request, reply) => {
      const ended = await endSession(ctx.db, request, reply);
      // Its WebSockets and SSE streams close now, not when they next write.
      if (ended) ctx.liveSessions.sessionEnded(ended);
      return { ok: true as const };
    },
  );

  app.get(
    '/api/auth/me',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['auth'],
        summary: 'The signed-in user',
        response: { 200: Me, 401: ErrorBody },
      },
    },
    async (request) => {
      const s = request.session;
      if (!s) throw unauthenticated();
      return presentMe(ctx, s);
    },
  );
}
