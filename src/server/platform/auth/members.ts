import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { roleHolds, type Permission } from '../../../contracts/permissions';
import { roleOf } from '../../../contracts/roles';
import { AppError } from '../errors';
import type { AuditActor } from '../audit/append';
import { findMemberName, findTokenCreator, membershipIsLive } from './repository';

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

/**
 * Checks that a person named in a request is a member whose access has not ended (an auditor's
 * access ends at its expiry date), and returns their name; otherwise a 400 naming the field.
 * 164.308(a)(3)(ii)(C): work is not handed to someone whose access was terminated.
 */
export async function requireActiveMember(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  field: string,
  now: string,
): Promise<string> {
  const name = await requireMember(db, orgId, userId, field);
  if (!(await memberIsActive(db, orgId, userId, now))) {
    throw AppError.field(field, 'must be a member whose access has not ended');
  }
  return name;
}

/** The person who acted: the signed-in user, or the creator of the API token; null otherwise. */
export async function actingPersonIn(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  actor: AuditActor,
): Promise<string | null> {
  if (actor.id === null) return null;
  if (actor.type === 'user') return actor.id;
  if (actor.type === 'token') return (await findTokenCreator(db, orgId, actor.id)) ?? null;
  return null;
}

/** True when the user is a member of the organization whose access has not ended at `now`. */
export async function memberIsActive(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  now: string,
): Promise<boolean> {
  return membershipIsLive(db, orgId, userId, now);
}
