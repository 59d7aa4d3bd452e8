import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import { clearThrottle, findThrottle, saveThrottle } from './throttle-repository';

interface Policy {
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

export type ThrottleVerdict =
  { allowed: true } | { allowed: false; retryAfterSeconds: number; locked: boolean };

/** Delay after `failures` failures: none up to `free`, then 1, 2, 4 … seconds, at most a minute. */
export function delayAfter(failures: number, policy: Policy): number {
  return failures <= policy.free ? 0 : Math.min(2 ** (failures - policy.free - 1) * 1000, 60_000);
}

/** Whether another attempt on `key` is allowed now. */
export async function checkThrottle(
  db: Kysely<Database>,
  clock: Clock,
  key: string,
  policy: Policy,
): Promise<ThrottleVerdict> {
  const row = await findThrottle(db, key);
  if (!row) {
    return { allowed: true };
  }
  const now = clock.now().getTime();
  if (row.locked_until && Date.parse(row.locked_until) > now) {
    return {
      allowed: false,
      locked: true,
      retryAfterSeconds: Math.ceil((Date.parse(row.locked_until) - now) / 1000),
    };
  }
  const last = Date.parse(row.last_failure_at);
  if (now - last > WINDOW_MS) {
    return { allowed: true };
  }
  const wait = last + delayAfter(row.failures, policy) - now;
  return wait > 0
    ? { allowed: false, locked: false, retryAfterSeconds: Math.ceil(wait / 1000) }
    : { allowed: true };
}

/** Counts a failure; returns true when this failure locks the key. */
export async function recordFailure(
  db: Kysely<Database>,
  clock: Clock,
  key: string,
  policy: Policy,
): Promise<boolean> {
  const now = clock.now();
  const row = await findThrottle(db, key);
  const stale =
    !row ||
    now.getTime() - Date.parse(row.last_failure_at) > WINDOW_MS ||
    (row.locked_until !== null && Date.parse(row.locked_until) <= now.getTime());
  const failures = stale ? 1 : row.failures + 1;
  const locks = failures >= policy.lockAt;
  await saveThrottle(db, {
    key,
    failures,
    last_failure_at: now.toISOString(),
    locked_until: locks ? new Date(now.getTime() + LOCK_MS).toISOString() : null,
  });
  return locks;
}

export async function resetThrottle(db: Kysely<Database>, key: string): Promise<void> {
  await clearThrottle(db, key);
}
