import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { roleHolds, type Permission } from '../../../contracts/permissions';
import { roleOf } from '../../../contracts/roles';
import { AppError } from '../errors';
import { findMemberName } from './repository';

/**
 * Checks that a person named in a request (an owner, an official) is a member of
 * the organization, and returns their name; otherwise a 400 naming the field.
 */
export async function requireMember(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  field: string,
): Promise<string> {
  const member = await findMemberName(db, orgId, userId);
  if (member === undefined) {
    throw AppError.field(field, 'must be a member of this organization');
  }
  return member.name;
}

/** True when the user is a member of the organization with a role holding `permission`. */
export async function memberHolds(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  permission: Permission,
): Promise<boolean> {
  const member = await findMemberName(db, orgId, userId);
  return member !== undefined && roleHolds(roleOf(member.role), permission);
}
