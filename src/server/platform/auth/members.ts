import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { roleHolds, type Permission } from '../../../contracts/permissions';
import { roleOf } from '../../../contracts/roles';
import { AppError } from '../errors';
import type { AuditActor } from '../audit/append';
import { listLiveMembers } from '../people-repository';
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
  able?: { permission: Permission; act: string },
): Promise<string> {
  const member = await findMemberName(db, orgId, userId);
  if (member === undefined) {
    throw AppError.field(field, 'must be a member of this organization');
  }
  if (!(await memberIsActive(db, orgId, userId, now))) {
    throw AppError.field(
      field,
      `must be a member whose access has not ended (${member.name}'s has)`,
    );
  }
  // Work goes to someone whose role lets them do it (an auditor cannot complete a task).
  if (able && !roleHolds(roleOf(member.role), able.permission)) {
    throw AppError.field(field, `must be someone whose role allows them to ${able.act}`);
  }
  return member.name;
}

/**
 * As requireActiveMember for a person newly named on a record (its owner), whose role must let
 * them keep it (`able`: an auditor reads, and owns nothing); naming again the person the record
 * already has passes, so a record whose owner has left can still be edited while a new owner is
 * found.
 */
export async function requireNewlyNamedMember(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  change: { userId: string | null | undefined; previous: string | null },
  field: string,
  now: string,
  able: { permission: Permission; act: string },
): Promise<void> {
  if (!change.userId || change.userId === change.previous) return;
  await requireActiveMember(db, orgId, change.userId, field, now, able);
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

/** The names of the other members, access not ended, whose role holds `permission`. */
export async function othersWhoHold(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  permission: Permission,
  now: string,
): Promise<string[]> {
  const members = await listLiveMembers(db, orgId, now, userId);
  return members.filter((m) => roleHolds(roleOf(m.role), permission)).map((m) => m.name);
}

/** The members, access not ended, whose role holds `permission`: who may do a step. */
export async function membersWhoHold(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  permission: Permission,
  now: string,
): Promise<{ id: string; name: string }[]> {
  const members = await listLiveMembers(db, orgId, now);
  return members
    .filter((m) => roleHolds(roleOf(m.role), permission))
    .map((m) => ({ id: m.userId, name: m.name }));
}
