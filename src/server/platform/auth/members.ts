import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { AppError } from '../http/errors';
import { findMemberName } from './repository';

/**
 * Checks that a person named in a request (an owner, an approver, an official) is a member of
 * the organization, and returns their name; otherwise a 400 naming the field.
 */
export async function requireMember(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  field: string,
): Promise<string> {
  const name = await findMemberName(db, orgId, userId);
  if (name === undefined) {
    throw AppError.field(field, 'must be a member of this organization');
  }
  return name;
}
