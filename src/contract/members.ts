import { z } from 'zod';
import { RoleSchema } from './auth.ts';
import { coded, format, Id, line } from './common.ts';
import { MAIL_LANGUAGES } from './constants.ts';

/** Passwords people choose: at least 10 characters (long beats complex), at most 1024. */
export const NewPassword = z
  .string()
  .min(10, 'must be at least 10 characters')
  .max(1024, 'must be at most 1024 characters');

export const Email = z.string().trim().toLowerCase().email('must be an email address').max(254);

/** A token from an invitation or reset link (43 base64url characters for 32 bytes). */
export const LinkToken = z
  .string()
  .regex(format(/^[A-Za-z0-9_-]{20,200}$/, 'token'), 'must be the token from the link');

export const Member = z
  .object({
    userId: z.string(),
    email: z.string(),
    displayName: z.string(),
    role: RoleSchema,
    organisationId: z.string().nullable(),
    suspended: z.boolean(),
    secondFactor: z.boolean(),
    since: z.string(),
    /** What the caller may do to this member (the server checks again). */
    can: z.object({ update: z.boolean(), remove: z.boolean() }),
  })
  .meta({ id: 'Member' });
export type Member = z.infer<typeof Member>;

export const Invitation = z
  .object({
    id: z.string(),
    email: z.string(),
    role: RoleSchema,
    organisationId: z.string().nullable(),
    createdAt: z.string(),
    expiresAt: z.string(),
  })
  .meta({ id: 'Invitation' });
export type Invitation = z.infer<typeof Invitation>;

export const MemberList = z.object({
  members: z.array(Member),
  invitations: z.array(Invitation),
  /** The roles the caller may give (a coordinator never gives `admin`). */
  grantableRoles: z.array(RoleSchema),
});
export type MemberList = z.infer<typeof MemberList>;

export const InviteRequest = z
  .object({
    email: Email,
    role: RoleSchema,
    organisationId: Id.nullable().default(null),
    language: z
      .enum(MAIL_LANGUAGES)
      .default('en')
      .describe('The language the invitation email is written in: the invitee’s.'),
  })
  .strict();
export type InviteRequest = z.input<typeof InviteRequest>;

/** The language a signed-in user chose in the app: Mosaic's emails to them are written in it. */
export const MyLanguage = z.object({ language: z.enum(MAIL_LANGUAGES) }).strict();
export type MyLanguage = z.infer<typeof MyLanguage>;

/**
 * The answer to an invitation: `emailed` when SMTP sent the link; otherwise `link` is shown once to
 * the inviter to pass on (it is never stored and cannot be shown again).
 */
export const InviteAnswer = z.object({
  invitation: Invitation,
  emailed: z.boolean(),
  link: z.string().optional(),
});
export type InviteAnswer = z.infer<typeof InviteAnswer>;

export const MemberPatch = z
  .object({
    role: RoleSchema.optional(),
    organisationId: Id.nullable().optional(),
    suspended: z.boolean().optional(),
  })
  .strict()
  .refine((p) => Object.keys(p).length > 0, coded('no_change', 'name at least one change'));
export type MemberPatch = z.infer<typeof MemberPatch>;

export const UserParams = z.object({ userId: Id });
export const InvitationParams = z.object({ invitationId: Id });

/** What the invitation page shows before the invitee chooses a password. */
export const InvitationPreview = z.object({
  coalitionName: z.string(),
  email: z.string(),
  role: RoleSchema,
  /** The email already has an account: the invitee confirms with its password, sets none. */
  existingAccount: z.boolean(),
});
export type InvitationPreview = z.infer<typeof InvitationPreview>;

export const TokenBody = z.object({ token: LinkToken }).strict();

export const AcceptInvitation = z
  .object({ token: LinkToken, password: NewPassword, displayName: line(120).optional() })
  .strict();
export type AcceptInvitation = z.infer<typeof AcceptInvitation>;

export const ResetRequest = z.object({ email: Email }).strict();
export const ResetComplete = z.object({ token: LinkToken, password: NewPassword }).strict();

export const TotpSetup = z.object({
  /** Base32 secret, for typing into an app that cannot scan. */
  secret: z.string(),
  /** otpauth:// URI, drawn as a QR code by the page. */
  uri: z.string(),
});
export type TotpSetup = z.infer<typeof TotpSetup>;

export const TotpCode = z
  .object({
    code: z
      .string()
      .trim()
      .regex(format(/^\d{6}$/, 'six_digits'), 'must be the 6 digits from your app'),
  })
  .strict();

export const RecoveryCodes = z.object({ recoveryCodes: z.array(z.string()) });
export type RecoveryCodes = z.infer<typeof RecoveryCodes>;

export const SecondFactorStatus = z.object({ enabled: z.boolean() });
