import { SiteInfo } from '../../../contract/setup.ts';
import type { App, AppContext } from '../../context.ts';

/**
 * Where phones reach this server: the base of join links and QR codes. `PUBLIC_URL` when set,
 * else the LAN address `mosaic serve --lan` found; null means "the address this page was opened
 * at" (the console then warns when that is a loopback address no phone can open).
 */
export function siteRoutes(app: App, ctx: AppContext): void {
  app.get(
    '/api/site',
    {
      config: {
        policy: { kind: 'open', why: 'the public address of this server; reveals nothing' },
      },
      schema: {
        tags: ['system'],
        summary: 'The address phones join at (PUBLIC_URL or the LAN address)',
        response: { 200: SiteInfo },
      },
    },
    async () => ({ joinBase: ctx.site.joinBase ?? null }),
  );
}
