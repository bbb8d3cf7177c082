import { z } from 'zod';

export const RoleSchema = z.enum(['admin', 'coordinator', 'member', 'viewer']);
export type RoleValue = z.infer<typeof RoleSchema>;

export const LoginRequest = z
  .object({
    email: z.string().trim().toLowerCase().email('must be an email address').max(254),
    password: z.string().min(1, 'must not be empty').max(1024),
    /** The second factor, when the account has one: six digits from the app, or a recovery code. */
    code: z.string().trim().min(1).max(32).optional(),
  })
  .strict();
export type LoginRequest = z.infer<typeof LoginRequest>;

export const Me = z
  .object({
    user: z.object({ id: z.string(), email: z.string(), displayName: z.string() }),
    coalition: z.object({ id: z.string(), name: z.string(), isDemo: z.boolean() }),
    role: RoleSchema,
    organisationId: z.string().nullable(),
    /** What the caller may do, so the interface never has to guess (the server still checks). */
    can: z.object({ createOrganisation: z.boolean(), manageMembers: z.boolean() }),
  })
  .meta({ id: 'Me' });
export type Me = z.infer<typeof Me>;

export const Health = z.object({ status: z.literal('ok') });
export const Ok = z.object({ ok: z.literal(true) });

/** Whether this server holds the fictional demo coalition, whose admin's password is published. */
export const DemoNotice = z
  .object({
    demo: z
      .object({ email: z.string(), password: z.string() })
      .nullable()
      .describe('The demo admin login, shown on the sign-in page; null when there is no demo'),
  })
  .meta({ id: 'DemoNotice' });
export type DemoNotice = z.infer<typeof DemoNotice>;
