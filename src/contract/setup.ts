import { z } from 'zod';
import { Email, LinkToken, NewPassword } from './members.ts';
import { line } from './common.ts';

/** First run (no admin yet): whether the set-up page is open, and the coalitions that exist. */
export const SetupStatus = z.object({
  open: z.boolean(),
  /** Names of coalitions already there (made by an import or the CLI); empty on a fresh server. */
  coalitions: z.array(z.string()),
});
export type SetupStatus = z.infer<typeof SetupStatus>;

/**
 * The first admin, made in the browser with the one-time token the server printed. `coalition`
 * names the coalition to create, or one that exists and has no admin yet.
 */
export const SetupRequest = z
  .object({
    token: LinkToken,
    email: Email,
    name: line(120, 1),
    coalition: line(200, 1),
    password: NewPassword,
  })
  .strict();
export type SetupRequest = z.infer<typeof SetupRequest>;

/** Where phones join (GET /api/site): PUBLIC_URL or the LAN address; null: this page's origin. */
export const SiteInfo = z.object({ joinBase: z.string().nullable() });
export type SiteInfo = z.infer<typeof SiteInfo>;
