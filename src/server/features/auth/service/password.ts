import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import type { Principal } from '../../../platform/auth/sessions';
import {
  accountThrottleKey,
  ACCOUNT_POLICY,
  reserveAttempt,
  resetThrottle,
} from '../../../platform/auth/throttle';
import { randomToken, sha256Hex } from '../../../platform/crypto/hash';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { hashPassword, verifyPassword } from '../passwords';
import { liveMembershipsOf } from '../../organizations/service/memberships';
import { findUserByEmailKey, findUserById } from '../repository/accounts';
import {
  claimReset,
  countRecentResets,
  findReset,
  insertReset,
  lockUserForReset,
  setPassword,
} from '../repository/password-resets';
import { assertPasswordAcceptable, emailKeyOf } from './accounts';
import { revokeAllTokensIn } from './tokens';

const RESET_MINUTES = 60;
const RESETS_PER_HOUR = 3;

/** Changes the signed-in user's password; their other sessions end. */
export async function changePassword(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  current: string,
  next: string,
): Promise<void> {
  const key = accountThrottleKey(principal.email);
  // Counted before the check (see reserveAttempt); a wrong password keeps the count.
  const reservation = await reserveAttempt(deps.database.db, deps.clock, [
    { key, policy: ACCOUNT_POLICY },
  ]);
  if (!reservation.allowed) {
    throw new AppError(
      'rate_limited',
      `Too many wrong passwords: wait ${reservation.retryAfterSeconds} seconds.`,
      undefined,
      { 'retry-after': String(reservation.retryAfterSeconds) },
    );
  }
  const user = await findUserById(deps.database.db, principal.userId);
  if (!user || !(await verifyPassword(user.password_hash, current))) {
    throw AppError.field('body.currentPassword', 'is incorrect');
  }
  await resetThrottle(deps.database.db, key);
  await assertPasswordAcceptable('body.newPassword', next, { email: user.email, name: user.name });
  const hash = await hashPassword(next);
  await deps.database.db.transaction().execute(async (trx) => {
    await setPassword(trx, user.id, hash, deps.clock.now().toISOString(), principal.sessionId);
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'user.password_changed',
      entity: { type: 'user', id: user.id },
      changes: { password: { after: 'changed' } },
    });
  });
}

/**
 * Queues a reset request to run after the answer: the answer does the same work, and takes the
 * same time, whether the address has an account or not (the account is not even looked up yet).
 */
export function queuePasswordReset(deps: AppDeps, context: AuditContext, email: string): void {
  deps.background.run(() => requestPasswordReset(deps, context, email));
}

/**
 * Emails a one-hour, one-time reset link when the address has an account; an account gets at most
 * three links an hour. Runs after the answer (queuePasswordReset), which is therefore the same,
 * and as fast, whether the account exists or not.
 */
export async function requestPasswordReset(
  deps: AppDeps,
  context: AuditContext,
  email: string,
): Promise<void> {
  const db = deps.database.db;
  const user = await findUserByEmailKey(db, emailKeyOf(email));
  if (!user) {
    return;
  }
  const now = deps.clock.now();
  const token = randomToken(32);
  const orgId = (await liveMembershipsOf(db, user.id, now.toISOString()))[0]?.orgId ?? null;
  await db.transaction().execute(async (trx) => {
    // Counted under the user's row lock, so that concurrent requests cannot all pass the limit.
    await lockUserForReset(trx, user.id);
    const since = new Date(now.getTime() - 3_600_000).toISOString();
    if ((await countRecentResets(trx, user.id, since)) >= RESETS_PER_HOUR) {
      return false;
    }
    await insertReset(trx, {
      token_hash: sha256Hex(token),
      user_id: user.id,
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + RESET_MINUTES * 60_000).toISOString(),
      used_at: null,
      issued_by: null,
      org_id: null,
      noticed_at: null,
    });
    await appendAuditEvent(
      trx,
      deps,
      { ...context, actor: { type: 'anonymous', id: null, label: user.email } },
      { orgId, action: 'user.password_reset_requested', entity: { type: 'user', id: user.id } },
    );
    // Sealed: the outbox shows that a reset was asked for, never the link (164.312(d)).
    await deps.mailer.queue(trx, deps, {
      orgId,
      to: user.email,
      sealed: true,
      subject: 'Reset your Custos password',
      text: [
        `Someone, hopefully you, asked to reset the password of ${user.email} on Custos.`,
        '',
        `Choose a new password: ${deps.baseUrl}/reset-password#${token}`,
        '',
        `The link works once, for ${RESET_MINUTES} minutes. If you did not ask for it, ignore this message: your password stays as it is.`,
      ].join('\n'),
    });
    return true;
  });
}

/**
 * Sets a new password from a reset link; every session of the account ends, and with
 * `revokeTokens` (the default) every API token too: a token outlives sessions, and a reset often
 * follows a compromise (164.308(a)(5)(ii)(D) password management).
 */
/**
 * An issued link is checked again when it is used, as when it was issued: the issuer is still an
 * owner or administrator of the organization (an owner, for an owner's account), and the person
 * still belongs to that organization alone. Else an administrator removed since, or a person who
 * joined another organization or became an owner since, would be taken over (164.308(a)(4)).
 */
async function assertIssuedResetStillAllowed(
  db: AppDeps['database']['db'],
  reset: { user_id: string; issued_by: string | null; org_id: string | null },
  now: string,
): Promise<void> {
  const refused = () =>
    new AppError(
      'conflict',
      'This reset link is not valid any more: access changed since it was issued. Ask for a new one, or use "Forgot your password?".',
    );
  const person = await liveMembershipsOf(db, reset.user_id, now);
  const issuer = reset.issued_by
    ? (await liveMembershipsOf(db, reset.issued_by, now)).find((m) => m.orgId === reset.org_id)
    : undefined;
  const target = person.find((m) => m.orgId === reset.org_id);
  if (!target || person.length !== 1 || !issuer) throw refused();
  if (issuer.role !== 'owner' && (issuer.role !== 'admin' || target.role === 'owner')) {
    throw refused();
  }
}

export async function completePasswordReset(
  deps: AppDeps,
  context: AuditContext,
  body: { token: string; password: string; revokeTokens: boolean },
): Promise<void> {
  const { token, password } = body;
  const db = deps.database.db;
  const now = deps.clock.now().toISOString();
  const reset = await findReset(db, sha256Hex(token));
  const user = reset ? await findUserById(db, reset.user_id) : undefined;
  if (!reset || !user || reset.used_at !== null || reset.expires_at <= now) {
    throw new AppError('conflict', 'This reset link is not valid any more: ask for a new one.');
  }
  if (reset.issued_by !== null) {
    await assertIssuedResetStillAllowed(db, reset, now);
  }
  await assertPasswordAcceptable('body.password', password, { email: user.email, name: user.name });
  const hash = await hashPassword(password);
  const orgId = (await liveMembershipsOf(db, user.id, now))[0]?.orgId ?? null;
  await db.transaction().execute(async (trx) => {
    if (!(await claimReset(trx, reset.token_hash, now))) {
      throw new AppError('conflict', 'This reset link was already used.');
    }
    await setPassword(trx, user.id, hash, now, null);
    const asUser = { ...context, actor: { type: 'user' as const, id: user.id, label: user.email } };
    await appendAuditEvent(trx, deps, asUser, {
      orgId,
      action: 'user.password_changed',
      entity: { type: 'user', id: user.id },
      // `password` is redacted by the trail whatever it holds: how it was reset goes beside it.
      changes: {
        password: { after: 'reset' },
        by: { after: reset.issued_by ? 'a link an administrator issued' : 'an emailed link' },
      },
    });
    if (body.revokeTokens) {
      await revokeAllTokensIn(trx, deps, asUser, user.id, 'password reset');
    }
  });
  await resetThrottle(db, accountThrottleKey(user.email));
}
