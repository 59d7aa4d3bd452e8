import { z } from 'zod';
import { TimeZone } from './common';
import { ROLES } from './roles';
import { PasswordResetNoticeSchema } from './password-reset-notices';

// The auth feature's schemas: bodies and answers of setup, sign-in, sessions, MFA, passwords and
// tokens (re-exported by contracts/auth.ts, which holds its routes).
export const Email = z.email({ error: 'must look like name@example.com' }).max(254).trim();
export const Name = z.string().trim().min(1, { error: 'is required' }).max(200);
// Length only here: the password policy (length, common passwords) runs in the service so that
// its message can say why a password is refused.
export const Password = z.string().max(1024, { error: 'must be at most 1024 characters' });
// Tokens (invitation, reset) travel in bodies, never in paths: paths are logged.
export const LinkToken = z
  .string()
  .trim()
  .min(20, { error: 'is not an invitation token' })
  .max(200);

export const SetupStateSchema = z.object({ needed: z.boolean() });

export const SetupBodySchema = z.object({
  organization: z.object({
    name: Name,
    timeZone: TimeZone.optional().describe("Its IANA time zone; the browser's by default"),
  }),
  owner: z.object({ name: Name, email: Email, password: Password }),
});
export type SetupBody = z.infer<typeof SetupBodySchema>;

export const SignInBodySchema = z.object({
  email: z.string().trim().min(1, { error: 'is required' }).max(254),
  password: z.string().min(1, { error: 'is required' }).max(1024),
});
export type SignInBody = z.infer<typeof SignInBodySchema>;

export const SignInResultSchema = z.object({
  mfaRequired: z
    .boolean()
    .describe('True when a code from the authenticator app must follow (POST /api/auth/mfa)'),
});

const Code = z.string().trim().min(1, { error: 'is required' }).max(32);
export const MfaCodeBodySchema = z.object({ code: Code });
export const ReauthenticateBodySchema = z.object({
  password: z.string().min(1, { error: 'is required' }).max(1024),
  code: Code.optional(),
});
export const TotpEnrolmentSchema = z.object({
  secret: z.string().describe('Base32 secret, for typing into the app by hand'),
  otpauthUri: z.string(),
  qrCode: z.string().describe('PNG data URL of the otpauth URI'),
});
export const RecoveryCodesSchema = z.object({ recoveryCodes: z.array(z.string()) });

export const MembershipSummarySchema = z.object({
  orgId: z.string(),
  orgName: z.string(),
  role: z.enum(ROLES),
  accessExpiresAt: z.iso.datetime().nullable(),
  mfaRequired: z.boolean(),
  timeZone: z.string().describe("The organization's IANA time zone: dates are shown in it"),
});
export type MembershipSummary = z.infer<typeof MembershipSummarySchema>;

export const SessionInfoSchema = z.object({
  activeOrgId: z.string().nullable(),
  authenticatedAt: z.iso
    .datetime()
    .describe('Last password (and code) check; sensitive actions need it within 10 minutes'),
  idleTimeoutMinutes: z.number().int(),
  idleExpiresAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
});

export const MeSchema = z.object({
  user: z.object({ id: z.string(), email: z.string(), name: z.string(), mfaEnabled: z.boolean() }),
  memberships: z.array(MembershipSummarySchema),
  session: SessionInfoSchema,
  /** Reset links others issued for this account that the person has not acknowledged yet. */
  passwordResetNotices: z.array(PasswordResetNoticeSchema),
  endedAccess: z
    .array(
      z.object({
        orgName: z.string(),
        endedAt: z.iso.datetime(),
        timeZone: z.string().describe("The organization's IANA time zone"),
      }),
    )
    .describe(
      "Organizations where the user's access ended with their employment: names only, no records",
    ),
});
export type Me = z.infer<typeof MeSchema>;

/**
 * Whether this browser is signed in, and as whom: answered 200 either way, so that a visitor who
 * is not signed in is no error (the browser logs every 401 in its console).
 */
export const SignedInStateSchema = z.discriminatedUnion('signedIn', [
  z.object({ signedIn: z.literal(false) }),
  z.object({ signedIn: z.literal(true), me: MeSchema }),
]);
export type SignedInState = z.infer<typeof SignedInStateSchema>;

export const SwitchOrganizationBodySchema = z.object({
  orgId: z.uuid({ error: 'must be an organization id' }),
});

export const SessionListSchema = z.object({
  data: z.array(
    z.object({
      id: z.string(),
      current: z.boolean(),
      createdAt: z.iso.datetime(),
      lastSeenAt: z.iso.datetime(),
      ip: z.string().nullable(),
      userAgent: z.string().nullable(),
    }),
  ),
});

export const TokenCreateBodySchema = z.object({
  orgId: z.uuid({ error: 'must be an organization id' }),
  name: z.string().trim().min(1, { error: 'is required' }).max(100),
  role: z.enum(ROLES, { error: 'must be one of the roles' }),
  expiresInDays: z
    .number({ error: 'must be a number of days' })
    .int()
    .min(1, { error: 'must be at least 1 day' })
    .max(365, { error: 'must be at most 365 days' })
    .default(90),
});
export type TokenCreateBody = z.infer<typeof TokenCreateBodySchema>;

export const ApiTokenSchema = z.object({
  id: z.string(),
  orgId: z.string(),
  name: z.string(),
  role: z.enum(ROLES),
  prefix: z.string().describe('First characters, to recognise the token'),
  createdAt: z.iso.datetime(),
  expiresAt: z.iso.datetime(),
  lastUsedAt: z.iso.datetime().nullable(),
});
export const ApiTokenListSchema = z.object({ data: z.array(ApiTokenSchema) });
export const CreatedTokenSchema = ApiTokenSchema.extend({
  token: z.string().describe('Shown once: store it now'),
});

export const PasswordChangeBodySchema = z.object({
  currentPassword: z.string().min(1, { error: 'is required' }).max(1024),
  newPassword: Password,
});
export const PasswordResetRequestBodySchema = z.object({ email: Email });
export const PasswordResetCompleteBodySchema = z.object({
  token: LinkToken,
  password: Password,
  // On by default: a reset often follows a compromise, and a token outlives every session.
  revokeTokens: z
    .boolean()
    .default(true)
    .describe('Also revoke every API token of the account (default true)'),
});
export const SignOutEverywhereBodySchema = z
  .object({
    revokeTokens: z
      .boolean()
      .default(false)
      .describe('Also revoke every API token of the account (default false)'),
  })
  // No body at all (Fastify passes null) keeps the tokens.
  .nullish();
