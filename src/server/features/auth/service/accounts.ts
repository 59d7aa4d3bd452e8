import type { Db } from '../../../platform/db/types';
import { AppError } from '../../../platform/errors';
import { passwordProblem } from '../passwords';
import { findUserByEmailKey, insertUser } from '../repository/accounts';

/** The key an email is looked up by: one account per address, whatever its case. */
export const emailKeyOf = (email: string) => email.trim().toLowerCase();

/** Checks a new password against the policy; throws a 400 naming `field` and saying why. */
export async function assertPasswordAcceptable(
  field: string,
  password: string,
  context: { email: string; name?: string },
): Promise<void> {
  const problem = await passwordProblem(password, context);
  if (problem) {
    throw new AppError('validation_failed', `${field} ${problem}.`, [
      { path: field, message: problem },
    ]);
  }
}

/** The id of the account of `email`, if it has one; `db` may be a transaction. */
export async function accountIdOf(db: Db, email: string): Promise<string | undefined> {
  return (await findUserByEmailKey(db, emailKeyOf(email)))?.id;
}

export interface NewAccount {
  id: string;
  /** Stored as given; looked up by its key (emailKeyOf). */
  email: string;
  name: string;
  passwordHash: string;
}

/** Creates an account, without second factor, inside the caller's transaction. */
export async function createAccountIn(trx: Db, account: NewAccount, at: string): Promise<void> {
  await insertUser(trx, {
    id: account.id,
    email: account.email,
    email_key: emailKeyOf(account.email),
    name: account.name,
    password_hash: account.passwordHash,
    password_changed_at: at,
    created_at: at,
    totp_secret: null,
    totp_pending_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
  });
}
