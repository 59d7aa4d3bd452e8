import cookie from '@fastify/cookie';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import {
  CONCEALED,
  CONCEALED_ANSWER,
  grantOf,
  isAnyOrganizationGrant,
  PERSON_ONLY,
  roleHolds,
} from '../../../contracts/permissions';
import { ROLE_LABELS } from '../../../contracts/roles';
import { appendAuditEvent } from '../audit/append';
import type { AppDeps } from '../deps';
import { sendError } from '../http/errors';
import { actingRoleOf, type ActingRole } from './acting';
import { authorizeAnyOrganization } from './any-organization';
import { auditContextOf, recordDenied } from './context';
import { findLiveMembership } from './repository';
import { resolveSession, SESSION_COOKIE, type Principal } from './sessions';
import { resolveToken } from './tokens';

declare module 'fastify' {
  interface FastifyRequest {
    principal: Principal | null;
    /** The role the caller acts with in the route's organization, once authorized. */
    acting: ActingRole | null;
  }
  interface FastifyContextConfig {
    /** True for routes that must not count as activity (the idle-warning poll). */
    passiveSession?: boolean;
  }
}

// What a session awaiting its second factor may do: submit the code, or give up.
const PENDING_MFA_ALLOWED = new Set<string>(['auth.mfa.verify', 'auth.sign_out']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);
export const CSRF_HEADER = 'x-custos-csrf';

const IDLE_MESSAGE = (minutes: number) =>
  `Your session ended after ${minutes} minutes without activity (automatic logoff). Sign in again.`;

/**
 * Sets the session cookie: HttpOnly, SameSite=Lax, Secure when the request came over HTTPS, and
 * kept by the browser until the session's absolute expiry.
 */
export function setSessionCookie(
  request: FastifyRequest,
  reply: FastifyReply,
  token: string,
  expiresAt: string,
  now: Date,
): void {
  const maxAgeSeconds = Math.max(1, Math.floor((Date.parse(expiresAt) - now.getTime()) / 1000));
  void reply.setCookie(SESSION_COOKIE, token, {
    httpOnly: true,
    sameSite: 'lax',
    secure: request.protocol === 'https',
    path: '/',
    maxAge: maxAgeSeconds,
  });
}

export function clearSessionCookie(reply: FastifyReply): void {
  void reply.clearCookie(SESSION_COOKIE, { path: '/' });
}

/**
 * Authentication (who is calling) and authorization (may they, in this organization), for every
 * route that declares a permission. 164.312(a)(1) access control, 164.312(d) authentication.
 */
export async function registerAuth(app: FastifyInstance, deps: AppDeps): Promise<void> {
  await app.register(cookie);
  app.decorateRequest('principal', null);
  app.decorateRequest('acting', null);

  app.addHook('onRequest', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) {
      return;
    }
    const authorization = request.headers.authorization;
    if (authorization?.startsWith('Bearer ')) {
      // API tokens: no cookie, hence no CSRF check.
      const principal = await resolveToken(
        deps.database.db,
        deps.clock,
        authorization.slice(7).trim(),
      );
      if (!principal) {
        return sendError(
          request,
          reply,
          'unauthenticated',
          'The API token is unknown, expired or revoked.',
        );
      }
      request.principal = principal;
      return;
    }
    const token = request.cookies[SESSION_COOKIE];
    if (!token) {
      return;
    }
    const check = await resolveSession(
      deps.database.db,
      deps.clock,
      token,
      !request.routeOptions.config.passiveSession,
    );
    if (!check.ok) {
      clearSessionCookie(reply);
      if (check.reason === 'idle' && check.session) {
        const session = check.session;
        await deps.database.db.transaction().execute((trx) =>
          appendAuditEvent(
            trx,
            deps,
            {
              ...auditContextOf(request),
              actor: { type: 'user', id: session.user_id, label: session.email },
            },
            {
              orgId: session.org_id,
              action: 'auth.session_expired',
              entity: { type: 'session', id: session.id },
            },
          ),
        );
        if (grantOf(permission) !== 'public') {
          return sendError(
            request,
            reply,
            'unauthenticated',
            IDLE_MESSAGE(session.idle_timeout_minutes ?? 15),
          );
        }
      }
      return;
    }
    // Cookie-authenticated writes must come from our own pages (CSRF).
    if (!SAFE_METHODS.has(request.method) && !isSameOriginWrite(request)) {
      return sendError(
        request,
        reply,
        'forbidden',
        'Cross-site request refused: send requests from the Custos app.',
      );
    }
    if (check.principal.mfaPending && !PENDING_MFA_ALLOWED.has(permission)) {
      return;
    }
    request.principal = check.principal;
  });

  app.addHook('preValidation', async (request, reply) => {
    const permission = request.routeOptions.config.permission;
    if (!permission) {
      return;
    }
    const grant = grantOf(permission);
    if (grant === 'public') {
      return;
    }
    const principal = request.principal;
    if (!principal) {
      return sendError(request, reply, 'unauthenticated', 'Sign in to continue.');
    }
    if (grant === 'authenticated') {
      if (principal.token) {
        return sendError(
          request,
          reply,
          'forbidden',
          'API tokens work on organization records only; sign in to do this.',
        );
      }
      return;
    }
    if (isAnyOrganizationGrant(grant)) {
      return authorizeAnyOrganization(
        deps,
        request,
        reply,
        principal,
        permission,
        grant.anyOrganization,
      );
    }
    const orgId = (request.params as { orgId?: unknown }).orgId;
    const notFound = () =>
      sendError(
        request,
        reply,
        'not_found',
        'No such organization, or you are not a member of it.',
      );
    // A token is bound to one organization: every other one does not exist for it.
    if (
      typeof orgId !== 'string' ||
      !UUID.test(orgId) ||
      (principal.token && orgId !== principal.activeOrgId)
    ) {
      return notFound();
    }
    const membership = await findLiveMembership(
      deps.database.db,
      principal.userId,
      orgId,
      deps.clock.now().toISOString(),
    );
    // Another organization's records answer 404, never 403: no existence leaks (design.md §6.1).
    if (!membership) {
      return notFound();
    }
    // A token acts with the lesser of its own role and its creator's current one.
    const acting = actingRoleOf(membership, principal);
    if (!acting.holds(permission)) {
      await recordDenied(deps, request, orgId, permission);
      // Concealed records (sanctions) do not exist for those who may not see them.
      if (CONCEALED.includes(permission) && !roleHolds(acting.role, permission)) {
        return sendError(request, reply, 'not_found', CONCEALED_ANSWER);
      }
      return sendError(
        request,
        reply,
        'forbidden',
        !acting.viaToken
          ? `Your role (${ROLE_LABELS[acting.role]}) does not allow this.`
          : PERSON_ONLY.includes(permission)
            ? 'Only a person signed in can do this; an API token cannot.'
            : `This token's role (${ROLE_LABELS[acting.role]}) does not allow this.`,
      );
    }
    if (membership.mfa_required === 1 && !principal.mfaEnabled) {
      return sendError(
        request,
        reply,
        'mfa_enrolment_required',
        'This organization requires two-factor authentication: set it up in your profile to continue.',
      );
    }
    request.acting = acting;
  });
}

function isSameOriginWrite(request: FastifyRequest): boolean {
  const site = request.headers['sec-fetch-site'];
  if (typeof site === 'string' && site !== 'same-origin' && site !== 'none') {
    return false;
  }
  const origin = request.headers.origin;
  if (typeof origin === 'string') {
    try {
      // Both through URL, so default ports compare equal ("localhost:80" is "localhost" over http).
      const own = new URL(`${request.protocol}://${request.headers.host ?? ''}`);
      if (new URL(origin).host !== own.host) {
        return false;
      }
    } catch {
      return false;
    }
  }
  // A custom header cannot be sent cross-site without a CORS preflight, which Custos never grants.
  return request.headers[CSRF_HEADER] === '1';
}
