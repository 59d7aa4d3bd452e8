import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import {
  findLiveMembership,
  listOpenSessions,
  revokeSession,
  revokeUserSessions,
} from '../../../platform/auth/repository';
import type { Principal } from '../../../platform/auth/sessions';
import { randomToken, sha256Hex } from '../../../platform/crypto/hash';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { endedAccessOf, liveMembershipsOf } from '../../organizations/service/memberships';
import { presentMe, presentSession } from '../presenter';
import { moveSession, revokeSessionsInOrganization } from '../repository/sessions';
import { passwordResetNoticesOf } from './issued-reset';
import { revokeAllTokensIn } from './tokens';

export async function getMe(deps: AppDeps, principal: Principal) {
  const now = deps.clock.now().toISOString();
  const memberships = await liveMembershipsOf(deps.database.db, principal.userId, now);
  return presentMe(
    principal,
    memberships,
    await passwordResetNoticesOf(deps, principal.userId, memberships),
    await endedAccessOf(deps.database.db, principal.userId, now),
  );
}

/**
 * Whether the caller is a person signed in (a finished sign-in, not an API token), and who: the
 * web app's first question, answered without an error for a visitor.
 */
export async function getSignedInState(deps: AppDeps, principal: Principal | null) {
  if (!principal || principal.token) {
    return { signedIn: false as const };
  }
  return { signedIn: true as const, me: await getMe(deps, principal) };
}

/**
 * Ends a user's sessions working in `orgId`, inside the caller's transaction: their privileges
 * there just changed (a new role applies from the next sign-in), or they left.
 */
export async function endSessionsInOrganizationIn(
  trx: Transaction<Database>,
  orgId: string,
  userId: string,
  at: string,
): Promise<void> {
  await revokeSessionsInOrganization(trx, orgId, userId, at);
}

/**
 * Moves a session to another organization inside the caller's transaction, under a new token: a
 * change of privileges rotates the session id. Returns the new token, for the cookie.
 */
export async function moveSessionIn(
  trx: Transaction<Database>,
  sessionId: string,
  orgId: string,
): Promise<string> {
  const token = randomToken(32);
  await moveSession(trx, sessionId, orgId, sha256Hex(token));
  return token;
}

/**
 * Makes another organization the session's active one. The session gets a new token: a change of
 * privileges rotates the session id.
 */
export async function switchOrganization(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  orgId: string,
): Promise<string> {
  const db = deps.database.db;
  const membership = await findLiveMembership(
    db,
    principal.userId,
    orgId,
    deps.clock.now().toISOString(),
  );
  if (!membership) {
    throw new AppError('not_found', 'No such organization, or you are not a member of it.');
  }
  return db.transaction().execute(async (trx) => {
    const token = await moveSessionIn(trx, principal.sessionId, orgId);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'auth.signed_in',
      entity: { type: 'session', id: principal.sessionId },
      changes: { organization: { before: principal.activeOrgId, after: orgId } },
    });
    return token;
  });
}

export async function listSessions(deps: AppDeps, principal: Principal) {
  const sessions = await listOpenSessions(
    deps.database.db,
    principal.userId,
    deps.clock.now().toISOString(),
  );
  return { data: sessions.map((s) => presentSession(s, principal.sessionId)) };
}

/** Ends one of the caller's own sessions; another person's session answers 404. */
export async function revokeOwnSession(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  sessionId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const revoked = await revokeSession(
      trx,
      principal.userId,
      sessionId,
      deps.clock.now().toISOString(),
    );
    if (revoked === 0) {
      throw new AppError('not_found', 'No such session.');
    }
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'session.revoked',
      entity: { type: 'session', id: sessionId },
    });
  });
}

/**
 * Ends this session, or every session of the account. API tokens are for unattended scripts and
 * survive a sign-out unless `revokeTokens` asks otherwise (each revocation is audited).
 */
export async function signOut(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  options: { everywhere: boolean; revokeTokens: boolean },
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const at = deps.clock.now().toISOString();
    if (options.everywhere) {
      await revokeUserSessions(trx, principal.userId, at);
    } else {
      await revokeSession(trx, principal.userId, principal.sessionId, at);
    }
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: options.everywhere ? 'auth.signed_out_everywhere' : 'auth.signed_out',
      entity: { type: 'session', id: principal.sessionId },
    });
    if (options.revokeTokens) {
      await revokeAllTokensIn(trx, deps, context, principal.userId, 'signed out everywhere');
    }
  });
}
