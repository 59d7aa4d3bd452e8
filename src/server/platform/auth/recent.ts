import type { Clock } from '../clock';
import { AppError } from '../errors';
import type { Principal } from './sessions';

// How recent a password (and code) must be for sensitive actions: MFA changes, role changes,
// token creation, audit exports.
export const RECENT_AUTH_MS = 10 * 60_000;

/** Refuses (403 reauthentication_required) unless the user proved who they are recently. */
export function requireRecentAuthentication(principal: Principal, clock: Clock): void {
  if (clock.now().getTime() - Date.parse(principal.authenticatedAt) > RECENT_AUTH_MS) {
    throw new AppError(
      'reauthentication_required',
      'Confirm your password to continue: this action needs a recent sign-in.',
    );
  }
}
