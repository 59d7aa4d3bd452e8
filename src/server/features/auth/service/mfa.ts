import QRCode from 'qrcode';
import { appendAuditEvent, type AuditContext } from '../../../platform/audit/append';
import { requireRecentAuthentication } from '../../../platform/auth/recent';
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
import { verifyPassword } from '../passwords';
import { findUserById, replaceRecoveryCodes, setTotpColumns } from '../repository/accounts';
import { completeMfaSession, markAuthenticated } from '../repository/sessions';
import {
  consumeSecondFactor,
  matchingStep,
  newRecoveryCodes,
  newTotpSecret,
  TOTP_PURPOSE,
  totpFor,
} from './second-factor';

async function userOf(deps: AppDeps, principal: Principal) {
  const user = await findUserById(deps.database.db, principal.userId);
  if (!user) {
    throw new AppError('unauthenticated', 'Sign in to continue.');
  }
  return user;
}

const wrongCode = () =>
  AppError.field('body.code', 'does not match: enter the current code from your authenticator app');

/**
 * Counts an attempt on `key` before the code (or password) is checked, or refuses with 429: the
 * count is taken atomically first, so concurrent guesses cannot all pass the check. A wrong code
 * keeps the count; a right one resets the key.
 */
async function reserveCodeAttempt(deps: AppDeps, key: string): Promise<void> {
  const reservation = await reserveAttempt(deps.database.db, deps.clock, [
    { key, policy: ACCOUNT_POLICY },
  ]);
  if (!reservation.allowed) {
    throw new AppError(
      'rate_limited',
      `Too many wrong codes: wait ${reservation.retryAfterSeconds} seconds before trying again.`,
      undefined,
      { 'retry-after': String(reservation.retryAfterSeconds) },
    );
  }
}

/** The audit event of a wrong code; its attempt was counted before the check. */
async function recordWrongCode(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  userId: string,
): Promise<void> {
  await deps.database.db.transaction().execute((trx) =>
    appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'auth.mfa_failed',
      outcome: 'failure',
      entity: { type: 'user', id: userId },
    }),
  );
}

/** The throttle key of a user's second-factor codes. */
const codeThrottleKey = (userId: string) => `mfa:${userId}`;

/**
 * Step 1 of enrolment: a new secret (kept encrypted until confirmed), as QR code and text. Audited:
 * a stolen session starting to bind its own authenticator shows in the trail (164.312(b)).
 */
export async function startTotpEnrolment(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
) {
  requireRecentAuthentication(principal, deps.clock);
  const secret = newTotpSecret();
  await deps.database.db.transaction().execute(async (trx) => {
    await setTotpColumns(trx, principal.userId, {
      totp_pending_secret: deps.secrets.seal(secret, TOTP_PURPOSE),
    });
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'mfa.enrollment_started',
      entity: { type: 'user', id: principal.userId },
    });
  });
  const uri = totpFor(secret, principal.email).toString();
  return {
    secret,
    otpauthUri: uri,
    qrCode: await QRCode.toDataURL(uri, { margin: 1, width: 220, errorCorrectionLevel: 'M' }),
  };
}

/** Step 2: a correct code from the app turns MFA on and yields ten recovery codes, shown once. */
export async function confirmTotpEnrolment(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  code: string,
) {
  const user = await userOf(deps, principal);
  if (!user.totp_pending_secret) {
    throw new AppError(
      'conflict',
      'Start the set-up again: no authenticator is waiting for confirmation.',
    );
  }
  const secret = deps.secrets.open(user.totp_pending_secret, TOTP_PURPOSE);
  const step = matchingStep(totpFor(secret, user.email), code.replace(/\s/g, ''), deps.clock.now());
  if (step === null) {
    throw wrongCode();
  }
  const { codes, rows } = newRecoveryCodes(user.id);
  await deps.database.db.transaction().execute(async (trx) => {
    await setTotpColumns(trx, user.id, {
      totp_secret: user.totp_pending_secret,
      totp_pending_secret: null,
      totp_enabled_at: deps.clock.now().toISOString(),
      totp_last_step: step,
    });
    await replaceRecoveryCodes(trx, user.id, rows);
    for (const action of ['mfa.enabled', 'mfa.recovery_codes_generated'] as const) {
      await appendAuditEvent(trx, deps, context, {
        orgId: principal.activeOrgId,
        action,
        entity: { type: 'user', id: user.id },
      });
    }
  });
  return codes;
}

/**
 * Turns MFA off. A fresh session is not enough: the request carries a current code or an unused
 * recovery code, checked and throttled like the code at sign-in (164.312(d)), so a hijacked
 * session cannot remove the second factor.
 */
export async function disableTotp(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  code: string,
): Promise<void> {
  requireRecentAuthentication(principal, deps.clock);
  const user = await userOf(deps, principal);
  if (!user.totp_enabled_at) {
    throw new AppError('conflict', 'Two-factor authentication is already off.');
  }
  const key = codeThrottleKey(user.id);
  await reserveCodeAttempt(deps, key);
  const now = deps.clock.now();
  const used = await deps.database.db.transaction().execute(async (trx) => {
    const factor = await consumeSecondFactor(trx, deps.secrets, user, code, now);
    if (!factor) {
      return null;
    }
    await setTotpColumns(trx, user.id, {
      totp_secret: null,
      totp_pending_secret: null,
      totp_enabled_at: null,
      totp_last_step: null,
    });
    await replaceRecoveryCodes(trx, user.id, []);
    if (factor === 'recovery') {
      await appendAuditEvent(trx, deps, context, {
        orgId: principal.activeOrgId,
        action: 'mfa.recovery_code_used',
        entity: { type: 'user', id: user.id },
      });
    }
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'mfa.disabled',
      entity: { type: 'user', id: user.id },
      changes: { factor: { after: factor } },
    });
    return factor;
  });
  if (!used) {
    await recordWrongCode(deps, context, principal, user.id);
    throw AppError.field(
      'body.code',
      'does not match: enter a new code from your authenticator app, or an unused recovery code',
    );
  }
  await resetThrottle(deps.database.db, key);
}

export async function regenerateRecoveryCodes(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
): Promise<string[]> {
  requireRecentAuthentication(principal, deps.clock);
  if (!principal.mfaEnabled) {
    throw new AppError('conflict', 'Turn on two-factor authentication first.');
  }
  const { codes, rows } = newRecoveryCodes(principal.userId);
  await deps.database.db.transaction().execute(async (trx) => {
    await replaceRecoveryCodes(trx, principal.userId, rows);
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'mfa.recovery_codes_generated',
      entity: { type: 'user', id: principal.userId },
    });
  });
  return codes;
}

/** Second step of sign-in: a TOTP or recovery code completes a pending session under a new token. */
export async function completeSignIn(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  code: string,
): Promise<string> {
  if (!principal.mfaPending) {
    throw new AppError('conflict', 'This session is already signed in.');
  }
  const key = codeThrottleKey(principal.userId);
  await reserveCodeAttempt(deps, key);
  const user = await userOf(deps, principal);
  const now = deps.clock.now();
  const token = randomToken(32);
  const method = await deps.database.db.transaction().execute(async (trx) => {
    const used = await consumeSecondFactor(trx, deps.secrets, user, code, now);
    if (used) {
      await completeMfaSession(trx, principal.sessionId, sha256Hex(token), now.toISOString());
      await appendAuditEvent(trx, deps, context, {
        orgId: principal.activeOrgId,
        action: 'auth.signed_in',
        entity: { type: 'session', id: principal.sessionId },
        changes: { factor: { after: used } },
      });
      if (used === 'recovery') {
        await appendAuditEvent(trx, deps, context, {
          orgId: principal.activeOrgId,
          action: 'mfa.recovery_code_used',
          entity: { type: 'user', id: user.id },
        });
      }
    }
    return used;
  });
  if (!method) {
    await recordWrongCode(deps, context, principal, user.id);
    throw wrongCode();
  }
  await resetThrottle(deps.database.db, key);
  return token;
}

/** Proves again who the user is (password, and code when MFA is on) before a sensitive action. */
export async function reauthenticate(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  body: { password: string; code?: string | undefined },
): Promise<void> {
  const key = accountThrottleKey(principal.email);
  await reserveCodeAttempt(deps, key);
  const user = await userOf(deps, principal);
  const now = deps.clock.now();
  const ok = await deps.database.db.transaction().execute(async (trx) => {
    if (!(await verifyPassword(user.password_hash, body.password))) {
      return false;
    }
    if (
      user.totp_enabled_at &&
      !(body.code && (await consumeSecondFactor(trx, deps.secrets, user, body.code, now)))
    ) {
      return false;
    }
    await markAuthenticated(trx, principal.sessionId, now.toISOString());
    await appendAuditEvent(trx, deps, context, {
      orgId: principal.activeOrgId,
      action: 'auth.reauthenticated',
      entity: { type: 'session', id: principal.sessionId },
    });
    return true;
  });
  if (!ok) {
    // 400, not 401: the session itself is still valid.
    throw user.totp_enabled_at
      ? new AppError('validation_failed', 'The password or the code is incorrect.', [
          { path: 'body.password', message: 'or the code is incorrect' },
        ])
      : AppError.field('body.password', 'is incorrect');
  }
  await resetThrottle(deps.database.db, key);
}
