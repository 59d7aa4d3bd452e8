import { v7 as uuidv7 } from 'uuid';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import { randomToken, sha256Hex } from '../crypto/hash';
import type { Kysely } from 'kysely';
import type { Role } from '../../../contracts/roles';
import {
  findSessionByTokenHash,
  insertSession,
  revokeSession,
  touchSession,
  type SessionWithUser,
} from './repository';

// The auth feature's table (features/auth/tables.ts), as the platform sees it.
type SessionsTable = Database['sessions'];

export const SESSION_COOKIE = 'custos_session';
// Absolute session lifetime, whatever the activity.
export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;
// 164.312(a)(2)(iii) automatic logoff: default when the session has no organization yet.
export const DEFAULT_IDLE_MINUTES = 15;
// last_seen_at is written at most this often, so busy sessions do not write on every request.
const TOUCH_EVERY_MS = 30_000;

/** The signed-in person behind a request. */
export interface Principal {
  userId: string;
  email: string;
  name: string;
  sessionId: string;
  activeOrgId: string | null;
  authenticatedAt: string;
  idleTimeoutMinutes: number;
  idleExpiresAt: string;
  expiresAt: string;
  /** Signed in with the password only, awaiting the TOTP or recovery code. */
  mfaPending: boolean;
  mfaEnabled: boolean;
  /** Set when the caller is an API token rather than a signed-in browser. */
  token?: { id: string; name: string; role: Role };
}

export type SessionCheck =
  | { ok: true; principal: Principal }
  | { ok: false; reason: 'unknown' | 'revoked' | 'expired' | 'idle'; session?: SessionWithUser };

export interface NewSession {
  userId: string;
  orgId: string | null;
  ip: string | null;
  userAgent: string | null;
  /** Password accepted, second factor still to come: the session can do nothing else yet. */
  mfaPending?: boolean;
}

/** Starts a session; returns the secret cookie value (only its hash is stored). */
export async function createSession(
  db: Kysely<Database>,
  clock: Clock,
  input: NewSession,
): Promise<{ token: string; session: SessionsTable }> {
  const now = clock.now();
  const token = randomToken(32);
  const session: SessionsTable = {
    id: uuidv7(),
    token_hash: sha256Hex(token),
    user_id: input.userId,
    org_id: input.orgId,
    created_at: now.toISOString(),
    last_seen_at: now.toISOString(),
    expires_at: new Date(now.getTime() + SESSION_LIFETIME_MS).toISOString(),
    authenticated_at: now.toISOString(),
    ip: input.ip,
    user_agent: input.userAgent,
    revoked_at: null,
    mfa_pending: input.mfaPending ? 1 : 0,
  };
  await insertSession(db, session);
  return { token, session };
}

/**
 * Checks a session token: unknown, revoked, past its absolute lifetime, or idle longer than its
 * organization allows are refused; an idle session is revoked there and then. `touch` records
 * activity (false for the web app's "how long do I have" polling).
 */
export async function resolveSession(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
  touch: boolean,
): Promise<SessionCheck> {
  const session = await findSessionByTokenHash(db, sha256Hex(token));
  if (!session) {
    return { ok: false, reason: 'unknown' };
  }
  if (session.revoked_at !== null) {
    return { ok: false, reason: 'revoked', session };
  }
  const now = clock.now();
  if (now.getTime() >= Date.parse(session.expires_at)) {
    return { ok: false, reason: 'expired', session };
  }
  const idleMinutes = session.idle_timeout_minutes ?? DEFAULT_IDLE_MINUTES;
  const lastSeen = Date.parse(session.last_seen_at);
  if (now.getTime() - lastSeen >= idleMinutes * 60_000) {
    await revokeSession(db, session.user_id, session.id, now.toISOString());
    return { ok: false, reason: 'idle', session };
  }
  let seen = lastSeen;
  if (touch && now.getTime() - lastSeen >= TOUCH_EVERY_MS) {
    seen = now.getTime();
    await touchSession(db, session.id, now.toISOString());
  }
  const idleExpires = Math.min(seen + idleMinutes * 60_000, Date.parse(session.expires_at));
  return {
    ok: true,
    principal: {
      userId: session.user_id,
      email: session.email,
      name: session.name,
      sessionId: session.id,
      activeOrgId: session.org_id,
      authenticatedAt: session.authenticated_at,
      idleTimeoutMinutes: idleMinutes,
      idleExpiresAt: new Date(idleExpires).toISOString(),
      expiresAt: session.expires_at,
      mfaPending: session.mfa_pending === 1,
      mfaEnabled: session.totp_enabled_at !== null,
    },
  };
}
