import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';

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
