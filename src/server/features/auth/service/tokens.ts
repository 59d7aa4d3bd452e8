import type { Transaction } from 'kysely';
import { v7 as uuidv7 } from 'uuid';
import type { TokenCreateBody } from '../../../../contracts/auth';
import { roleWithin } from '../../../../contracts/permissions';
import { roleOf } from '../../../../contracts/roles';
import type { Database } from '../../../db/schema';
import type { ApiTokensTable } from '../tables';
import {
  appendAuditEvent,
  type AuditContext,
  type AuditDeps,
} from '../../../platform/audit/append';
import { requireRecentAuthentication } from '../../../platform/auth/recent';
import { findLiveMembership } from '../../../platform/auth/repository';
import type { Principal } from '../../../platform/auth/sessions';
import { TOKEN_PREFIX } from '../../../platform/auth/tokens';
import { randomToken, sha256Hex } from '../../../platform/crypto/hash';
import type { AppDeps } from '../../../platform/deps';
import { AppError } from '../../../platform/errors';
import { presentToken } from '../presenter';
import {
  findUnrevokedToken,
  insertToken,
  listLiveTokens,
  markTokenRevoked,
  revokeUserTokens,
} from '../repository/tokens';

/**
 * Issues a token for `userId` in `orgId` with a role within the user's own there, inside `trx`.
 * Returns the row and the secret, which is shown once and stored only as a hash.
 */
export async function issueToken(
  trx: Transaction<Database>,
  deps: AuditDeps,
  context: AuditContext,
  userId: string,
  body: TokenCreateBody,
): Promise<{ row: ApiTokensTable; token: string }> {
  const now = deps.clock.now();
  const membership = await findLiveMembership(trx, userId, body.orgId, now.toISOString());
  if (!membership) {
    throw new AppError('not_found', 'No such organization, or you are not a member of it.');
  }
  if (!roleWithin(body.role, roleOf(membership.role))) {
    throw AppError.field(
      'body.role',
      `is above your own role (${membership.role}) in this organization`,
    );
  }
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const row: ApiTokensTable = {
    id: uuidv7(),
    org_id: body.orgId,
    user_id: userId,
    name: body.name,
    role: body.role,
    token_hash: sha256Hex(token),
    prefix: token.slice(0, 10),
    created_at: now.toISOString(),
    expires_at: new Date(now.getTime() + body.expiresInDays * 86_400_000).toISOString(),
    last_used_at: null,
    revoked_at: null,
  };
  await insertToken(trx, row);
  await appendAuditEvent(trx, deps, context, {
    orgId: body.orgId,
    action: 'token.created',
    entity: { type: 'api_token', id: row.id },
    changes: {
      name: { after: body.name },
      role: { after: body.role },
      expiresAt: { after: row.expires_at },
    },
  });
  return { row, token };
}

/** Token creation from the app: needs a recent sign-in (a token outlives the session). */
export async function createToken(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  body: TokenCreateBody,
) {
  requireRecentAuthentication(principal, deps.clock);
  const { row, token } = await deps.database.db
    .transaction()
    .execute((trx) => issueToken(trx, deps, context, principal.userId, body));
  return { ...presentToken(row), token };
}

/** The signed-in user's working tokens (their secrets are never shown again). */
export async function listTokens(deps: AppDeps, principal: Principal) {
  const rows = await listLiveTokens(
    deps.database.db,
    principal.userId,
    deps.clock.now().toISOString(),
  );
  return { data: rows.map(presentToken) };
}

export async function revokeToken(
  deps: AppDeps,
  context: AuditContext,
  principal: Principal,
  tokenId: string,
): Promise<void> {
  await deps.database.db.transaction().execute(async (trx) => {
    const row = await findUnrevokedToken(trx, principal.userId, tokenId);
    if (!row) {
      throw new AppError('not_found', 'No such token.');
    }
    await markTokenRevoked(trx, tokenId, deps.clock.now().toISOString());
    await appendAuditEvent(trx, deps, context, {
      orgId: row.org_id,
      action: 'token.revoked',
      entity: { type: 'api_token', id: tokenId },
    });
  });
}

/**
 * Revokes every live API token of `userId` inside `trx` (a reset after a compromise, or "sign out
 * everywhere" when asked), one `token.revoked` event per token in its organization's trail.
 */
export async function revokeAllTokensIn(
  trx: Transaction<Database>,
  deps: AuditDeps,
  context: AuditContext,
  userId: string,
  reason: 'password reset' | 'signed out everywhere',
): Promise<number> {
  const revoked = await revokeUserTokens(trx, userId, deps.clock.now().toISOString());
  for (const token of revoked) {
    await appendAuditEvent(trx, deps, context, {
      orgId: token.org_id,
      action: 'token.revoked',
      entity: { type: 'api_token', id: token.id },
      changes: { reason: { after: reason } },
    });
  }
  return revoked.length;
}
