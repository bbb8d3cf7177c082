import { DemoNotice } from '../../../contract/auth.ts';
import type { App, AppContext } from '../../context.ts';
import { findCoalitionBySlug } from '../../db/repos/accounts.ts';
import { DEMO_LOGIN, DEMO_SLUG } from '../../demo-login.ts';

/**
 * The sign-in page says when this server holds the demo coalition: its admin's password is in the
 * README, so whoever reaches the server can sign in as it — the operator must see that at once.
 */
export function demoNoticeRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/auth/demo',
    {
      config: {
        policy: { kind: 'open', why: 'says whether the published demo login exists here' },
      },
      schema: {
        tags: ['auth'],
        summary: 'The demo login, when this server holds the fictional demo coalition',
        response: { 200: DemoNotice },
      },
    },
    async () => ({
      demo: (await findCoalitionBySlug(ctx.db, DEMO_SLUG)) ? { ...DEMO_LOGIN } : null,
    }),
  );
}
