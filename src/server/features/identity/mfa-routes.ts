import {
  MfaCodeBodySchema,
  ReauthenticateBodySchema,
  RecoveryCodesSchema,
  TotpEnrolmentSchema,
} from '../../../contracts/identity';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import { setSessionCookie } from '../../platform/auth/hooks';
import type { AppDeps } from '../../platform/deps';
import { principalOf } from '../../platform/auth/principal';
import {
  completeSignIn,
  confirmTotpEnrolment,
  disableTotp,
  reauthenticate,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './service/mfa';

const tags = ['identity'];

export function registerMfaRoutes(app: App, deps: AppDeps): void {
  app.post(
    '/api/auth/mfa',
    {
      config: { permission: 'auth.mfa.verify' },
      schema: {
        tags,
        summary: 'Finish signing in with an authenticator or recovery code',
        body: MfaCodeBodySchema,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const token = await completeSignIn(
        deps,
        auditContextOf(request),
        principal,
        request.body.code,
      );
      setSessionCookie(request, reply, token, principal.expiresAt, deps.clock.now());
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/reauthenticate',
    {
      config: { permission: 'auth.reauthenticate' },
      schema: {
        tags,
        summary: 'Confirm the password (and code) before a sensitive action',
        body: ReauthenticateBodySchema,
      },
    },
    async (request, reply) => {
      await reauthenticate(deps, auditContextOf(request), principalOf(request), request.body);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/mfa/totp',
    {
      config: { permission: 'me.mfa.manage' },
      schema: {
        tags,
        summary: 'Start setting up an authenticator app',
        response: { 200: TotpEnrolmentSchema },
      },
    },
    async (request) => startTotpEnrolment(deps, principalOf(request)),
  );

  app.post(
    '/api/me/mfa/totp/confirm',
    {
      config: { permission: 'me.mfa.manage' },
      schema: {
        tags,
        summary: 'Confirm the authenticator with a code; returns recovery codes once',
        body: MfaCodeBodySchema,
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => ({
      recoveryCodes: await confirmTotpEnrolment(
        deps,
        auditContextOf(request),
        principalOf(request),
        request.body.code,
      ),
    }),
  );

  app.delete(
    '/api/me/mfa/totp',
    {
      config: { permission: 'me.mfa.manage' },
      schema: {
        tags,
        summary: 'Turn two-factor authentication off (needs a current or recovery code)',
        body: MfaCodeBodySchema,
      },
    },
    async (request, reply) => {
      await disableTotp(deps, auditContextOf(request), principalOf(request), request.body.code);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/me/mfa/recovery-codes',
    {
      config: { permission: 'me.mfa.manage' },
      schema: {
        tags,
        summary: 'Replace the recovery codes',
        response: { 200: RecoveryCodesSchema },
      },
    },
    async (request) => ({
      recoveryCodes: await regenerateRecoveryCodes(
        deps,
        auditContextOf(request),
        principalOf(request),
      ),
    }),
  );
}
