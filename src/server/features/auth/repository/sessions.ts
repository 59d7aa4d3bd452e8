import type { Db } from '../../../platform/db/types';

/** Moves a session to another organization under a new token (rotation on privilege change). */
export async function moveSession(
  trx: Db,
  sessionId: string,
  orgId: string,
  tokenHash: string,
): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ org_id: orgId, token_hash: tokenHash })
    .where('id', '=', sessionId)
    .execute();
}

/** Completes a pending sign-in: new token, second factor done, authenticated now. */
export async function completeMfaSession(
  trx: Db,
  sessionId: string,
  tokenHash: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ token_hash: tokenHash, mfa_pending: 0, authenticated_at: at, last_seen_at: at })
    .where('id', '=', sessionId)
    .execute();
}

export async function markAuthenticated(trx: Db, sessionId: string, at: string): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ authenticated_at: at })
    .where('id', '=', sessionId)
    .execute();
}

/** Ends a user's sessions working in `orgId`: their privileges there just changed. */
export async function revokeSessionsInOrganization(
  trx: Db,
  orgId: string,
  userId: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}
