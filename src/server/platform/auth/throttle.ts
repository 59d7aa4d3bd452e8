import type { Kysely } from 'kysely';
import type { AuthThrottleTable, Database } from '../../db/schema';
import type { Clock } from '../clock';
import {
  clearThrottle,
  decrementThrottle,
  lockThrottle,
  updateThrottle,
} from './throttle-repository';

export interface Policy {
  /** Failures allowed before delays start. */
  free: number;
  /** Failures after which the key is locked for LOCK_MS. */
  lockAt: number;
}

// Per submitted account (whether it exists or not: the answer must not tell) and per client address.
export const ACCOUNT_POLICY: Policy = { free: 4, lockAt: 10 };
export const IP_POLICY: Policy = { free: 20, lockAt: 100 };
export const LOCK_MS = 15 * 60_000;
// Failures older than this are forgotten.
const WINDOW_MS = 15 * 60_000;

/** The throttle key of an account, by its normalised email (whether the account exists or not). */
export const accountThrottleKey = (email: string): string =>
  `account:${email.trim().toLowerCase()}`;

/** Why an attempt may not start yet, and for how long. */
export interface Refusal {
  allowed: false;
  retryAfterSeconds: number;
  locked: boolean;
}

/** An attempt counted on every key before the secret is checked, or the reason it may not start. */
export type Reservation =
  | {
      allowed: true;
      /** Keys this attempt locked (it reached their policy's `lockAt`). */
      locked: string[];
    }
  | Refusal;

/** Delay after `failures` failures: none up to `free`, then 1, 2, 4 … seconds, at most a minute. */
export function delayAfter(failures: number, policy: Policy): number {
  return failures <= policy.free ? 0 : Math.min(2 ** (failures - policy.free - 1) * 1000, 60_000);
}

/**
 * Whether one more attempt is allowed on a key whose row is `row` (0 failures = none yet), and if
 * so the row that counts it.
 */
export function judgeAttempt(
  row: AuthThrottleTable,
  now: Date,
  policy: Policy,
): Refusal | { allowed: true; next: AuthThrottleTable } {
  const at = now.getTime();
  const lockedUntil = row.locked_until === null ? null : Date.parse(row.locked_until);
  if (lockedUntil !== null && lockedUntil > at) {
    return {
      allowed: false,
      locked: true,
      retryAfterSeconds: Math.ceil((lockedUntil - at) / 1000),
    };
  }
  const last = Date.parse(row.last_failure_at);
  // An ended lock, or failures older than the window, are forgotten.
  const failures = lockedUntil !== null || at - last > WINDOW_MS ? 0 : row.failures;
  const wait = last + delayAfter(failures, policy) - at;
  if (failures > 0 && wait > 0) {
    return { allowed: false, locked: false, retryAfterSeconds: Math.ceil(wait / 1000) };
  }
  const counted = failures + 1;
  return {
    allowed: true,
    next: {
      key: row.key,
      failures: counted,
      last_failure_at: now.toISOString(),
      locked_until: counted >= policy.lockAt ? new Date(at + LOCK_MS).toISOString() : null,
    },
  };
}

class Refused extends Error {
  constructor(readonly verdict: Refusal) {
    super('throttled');
  }
}

/**
 * Counts one attempt on every key, atomically, BEFORE the password or code is checked: the count
 * is a reservation, so concurrent attempts cannot all pass a check made before any failure is
 * recorded. Each key's row is locked while it is judged and counted; when one key refuses, no key
 * counts the attempt. A failed check keeps the reservation (it is the failure); a successful one
 * calls `resetThrottle` (the account's keys) or `releaseAttempt` (the address).
 * 164.308(a)(5)(ii)(C) log-in monitoring; NIST SP 800-63B §5.2.2 rate limiting.
 */
export async function reserveAttempt(
  db: Kysely<Database>,
  clock: Clock,
  keys: readonly { key: string; policy: Policy }[],
): Promise<Reservation> {
  const now = clock.now();
  try {
    return await db.transaction().execute(async (trx) => {
      const locked: string[] = [];
      // Always in the caller's order (account before address), so two attempts never deadlock.
      for (const { key, policy } of keys) {
        const verdict = judgeAttempt(await lockThrottle(trx, key, now.toISOString()), now, policy);
        if (!verdict.allowed) {
          // Rolls back the counts already taken on earlier keys.
          throw new Refused(verdict);
        }
        await updateThrottle(trx, verdict.next);
        if (verdict.next.locked_until !== null) {
          locked.push(key);
        }
      }
      return { allowed: true as const, locked };
    });
  } catch (error) {
    if (error instanceof Refused) {
      return error.verdict;
    }
    throw error;
  }
}

/** Gives back a reserved attempt that succeeded, on a key that counts only failures (an address). */
export async function releaseAttempt(
  db: Kysely<Database>,
  key: string,
  policy: Policy,
): Promise<void> {
  await decrementThrottle(db, key, policy.lockAt);
}

/** Forgets every failure of `key` (after a successful sign-in or code). */
export async function resetThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await clearThrottle(db, key);
}
