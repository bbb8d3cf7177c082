import { Ok } from '../../../contract/auth.ts';
import { ErrorBody } from '../../../contract/common.ts';
import { SetupRequest, SetupStatus } from '../../../contract/setup.ts';
import type { App, AppContext } from '../../context.ts';
import { hashPassword } from '../../auth/passwords.ts';
import { startSession } from '../../auth/sessions.ts';
import {
  anyAdmin,
  findCoalitionBySlug,
  findUserByEmail,
  insertCoalition,
  insertMembership,
  insertUser,
  listCoalitionNames,
} from '../../db/repos/accounts.ts';
import { HttpError } from '../../http/errors.ts';
import { slugify } from '../../auth/first-admin.ts';

const tags = ['setup'];

const closed = () =>
  new HttpError(404, {
    error: 'setup_closed',
    message:
      'Mosaic is already set up: sign in. (The set-up link works once, and only until an admin exists.)',
  });

/** Whether the first-run page is open: a token was printed and still no coalition has an admin. */
export async function setupOpen(ctx: AppContext): Promise<boolean> {
  if (!ctx.setup.open) return false;
  if (await anyAdmin(ctx.db)) {
    ctx.setup.close(); // an admin was made another way (the CLI, another instance)
    return false;
  }
  return true;
}

/**
 * First run in the browser (auth/setup.ts): `GET /api/setup` says whether the page is open;
 * `POST /api/setup` with the printed token creates the first admin — and the coalition, unless
 * one of that name exists without an admin — and signs them in. The token then stops working.
 */
export function setupRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/setup',
    {
      config: { policy: { kind: 'open', why: 'first run: whether the set-up page is open' } },
      schema: {
        tags,
        summary: 'Whether this server waits for its first admin',
        response: { 200: SetupStatus },
      },
    },
    async () => {
      const open = await setupOpen(ctx);
      return {
        open,
        coalitions: open ? (await listCoalitionNames(ctx.db)).map((c) => c.name) : [],
      };
    },
  );

  app.post(
    '/api/setup',
    {
      config: {
        policy: { kind: 'open', why: 'first run: the printed set-up token is the credential' },
        rateLimit: { max: 20, timeWindow: '1 minute' },
      },
      schema: {
        tags,
        summary: 'Create the first admin (and coalition) with the one-time set-up token',
        body: SetupRequest,
        response: { 200: Ok, 403: ErrorBody, 404: ErrorBody, 409: ErrorBody },
      },
    },
    async (request, reply) => {
      if (!(await setupOpen(ctx))) throw closed();
      const body = request.body;
      const claim = ctx.setup.claim(body.token);
      if (!claim)
        throw new HttpError(403, {
          error: 'setup_token_wrong',
          message:
            'This is not the set-up link the server printed. Copy the whole link from the console where Mosaic was started.',
        });
      let made: { userId: string; coalitionId: string };
      try {
        if (await findUserByEmail(ctx.db, body.email))
          throw new HttpError(409, {
            error: 'email_taken',
            message: `An account for ${body.email} already exists: choose another email.`,
            fields: [{ field: 'email', message: 'is already in use' }],
          });
        const passwordHash = await hashPassword(body.password);
        const at = ctx.now().toISOString();
        const slug = slugify(body.coalition);
        made = await ctx.db.transaction().execute(async (trx) => {
          const existing = await findCoalitionBySlug(trx, slug);
          const coalitionId =
            existing?.id ??
            (await insertCoalition(trx, { name: body.coalition, slug, isDemo: false }, at));
          const userId = await insertUser(
            trx,
            { email: body.email, displayName: body.name, passwordHash },
            at,
          );
          await insertMembership(
            trx,
            { userId, coalitionId, role: 'admin', organisationId: null },
            at,
          );
          return { userId, coalitionId };
        });
      } catch (err) {
        claim.release();
        throw err;
      }
      await startSession(ctx.db, reply, request, made, ctx.now());
      request.log.info({ event: 'setup_done' }, 'the first admin was created in the browser');
      return { ok: true as const };
    },
  );
}
