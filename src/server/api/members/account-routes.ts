import { Ok } from '../../../contract/auth.ts';
import { ErrorBody } from '../../../contract/common.ts';
import {
  AcceptInvitation,
  InvitationPreview,
  MyLanguage,
  RecoveryCodes,
  ResetComplete,
  ResetRequest,
  SecondFactorStatus,
  TokenBody,
  TotpCode,
  TotpSetup,
} from '../../../contract/members.ts';
import type { App, AppContext } from '../../context.ts';
import {
  beginEnrolment,
  confirmEnrolment,
  hasSecondFactor,
  disableSecondFactor,
} from '../../auth/second-factor.ts';
import { setUserLanguage } from '../../db/repos/accounts.ts';
import { HttpError, unauthenticated } from '../../http/errors.ts';
import { acceptInvitation, completeReset, previewInvitation, requestReset } from './account.ts';

const wrongCode = () =>
  new HttpError(422, {
    error: 'invalid_code',
    message: 'code: not the code your app shows now (check the device’s clock).',
    fields: [{ field: 'code', code: 'incorrect', message: 'is not the current code' }],
  });

/** Invitation and reset links (open: the token is the credential) and the second factor. */
export function accountRoutes(app: App, ctx: AppContext): void {
  // Link pages are opened by people without an account: throttled per address like signing in.
  const linkLimit = { max: ctx.loginAttemptsPerMinute, timeWindow: '1 minute' };
  app.post(
    '/api/invitations/preview',
    {
      config: {
        policy: { kind: 'open', why: 'the invitation link is the credential' },
        rateLimit: linkLimit,
      },
      schema: {
        tags: ['account'],
        summary:
          'What an invitation link invites to (the token travels in the body, never the URL)',
        body: TokenBody,
        response: { 200: InvitationPreview, 404: ErrorBody },
      },
    },
    async (request) => previewInvitation(ctx, request.body.token),
  );

  app.post(
    '/api/invitations/accept',
    {
      config: {
        policy: { kind: 'open', why: 'the invitation link is the credential' },
        rateLimit: linkLimit,
      },
      schema: {
        tags: ['account'],
        summary: 'Join with an invitation link: set a password (or confirm an existing account’s)',
        body: AcceptInvitation,
        response: { 200: Ok, 401: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      await acceptInvitation(ctx, request.body);
      return { ok: true as const };
    },
  );

  app.post(
    '/api/auth/reset/request',
    {
      config: { policy: { kind: 'open', why: 'a forgotten password' }, rateLimit: linkLimit },
      schema: {
        tags: ['account'],
        summary: 'Email a password-reset link; answers the same whether or not the account exists',
        body: ResetRequest,
        response: { 202: Ok },
      },
    },
    async (request, reply) => {
      // All the work (finding the account, storing the token, sending) happens after the answer
      // is sent: neither the answer nor its timing can tell whether the account exists.
      const log = (err: unknown) => request.log.error({ err }, 'password reset failed');
      setImmediate(() => void requestReset(ctx, request.body.email).catch(log));
      return reply.code(202).send({ ok: true as const });
    },
  );

  app.post(
    '/api/auth/reset/complete',
    {
      config: {
        policy: { kind: 'open', why: 'the reset link is the credential' },
        rateLimit: linkLimit,
      },
      schema: {
        tags: ['account'],
        summary: 'Choose a new password with a reset link (ends every session of the account)',
        body: ResetComplete,
        response: { 200: Ok, 404: ErrorBody },
      },
    },
    async (request) => {
      await completeReset(ctx, request.body.token, request.body.password);
      return { ok: true as const };
    },
  );

  const userOf = (s: { session: { userId: string; email: string } | undefined }) => {
    if (!s.session) throw unauthenticated();
    return s.session;
  };

  app.put(
    '/api/auth/me/language',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['account'],
        summary:
          'Record the language the signed-in user chose in the app: the emails Mosaic sends them (password reset, follow-up digest) are written in it',
        body: MyLanguage,
        response: { 200: MyLanguage, 400: ErrorBody, 401: ErrorBody },
      },
    },
    async (request) => {
      await setUserLanguage(ctx.db, userOf(request).userId, request.body.language);
      return { language: request.body.language };
    },
  );

  app.get(
    '/api/auth/second-factor',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['account'],
        summary: 'Whether the signed-in user has a second factor',
        response: { 200: SecondFactorStatus, 401: ErrorBody },
      },
    },
    async (request) => ({ enabled: await hasSecondFactor(ctx.db, userOf(request).userId) }),
  );

  app.post(
    '/api/auth/second-factor/setup',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['account'],
        summary: 'Start TOTP enrolment: a new secret to scan (asked for only once confirmed)',
        response: { 200: TotpSetup, 401: ErrorBody, 409: ErrorBody },
      },
    },
    async (request) => {
      const user = userOf(request);
      if (await hasSecondFactor(ctx.db, user.userId))
        throw new HttpError(409, {
          error: 'second_factor_enabled',
          message: 'A second factor is already on; turn it off first to enrol a new device.',
        });
      return beginEnrolment(ctx.db, user, ctx.now());
    },
  );

  app.post(
    '/api/auth/second-factor/confirm',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['account'],
        summary: 'Confirm enrolment with a first code; answers ten single-use recovery codes once',
        body: TotpCode,
        response: { 200: RecoveryCodes, 401: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const user = userOf(request);
      const now = ctx.now();
      const codes = await confirmEnrolment(ctx.db, user.userId, request.body.code, now);
      if (!codes) throw wrongCode();
      return { recoveryCodes: codes };
    },
  );

  app.post(
    '/api/auth/second-factor/disable',
    {
      config: { policy: { kind: 'authenticated' } },
      schema: {
        tags: ['account'],
        summary: 'Turn the second factor off (needs a current code from the app)',
        body: TotpCode,
        response: { 200: Ok, 401: ErrorBody, 422: ErrorBody },
      },
    },
    async (request) => {
      const user = userOf(request);
      const now = ctx.now();
      if (!(await disableSecondFactor(ctx.db, user.userId, request.body.code, now)))
        throw wrongCode();
      return { ok: true as const };
    },
  );
}
