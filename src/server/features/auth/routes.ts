import type { FastifyReply, FastifyRequest } from 'fastify';
import { authRoutes } from '../../../contracts/auth';
import { auditContextOf } from '../../platform/auth/context';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/hooks';
import { principalOf } from '../../platform/auth/principal';
import type { AppDeps } from '../../platform/deps';
import type { App } from '../../platform/http/app';
import { registerRoutes } from '../../platform/http/contract-routes';
import { presentSessionInfo } from './presenter';
import {
  completeSignIn,
  confirmTotpEnrolment,
  disableTotp,
  reauthenticate,
  regenerateRecoveryCodes,
  startTotpEnrolment,
} from './service/mfa';
import { acknowledgePasswordResetNotices } from './service/issued-reset';
import { changePassword, completePasswordReset, queuePasswordReset } from './service/password';
import {
  getMe,
  getSignedInState,
  listSessions,
  revokeOwnSession,
  signOut,
  switchOrganization,
} from './service/session';
import { completeSetup, setupState } from './service/setup';
import { signIn } from './service/sign-in';
import { createToken, listTokens, revokeToken } from './service/tokens';

export function registerAuthRoutes(app: App, deps: AppDeps): void {
  // The session cookie: set on sign-in and on every change of session token, cleared on sign-out.
  const keep = (request: FastifyRequest, reply: FastifyReply, token: string, expiresAt: string) => {
    setSessionCookie(request, reply, token, expiresAt, deps.clock.now());
  };
  const caller = (request: FastifyRequest) =>
    [deps, auditContextOf(request), principalOf(request)] as const;

  registerRoutes(
    app,
    authRoutes,
    {
      setupState: () => setupState(deps),
      setup: async (request, reply) => {
        const result = await completeSetup(deps, auditContextOf(request), request.body);
        keep(request, reply, result.token, result.session.expires_at);
        return { orgId: result.orgId, userId: result.userId };
      },
      signIn: async (request, reply) => {
        const result = await signIn(deps, auditContextOf(request), request.body);
        keep(request, reply, result.token, result.session.expires_at);
        return { mfaRequired: result.mfaRequired };
      },
      signOut: async (request, reply) => {
        await signOut(...caller(request), { everywhere: false, revokeTokens: false });
        clearSessionCookie(reply);
      },
      signOutEverywhere: async (request, reply) => {
        const revokeTokens = request.body?.revokeTokens ?? false;
        await signOut(...caller(request), { everywhere: true, revokeTokens });
        clearSessionCookie(reply);
      },
      session: (request) => presentSessionInfo(principalOf(request)),
      state: (request) => getSignedInState(deps, request.principal),
      me: (request) => getMe(deps, principalOf(request)),
      acknowledgePasswordResetNotices: (request) =>
        acknowledgePasswordResetNotices(...caller(request)),
      switchOrganization: async (request, reply) => {
        const token = await switchOrganization(...caller(request), request.body.orgId);
        keep(request, reply, token, principalOf(request).expiresAt);
      },
      sessions: (request) => listSessions(deps, principalOf(request)),
      endSession: (request) => revokeOwnSession(...caller(request), request.params.sessionId),
      verifyMfa: async (request, reply) => {
        const token = await completeSignIn(...caller(request), request.body.code);
        keep(request, reply, token, principalOf(request).expiresAt);
      },
      reauthenticate: (request) => reauthenticate(...caller(request), request.body),
      startTotp: (request) =>
        startTotpEnrolment(deps, auditContextOf(request), principalOf(request)),
      confirmTotp: async (request) => ({
        recoveryCodes: await confirmTotpEnrolment(...caller(request), request.body.code),
      }),
      disableTotp: (request) => disableTotp(...caller(request), request.body.code),
      regenerateRecoveryCodes: async (request) => ({
        recoveryCodes: await regenerateRecoveryCodes(...caller(request)),
      }),
      changePassword: (request) =>
        changePassword(...caller(request), request.body.currentPassword, request.body.newPassword),
      requestPasswordReset: (request) => {
        queuePasswordReset(deps, auditContextOf(request), request.body.email);
      },
      completePasswordReset: (request) =>
        completePasswordReset(deps, auditContextOf(request), request.body),
      tokens: (request) => listTokens(deps, principalOf(request)),
      createToken: (request) => createToken(...caller(request), request.body),
      revokeToken: (request) => revokeToken(...caller(request), request.params.tokenId),
    },
    // The idle-warning poll must not keep an idle session alive (164.312(a)(2)(iii)).
    { session: { config: { passiveSession: true } } },
  );
}
