import type { Kysely } from 'kysely';
import { roleOf } from '../../../contracts/roles';
import type { Database } from '../../db/schema';
import type { Clock } from '../clock';
import { sha256Hex } from '../crypto/hash';
import { findTokenByHash, touchToken } from './repository';
import type { Principal } from './sessions';

export const TOKEN_PREFIX = 'cst_';
// last_used_at is written at most this often.
const TOUCH_EVERY_MS = 60_000;

/** The principal behind a bearer token, or null when it is unknown, revoked or expired. */
export async function resolveToken(
  db: Kysely<Database>,
  clock: Clock,
  token: string,
): Promise<Principal | null> {
  if (!token.startsWith(TOKEN_PREFIX)) {
    return null;
  }
  const row = await findTokenByHash(db, sha256Hex(token));
  const now = clock.now();
  if (row?.revoked_at !== null || Date.parse(row.expires_at) <= now.getTime()) {
    return null;
  }
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) >= TOUCH_EVERY_MS) {
    await touchToken(db, row.id, now.toISOString());
  }
  return {
    userId: row.user_id,
    email: row.email,
    name: row.name,
    sessionId: '',
    activeOrgId: row.org_id,
    authenticatedAt: row.created_at,
    idleTimeoutMinutes: 0,
    idleExpiresAt: row.expires_at,
    expiresAt: row.expires_at,
    mfaPending: false,
    mfaEnabled: row.totp_enabled_at !== null,
    token: { id: row.id, name: row.name, role: roleOf(row.role) },
  };
}
