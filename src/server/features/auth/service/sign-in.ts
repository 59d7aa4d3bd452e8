import type { SignInBody } from '../../../../contracts/auth';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import { createSession } from '../../../platform/auth/sessions';
import {
  accountThrottleKey,
  ACCOUNT_POLICY,
  IP_POLICY,
  releaseAttempt,
  reserveAttempt,
  resetThrottle,
} from '../../../platform/auth/throttle';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { burnPasswordCheck, verifyPassword } from '../passwords';
import { liveMembershipsOf } from '../../organizations/service/memberships';
import { findUserByEmailKey } from '../repository/accounts';
import { emailKeyOf } from './accounts';

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
  // The attempt is counted before the password is checked, so concurrent guesses cannot outrun
  // the count (164.308(a)(5)(ii)(C)); a right password gives the counts back below.
  const reservation = await reserveAttempt(db, deps.clock, [
    { key: accountKey, policy: ACCOUNT_POLICY },
    { key: ipKey, policy: IP_POLICY },
  ]);
  if (!reservation.allowed) {
    throw new AppError(
      'rate_limited',
      reservation.locked
        ? `Too many failed sign-ins: sign-in is locked for ${Math.ceil(reservation.retryAfterSeconds / 60)} more minutes.`
        : `Too many failed sign-ins: wait ${reservation.retryAfterSeconds} seconds before trying again.`,
      undefined,
      { 'retry-after': String(reservation.retryAfterSeconds) },
    );
  }

  const user = await findUserByEmailKey(db, emailKey);
  const ok = user
    ? await verifyPassword(user.password_hash, body.password)
    : (await burnPasswordCheck(body.password), false);
  const now = deps.clock.now().toISOString();
  const memberships = user ? await liveMembershipsOf(db, user.id, now) : [];
  const chains = memberships.length > 0 ? memberships.map((m) => m.orgId) : [null];

  if (!user || !ok) {
    // The reservation already counted this failure.
    const locked = reservation.locked.includes(accountKey);
    await db.transaction().execute(async (trx) => {
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
  // The address counts failures only.
  await releaseAttempt(db, ipKey, IP_POLICY);
  const activeOrgId = memberships[0]?.orgId ?? null;
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
