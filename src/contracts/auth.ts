import { z } from 'zod';
import { route } from './route';
import { ROLES } from './roles';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'auth';

export const Email = z.email({ error: 'must be an email address' }).max(254).trim();
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
  organization: z.object({ name: Name }),
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
});
export type Me = z.infer<typeof MeSchema>;

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

// ---------- routes ----------

const tags = ['identity'];
// The demo clinic's owner; `custos demo` prints the password its people share (random each time).
const DEMO_OWNER = 'dana@riverside-clinic.example';
const DEMO_PASSWORD = 'quiet heron lantern 42';

/** Setup, sign-in and the signed-in person's own sessions, second factor, password and tokens. */
export const authRoutes = {
  setupState: route({
    method: 'GET',
    path: '/api/setup',
    tags,
    summary: 'Whether first-run setup is needed',
    permission: 'setup.read',
    response: SetupStateSchema,
  }),
  setup: route({
    method: 'POST',
    path: '/api/setup',
    tags,
    summary: 'Create the first organization and its owner',
    permission: 'setup.complete',
    body: SetupBodySchema,
    status: 201,
    audits: ['setup.completed', 'organization.created', 'user.created', 'membership.created'],
    example: () => ({
      organization: { name: 'Riverside Family Clinic' },
      owner: { name: 'Dana Whitfield', email: DEMO_OWNER, password: DEMO_PASSWORD },
    }),
    invalidates: ['organizations'],
  }),
  signIn: route({
    method: 'POST',
    path: '/api/auth/sign-in',
    tags,
    summary: 'Sign in with email and password',
    permission: 'auth.sign_in',
    body: SignInBodySchema,
    response: SignInResultSchema,
    // With MFA on, the sign-in is recorded once the code is accepted (POST /api/auth/mfa).
    audits: ['auth.signed_in'],
    example: () => ({ email: DEMO_OWNER, password: DEMO_PASSWORD }),
  }),
  signOut: route({
    method: 'POST',
    path: '/api/auth/sign-out',
    tags,
    summary: 'End this session',
    permission: 'auth.sign_out',
    status: 204,
    audits: ['auth.signed_out'],
  }),
  signOutEverywhere: route({
    method: 'POST',
    path: '/api/auth/sign-out-everywhere',
    tags,
    summary: 'End every session of this account (and, when asked, revoke its API tokens)',
    permission: 'auth.sign_out',
    body: SignOutEverywhereBodySchema,
    status: 204,
    audits: ['auth.signed_out_everywhere', 'token.revoked'],
    example: () => ({ revokeTokens: false }),
  }),
  session: route({
    method: 'GET',
    path: '/api/auth/session',
    tags,
    summary: 'When this session ends, without counting as activity',
    permission: 'auth.session.read',
    response: SessionInfoSchema,
  }),
  me: route({
    method: 'GET',
    path: '/api/me',
    tags,
    summary: 'The signed-in user and their organizations',
    permission: 'me.read',
    response: MeSchema,
  }),
  switchOrganization: route({
    method: 'POST',
    path: '/api/me/organization',
    tags,
    summary: 'Switch the active organization',
    permission: 'me.organization.switch',
    body: SwitchOrganizationBodySchema,
    status: 204,
    audits: ['auth.signed_in'],
    example: (id) => ({ orgId: id('orgId') }),
  }),
  sessions: route({
    method: 'GET',
    path: '/api/me/sessions',
    tags,
    summary: 'My open sessions',
    permission: 'me.sessions.manage',
    response: SessionListSchema,
  }),
  endSession: route({
    method: 'DELETE',
    path: '/api/me/sessions/:sessionId',
    tags,
    summary: 'End one of my sessions',
    permission: 'me.sessions.manage',
    params: z.object({ sessionId: z.uuid() }),
    status: 204,
    audits: ['session.revoked'],
  }),

  // second factor
  verifyMfa: route({
    method: 'POST',
    path: '/api/auth/mfa',
    tags,
    summary: 'Finish signing in with an authenticator or recovery code',
    permission: 'auth.mfa.verify',
    body: MfaCodeBodySchema,
    status: 204,
    audits: ['auth.signed_in', 'mfa.recovery_code_used'],
    example: () => ({ code: '492039' }),
  }),
  reauthenticate: route({
    method: 'POST',
    path: '/api/auth/reauthenticate',
    tags,
    summary: 'Confirm the password (and code) before a sensitive action',
    permission: 'auth.reauthenticate',
    body: ReauthenticateBodySchema,
    status: 204,
    audits: ['auth.reauthenticated'],
    example: () => ({ password: DEMO_PASSWORD }),
  }),
  startTotp: route({
    method: 'POST',
    path: '/api/me/mfa/totp',
    tags,
    summary: 'Start setting up an authenticator app',
    permission: 'me.mfa.manage',
    response: TotpEnrolmentSchema,
    // Writes no audit event: the secret waits, unused, until the code confirms it (confirmTotp).
  }),
  confirmTotp: route({
    method: 'POST',
    path: '/api/me/mfa/totp/confirm',
    tags,
    summary: 'Confirm the authenticator with a code; returns recovery codes once',
    permission: 'me.mfa.manage',
    body: MfaCodeBodySchema,
    response: RecoveryCodesSchema,
    audits: ['mfa.enabled', 'mfa.recovery_codes_generated'],
    example: () => ({ code: '492039' }),
  }),
  disableTotp: route({
    method: 'DELETE',
    path: '/api/me/mfa/totp',
    tags,
    summary: 'Turn two-factor authentication off (needs a current or recovery code)',
    permission: 'me.mfa.manage',
    body: MfaCodeBodySchema,
    status: 204,
    audits: ['mfa.disabled', 'mfa.recovery_code_used'],
    example: () => ({ code: 'k7pm2-x9qrt' }),
  }),
  regenerateRecoveryCodes: route({
    method: 'POST',
    path: '/api/me/mfa/recovery-codes',
    tags,
    summary: 'Replace the recovery codes',
    permission: 'me.mfa.manage',
    response: RecoveryCodesSchema,
    audits: ['mfa.recovery_codes_generated'],
  }),

  // passwords
  changePassword: route({
    method: 'POST',
    path: '/api/me/password',
    tags,
    summary: 'Change my password (other sessions end)',
    permission: 'me.password.change',
    body: PasswordChangeBodySchema,
    status: 204,
    audits: ['user.password_changed'],
    example: () => ({
      currentPassword: DEMO_PASSWORD,
      newPassword: 'heron lantern orchard meadow',
    }),
  }),
  requestPasswordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset',
    tags,
    summary: 'Email a reset link (answers 202 whether or not the account exists)',
    permission: 'auth.password_reset',
    body: PasswordResetRequestBodySchema,
    status: 202,
    // Written after the answer, and only when the address has an account.
    audits: ['user.password_reset_requested'],
    example: () => ({ email: DEMO_OWNER }),
    // The link waits in the outbox when there is no SMTP.
    invalidates: ['organizations'],
  }),
  completePasswordReset: route({
    method: 'POST',
    path: '/api/auth/password-reset/complete',
    tags,
    summary: 'Set a new password from a reset link (sessions end; API tokens too, unless kept)',
    permission: 'auth.password_reset',
    body: PasswordResetCompleteBodySchema,
    status: 204,
    audits: ['user.password_changed', 'token.revoked'],
    example: () => ({
      token: 'Jx0cY2lX3m9pQ7tR4vW8zA1bC5dE6fG',
      password: 'heron lantern orchard meadow',
    }),
  }),

  // API tokens
  tokens: route({
    method: 'GET',
    path: '/api/me/tokens',
    tags,
    summary: 'My API tokens',
    permission: 'me.tokens.manage',
    response: ApiTokenListSchema,
  }),
  createToken: route({
    method: 'POST',
    path: '/api/me/tokens',
    tags,
    summary: 'Create an API token (the secret is shown once)',
    permission: 'me.tokens.manage',
    body: TokenCreateBodySchema,
    status: 201,
    response: CreatedTokenSchema,
    audits: ['token.created'],
    example: (id) => ({
      orgId: id('orgId'),
      name: 'EHR access-log shipper',
      role: 'auditor',
      expiresInDays: 90,
    }),
  }),
  revokeToken: route({
    method: 'DELETE',
    path: '/api/me/tokens/:tokenId',
    tags,
    summary: 'Revoke an API token',
    permission: 'me.tokens.manage',
    params: z.object({ tokenId: z.uuid() }),
    status: 204,
    audits: ['token.revoked'],
  }),
};
