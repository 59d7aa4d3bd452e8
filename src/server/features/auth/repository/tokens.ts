import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import type { ApiTokensTable } from '../tables';
import type { Db } from '../../../platform/db/types';

export async function insertToken(trx: Db, row: ApiTokensTable): Promise<void> {
  await trx.insertInto('api_tokens').values(row).execute();
}

/** The user's tokens that work now (not revoked, not expired), newest first. */
export async function listLiveTokens(
  db: Db,
  userId: string,
  now: string,
): Promise<ApiTokensTable[]> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('created_at', 'desc')
    .execute();
}

/** One of the user's tokens that is not revoked yet; another person's token is not found. */
export async function findUnrevokedToken(
  db: Db,
  userId: string,
  tokenId: string,
): Promise<ApiTokensTable | undefined> {
  return db
    .selectFrom('api_tokens')
    .selectAll()
    .where('id', '=', tokenId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
}

export async function markTokenRevoked(trx: Db, tokenId: string, at: string): Promise<void> {
  await trx.updateTable('api_tokens').set({ revoked_at: at }).where('id', '=', tokenId).execute();
}

/** Revokes every live token of `userId` in one statement; returns the ones it revoked. */
export async function revokeUserTokens(
  trx: Transaction<Database>,
  userId: string,
  at: string,
): Promise<{ id: string; org_id: string }[]> {
  return trx
    .updateTable('api_tokens')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', at)
    .returning(['id', 'org_id'])
    .execute();
}
