import { z } from 'zod';
import {
  MeSchema,
  SessionInfoSchema,
  SessionListSchema,
  SetupBodySchema,
  SetupStateSchema,
  SignInBodySchema,
  SignOutEverywhereBodySchema,
  SignInResultSchema,
  SwitchOrganizationBodySchema,
} from '../../../contracts/identity';
import type { App } from '../../platform/http/app';
import { auditContextOf } from '../../platform/auth/context';
import { clearSessionCookie, setSessionCookie } from '../../platform/auth/hooks';
import type { AppDeps } from '../../platform/deps';
import { principalOf } from '../../platform/auth/principal';
import { presentMe, presentSession, presentSessionInfo } from './presenter';
import {
  getMe,
  listSessions,
  revokeOwnSession,
  signOut,
  switchOrganization,
} from './service/session';
import { completeSetup, setupNeeded } from './service/setup';
import { signIn } from './service/sign-in';

const tags = ['identity'];

export function registerIdentityRoutes(app: App, deps: AppDeps): void {
  app.get(
    '/api/setup',
    {
      config: { permission: 'setup.read' },
      schema: {
        tags,
        summary: 'Whether first-run setup is needed',
        response: { 200: SetupStateSchema },
      },
    },
    async () => ({
      needed: await setupNeeded(deps),
    }),
  );

  app.post(
    '/api/setup',
    {
      config: { permission: 'setup.complete' },
      schema: {
        tags,
        summary: 'Create the first organization and its owner',
        body: SetupBodySchema,
      },
    },
    async (request, reply) => {
      const result = await completeSetup(deps, auditContextOf(request), request.body);
      setSessionCookie(request, reply, result.token, result.session.expires_at, deps.clock.now());
      return reply.code(201).send({ orgId: result.orgId, userId: result.userId });
    },
  );

  app.post(
    '/api/auth/sign-in',
    {
      config: { permission: 'auth.sign_in' },
      schema: {
        tags,
        summary: 'Sign in with email and password',
        body: SignInBodySchema,
        response: { 200: SignInResultSchema },
      },
    },
    async (request, reply) => {
      const { token, session, mfaRequired } = await signIn(
        deps,
        auditContextOf(request),
        request.body,
      );
      setSessionCookie(request, reply, token, session.expires_at, deps.clock.now());
      return { mfaRequired };
    },
  );

  app.post(
    '/api/auth/sign-out',
    { config: { permission: 'auth.sign_out' }, schema: { tags, summary: 'End this session' } },
    async (request, reply) => {
      await signOut(deps, auditContextOf(request), principalOf(request), {
        everywhere: false,
        revokeTokens: false,
      });
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.post(
    '/api/auth/sign-out-everywhere',
    {
      config: { permission: 'auth.sign_out' },
      schema: {
        tags,
        summary: 'End every session of this account (and, when asked, revoke its API tokens)',
        body: SignOutEverywhereBodySchema,
      },
    },
    async (request, reply) => {
      await signOut(deps, auditContextOf(request), principalOf(request), {
        everywhere: true,
        revokeTokens: request.body?.revokeTokens ?? false,
      });
      clearSessionCookie(reply);
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/auth/session',
    {
      config: { permission: 'auth.session.read', passiveSession: true },
      schema: {
        tags,
        summary: 'When this session ends, without counting as activity',
        response: { 200: SessionInfoSchema },
      },
    },
    (request) => presentSessionInfo(principalOf(request)),
  );

  app.get(
    '/api/me',
    {
      config: { permission: 'me.read' },
      schema: {
        tags,
        summary: 'The signed-in user and their organizations',
        response: { 200: MeSchema },
      },
    },
    async (request) => {
      const { principal, memberships } = await getMe(deps, principalOf(request));
      return presentMe(principal, memberships);
    },
  );

  app.post(
    '/api/me/organization',
    {
      config: { permission: 'me.organization.switch' },
      schema: {
        tags,
        summary: 'Switch the active organization',
        body: SwitchOrganizationBodySchema,
      },
    },
    async (request, reply) => {
      const principal = principalOf(request);
      const token = await switchOrganization(
        deps,
        auditContextOf(request),
        principal,
        request.body.orgId,
      );
      setSessionCookie(request, reply, token, principal.expiresAt, deps.clock.now());
      return reply.code(204).send();
    },
  );

  app.get(
    '/api/me/sessions',
    {
      config: { permission: 'me.sessions.manage' },
      schema: { tags, summary: 'My open sessions', response: { 200: SessionListSchema } },
    },
    async (request) => {
      const principal = principalOf(request);
      const sessions = await listSessions(deps, principal);
      return { data: sessions.map((s) => presentSession(s, principal.sessionId)) };
    },
  );

  app.delete(
    '/api/me/sessions/:sessionId',
    {
      config: { permission: 'me.sessions.manage' },
      schema: {
        tags,
        summary: 'End one of my sessions',
        params: z.object({ sessionId: z.uuid() }),
      },
    },
    async (request, reply) => {
      await revokeOwnSession(
        deps,
        auditContextOf(request),
        principalOf(request),
        request.params.sessionId,
      );
      return reply.code(204).send();
    },
  );
}
