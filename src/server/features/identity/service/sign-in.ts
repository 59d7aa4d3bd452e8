import type { SignInBody } from '../../../../contracts/identity';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import { createSession } from '../../../platform/auth/sessions';
import {
  accountThrottleKey,
  ACCOUNT_POLICY,
  checkThrottle,
  IP_POLICY,
  recordFailure,
  resetThrottle,
} from '../../../platform/auth/throttle';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/http/errors';
import { burnPasswordCheck, verifyPassword } from '../passwords';
import { findUserByEmailKey, listLiveMemberships } from '../repository';
import { emailKeyOf } from './setup';

const WRONG = 'The email address or password is incorrect.';

/**
 * Signs in with email and password. Failures are throttled per account and per address with
 * growing delays, then a 15-minute lock; every answer is the same whether the email exists.
 */
export async function signIn(deps: AppDeps, context: AuditContext, body: SignInBody) {
  const db = deps.database.db;
  const emailKey = emailKeyOf(body.email);
  const accountKey = accountThrottleKey(body.email);
  const ipKey = `ip:${context.ip ?? 'unknown'}`;
  const keys = [
    { key: accountKey, policy: ACCOUNT_POLICY },
    { key: ipKey, policy: IP_POLICY },
  ];
  for (const { key, policy } of keys) {
    const verdict = await checkThrottle(db, deps.clock, key, policy);
    if (!verdict.allowed) {
      throw new AppError(
        'rate_limited',
        verdict.locked
          ? `Too many failed sign-ins: sign-in is locked for ${Math.ceil(verdict.retryAfterSeconds / 60)} more minutes.`
          : `Too many failed sign-ins: wait ${verdict.retryAfterSeconds} seconds before trying again.`,
        undefined,
        { 'retry-after': String(verdict.retryAfterSeconds) },
      );
    }
  }

  const user = await findUserByEmailKey(db, emailKey);
  const ok = user
    ? await verifyPassword(user.password_hash, body.password)
    : (await burnPasswordCheck(body.password), false);
  const now = deps.clock.now().toISOString();
  const memberships = user ? await listLiveMemberships(db, user.id, now) : [];
  const chains = memberships.length > 0 ? memberships.map((m) => m.org_id) : [null];

  if (!user || !ok) {
    await db.transaction().execute(async (trx) => {
      const locked = await recordFailure(trx, deps.clock, accountKey, ACCOUNT_POLICY);
      await recordFailure(trx, deps.clock, ipKey, IP_POLICY);
      const actor = { type: 'anonymous' as const, id: null, label: body.email.slice(0, 254) };
      for (const orgId of chains) {
        const entity = user ? { type: 'user', id: user.id } : undefined;
        await appendAuditEvent(
          trx,
          deps,
          { ...context, actor },
          {
            orgId,
            action: 'auth.sign_in_failed',
            outcome: 'failure',
            ...(entity ? { entity } : {}),
          },
        );
        if (locked) {
          await appendAuditEvent(
            trx,
            deps,
            { ...context, actor },
            { orgId, action: 'auth.locked_out', outcome: 'denied', ...(entity ? { entity } : {}) },
          );
        }
      }
    });
    throw new AppError('unauthenticated', WRONG);
  }

  await resetThrottle(db, accountKey);
  const activeOrgId = memberships[0]?.org_id ?? null;
  const mfaRequired = user.totp_enabled_at !== null;
  const { token, session } = await createSession(db, deps.clock, {
    userId: user.id,
    orgId: activeOrgId,
    ip: context.ip,
    userAgent: context.userAgent,
    mfaPending: mfaRequired,
  });
  // With MFA the sign-in is recorded once the code is accepted.
  if (!mfaRequired) {
    await db.transaction().execute((trx) =>
      appendAuditEvent(
        trx,
        deps,
        { ...context, actor: { type: 'user', id: user.id, label: user.email } },
        {
          orgId: activeOrgId,
          action: 'auth.signed_in',
          entity: { type: 'session', id: session.id },
        },
      ),
    );
  }
  return { token, session, mfaRequired };
}
