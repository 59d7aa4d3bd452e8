import type { RecoveryCodesTable, UsersTable } from '../tables';
import type { Db } from '../../../platform/db/types';

export async function findUserByEmailKey(
  db: Db,
  emailKey: string,
): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
}

export async function insertUser(trx: Db, row: UsersTable): Promise<void> {
  await trx.insertInto('users').values(row).execute();
}

export async function findUserById(db: Db, userId: string): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

export async function setTotpColumns(
  trx: Db,
  userId: string,
  values: Partial<
    Pick<UsersTable, 'totp_secret' | 'totp_pending_secret' | 'totp_enabled_at' | 'totp_last_step'>
  >,
): Promise<void> {
  await trx.updateTable('users').set(values).where('id', '=', userId).execute();
}

export async function replaceRecoveryCodes(
  trx: Db,
  userId: string,
  rows: RecoveryCodesTable[],
): Promise<void> {
  await trx.deleteFrom('recovery_codes').where('user_id', '=', userId).execute();
  if (rows.length > 0) {
    await trx.insertInto('recovery_codes').values(rows).execute();
  }
}

/** Marks an unused recovery code as used; false when there is none with this hash. */
export async function useRecoveryCode(
  trx: Db,
  userId: string,
  codeHash: string,
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('recovery_codes')
    .set({ used_at: at })
    .where('user_id', '=', userId)
    .where('code_hash', '=', codeHash)
    .where('used_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}
