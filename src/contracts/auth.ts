import { z } from 'zod';
import { route } from './route';
import {
  SetupStateSchema,
  SetupBodySchema,
  SignInBodySchema,
  SignInResultSchema,
  MfaCodeBodySchema,
  ReauthenticateBodySchema,
  TotpEnrolmentSchema,
  RecoveryCodesSchema,
  SessionInfoSchema,
  MeSchema,
  SignedInStateSchema,
  SwitchOrganizationBodySchema,
  SessionListSchema,
  TokenCreateBodySchema,
  ApiTokenListSchema,
  CreatedTokenSchema,
  PasswordChangeBodySchema,
  PasswordResetRequestBodySchema,
  PasswordResetCompleteBodySchema,
  SignOutEverywhereBodySchema,
} from './auth-schemas';
import type { Grant } from './grants';

export * from './auth-schemas';

/** Names this feature's folders under src/server/features and src/web/features. */
export const feature = 'auth';

/** Who may use what this feature offers (assembled into PERMISSIONS, contracts/permissions.ts). */
export const permissions = {
  'setup.read': 'public',
  'setup.complete': 'public',
  'auth.sign_in': 'public',
  'auth.sign_out': 'authenticated',
  'auth.mfa.verify': 'authenticated',
  'auth.reauthenticate': 'authenticated',
  'me.mfa.manage': 'authenticated',
  'me.tokens.manage': 'authenticated',
  'me.password.change': 'authenticated',
  'auth.password_reset': 'public',
  'auth.session.read': 'authenticated',
  'me.read': 'authenticated',
  // Anyone may ask whether they are signed in; the answer names only the caller.
  'auth.state.read': 'public',
  'me.sessions.manage': 'authenticated',
  'me.organization.switch': 'authenticated',
} as const satisfies Record<string, Grant>;

/** The audit actions this feature writes (assembled into AUDIT_ACTIONS, contracts/audit-actions.ts). */
export const auditActions = [
  'setup.completed',
  'auth.signed_in',
  'auth.sign_in_failed',
  'auth.locked_out',
  'auth.signed_out',
  'auth.signed_out_everywhere',
  'auth.session_expired',
  'auth.mfa_failed',
  'auth.reauthenticated',
  'mfa.enrollment_started',
  'mfa.enabled',
  'mfa.disabled',
  'mfa.recovery_codes_generated',
  'mfa.recovery_code_used',
  'session.revoked',
  'user.created',
  'user.password_changed',
  'user.password_reset_requested',
  'token.created',
  'token.revoked',
] as const;

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
  state: route({
    method: 'GET',
    path: '/api/auth/state',
    tags,
    summary:
      'Whether this browser is signed in, and as whom (200 either way; an API token is no person signed in)',
    permission: 'auth.state.read',
    response: SignedInStateSchema,
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
    audits: ['mfa.enrollment_started'],
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
