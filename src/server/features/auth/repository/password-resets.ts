import type { Transaction } from 'kysely';
import type { Database } from '../../../db/schema';
import type { PasswordResetsTable } from '../tables';
import { isPostgres } from '../../../platform/db/dialect';
import type { Db } from '../../../platform/db/types';

/**
 * Holds the user's row until the transaction ends, so that reset requests for one account are
 * counted one after the other (PostgreSQL row lock; SQLite serialises writers).
 */
export async function lockUserForReset(trx: Transaction<Database>, userId: string): Promise<void> {
  if (isPostgres(trx)) {
    await trx.selectFrom('users').select('id').where('id', '=', userId).forUpdate().execute();
  }
}

export async function insertReset(trx: Db, row: PasswordResetsTable): Promise<void> {
  await trx.insertInto('password_resets').values(row).execute();
}

/** Self-service links asked for since `since` (links an administrator issued do not count). */
export async function countRecentResets(db: Db, userId: string, since: string): Promise<number> {
  const row = await db
    .selectFrom('password_resets')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('user_id', '=', userId)
    .where('issued_by', 'is', null)
    .where('created_at', '>', since)
    .executeTakeFirstOrThrow();
  return row.n;
}

/** Marks a reset link used; false when it already was (two tabs racing). */
export async function claimReset(trx: Db, tokenHash: string, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('password_resets')
    .set({ used_at: at })
    .where('token_hash', '=', tokenHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** Stores a new password hash and ends the user's sessions, except `keepSessionId`. */
export async function setPassword(
  trx: Db,
  userId: string,
  hash: string,
  at: string,
  keepSessionId: string | null,
): Promise<void> {
  await trx
    .updateTable('users')
    .set({ password_hash: hash, password_changed_at: at })
    .where('id', '=', userId)
    .execute();
  let sessions = trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null);
  if (keepSessionId) {
    sessions = sessions.where('id', '!=', keepSessionId);
  }
  await sessions.execute();
}

export async function findReset(
  db: Db,
  tokenHash: string,
): Promise<PasswordResetsTable | undefined> {
  return db
    .selectFrom('password_resets')
    .selectAll()
    .where('token_hash', '=', tokenHash)
    .executeTakeFirst();
}

/** Ends the unused links administrators issued earlier for the user: only the newest one works. */
export async function expireIssuedResets(trx: Db, userId: string, at: string): Promise<void> {
  await trx
    .updateTable('password_resets')
    .set({ expires_at: at })
    .where('user_id', '=', userId)
    .where('issued_by', 'is not', null)
    .where('used_at', 'is', null)
    .where('expires_at', '>', at)
    .execute();
}

export interface ResetNoticeRow {
  issuer_name: string;
  org_id: string | null;
  created_at: string;
  used_at: string | null;
  expires_at: string;
}

/** Links others issued for the user that the user has not acknowledged, newest first. */
export async function listResetNotices(db: Db, userId: string): Promise<ResetNoticeRow[]> {
  return db
    .selectFrom('password_resets')
    .innerJoin('users as issuer', 'issuer.id', 'password_resets.issued_by')
    .select([
      'issuer.name as issuer_name',
      'password_resets.org_id',
      'password_resets.created_at',
      'password_resets.used_at',
      'password_resets.expires_at',
    ])
    .where('password_resets.user_id', '=', userId)
    .where('password_resets.noticed_at', 'is', null)
    .orderBy('password_resets.created_at', 'desc')
    .limit(10)
    .execute();
}

/** Marks the user's notices read; returns how many were. */
export async function markResetNoticesSeen(trx: Db, userId: string, at: string): Promise<number> {
  const result = await trx
    .updateTable('password_resets')
    .set({ noticed_at: at })
    .where('user_id', '=', userId)
    .where('issued_by', 'is not', null)
    .where('noticed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
