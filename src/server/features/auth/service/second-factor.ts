import { randomInt } from 'node:crypto';
import { Secret, TOTP } from 'otpauth';
import { v7 as uuidv7 } from 'uuid';
import type { RecoveryCodesTable, UsersTable } from '../tables';
import { sha256Hex } from '../../../platform/crypto/hash';
import type { SecretBox } from '../../../platform/crypto/secret-box';
import { setTotpColumns, useRecoveryCode } from '../repository/accounts';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../../db/schema';

// RFC 6238 with the parameters every authenticator app supports.
const PERIOD_SECONDS = 30;
export const TOTP_PURPOSE = 'totp-secret';
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';
export const RECOVERY_CODE_COUNT = 10;

export function totpFor(secretBase32: string, email: string): TOTP {
  return new TOTP({
    issuer: 'Custos',
    label: email,
    algorithm: 'SHA1',
    digits: 6,
    period: PERIOD_SECONDS,
    secret: Secret.fromBase32(secretBase32),
  });
}

export const newTotpSecret = (): string => new Secret({ size: 20 }).base32;

/** The 30-second step a code belongs to (now ±1 step for clock drift), or null when it is wrong. */
export function matchingStep(totp: TOTP, code: string, now: Date): number | null {
  const delta = totp.validate({ token: code, timestamp: now.getTime(), window: 1 });
  return delta === null ? null : Math.floor(now.getTime() / 1000 / PERIOD_SECONDS) + delta;
}

const normalizeRecovery = (code: string) => code.toLowerCase().replace(/[^a-z0-9]/g, '');

/** Ten single-use recovery codes like "k7pm2-x9qrt", and their hashed rows. */
export function newRecoveryCodes(userId: string): { codes: string[]; rows: RecoveryCodesTable[] } {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, () => {
    const chars = Array.from(
      { length: 10 },
      () => RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)],
    ).join('');
    return `${chars.slice(0, 5)}-${chars.slice(5)}`;
  });
  // 50 random bits each and single use: a plain SHA-256 is enough to keep them unreadable at rest.
  const rows = codes.map((code) => ({
    id: uuidv7(),
    user_id: userId,
    code_hash: sha256Hex(normalizeRecovery(code)),
    used_at: null,
  }));
  return { codes, rows };
}

/**
 * Checks a second factor for `user`: a six-digit TOTP code not used before, or an unused recovery
 * code. Records the use (so neither works twice) inside `trx`.
 */
export async function consumeSecondFactor(
  trx: Transaction<Database> | Kysely<Database>,
  secrets: SecretBox,
  user: UsersTable,
  code: string,
  now: Date,
): Promise<'totp' | 'recovery' | null> {
  if (!user.totp_secret) {
    return null;
  }
  const digits = code.replace(/\s/g, '');
  if (/^\d{6}$/.test(digits)) {
    const step = matchingStep(
      totpFor(secrets.open(user.totp_secret, TOTP_PURPOSE), user.email),
      digits,
      now,
    );
    if (step === null || (user.totp_last_step !== null && step <= user.totp_last_step)) {
      return null;
    }
    await setTotpColumns(trx, user.id, { totp_last_step: step });
    return 'totp';
  }
  const used = await useRecoveryCode(
    trx,
    user.id,
    sha256Hex(normalizeRecovery(code)),
    now.toISOString(),
  );
  return used ? 'recovery' : null;
}
