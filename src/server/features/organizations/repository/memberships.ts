import type { MembershipsTable } from '../tables';
import { prepared } from '../../../platform/db/prepared';
import type { Db } from '../../../platform/db/types';

export async function insertMembership(trx: Db, row: MembershipsTable): Promise<void> {
  await trx.insertInto('memberships').values(row).execute();
}

export interface MembershipWithOrg extends MembershipsTable {
  org_name: string;
  mfa_required: number;
  time_zone: string;
}

// Compiled once: GET /api/me, which the web app calls on every page load, runs it.
const liveMemberships = prepared((db: Db, slot: (name: 'userId' | 'now') => string) =>
  db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .selectAll('memberships')
    .select([
      'organizations.name as org_name',
      'organizations.mfa_required',
      'organizations.time_zone',
    ])
    .where('memberships.user_id', '=', slot('userId'))
    .where((eb) =>
      eb.or([
        eb('memberships.access_expires_at', 'is', null),
        eb('memberships.access_expires_at', '>', slot('now')),
      ]),
    )
    .orderBy('memberships.created_at'),
);

/** The user's memberships that grant access now, oldest first. */
export async function listLiveMemberships(
  db: Db,
  userId: string,
  now: string,
): Promise<MembershipWithOrg[]> {
  return liveMemberships(db, { userId, now });
}

/** The user's memberships whose access ended (employment ended), latest first: their names only. */
export async function listEndedMemberships(db: Db, userId: string, now: string) {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select([
      'organizations.name as org_name',
      'organizations.time_zone',
      'memberships.access_expires_at',
    ])
    .where('memberships.user_id', '=', userId)
    .where('memberships.access_expires_at', 'is not', null)
    .where('memberships.access_expires_at', '<=', now)
    .orderBy('memberships.access_expires_at', 'desc')
    .limit(20)
    .execute();
}

export interface MemberRow extends MembershipsTable {
  name: string;
  email: string;
}

export async function listMembers(db: Db, orgId: string): Promise<MemberRow[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('memberships')
    .select(['users.name', 'users.email'])
    .where('memberships.org_id', '=', orgId)
    .orderBy('users.name')
    .execute();
}

export async function findMembership(
  db: Db,
  orgId: string,
  membershipId: string,
): Promise<MemberRow | undefined> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .selectAll('memberships')
    .select(['users.name', 'users.email'])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.id', '=', membershipId)
    .executeTakeFirst();
}

export async function findMembershipOfUser(
  db: Db,
  orgId: string,
  userId: string,
): Promise<MembershipsTable | undefined> {
  return db
    .selectFrom('memberships')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * Owners whose access lasts beyond `at` (no end date, or a later one), but for `except`: an owner
 * whose access has ended, or will have by then, cannot manage the organization (members.ts#guard).
 */
export async function countOwners(
  db: Db,
  orgId: string,
  { at, except }: { at: string; except?: string },
): Promise<number> {
  let query = db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .where((eb) => eb.or([eb('access_expires_at', 'is', null), eb('access_expires_at', '>', at)]));
  if (except) query = query.where('user_id', '!=', except);
  return (await query.executeTakeFirstOrThrow()).n;
}

export async function updateMembership(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<Pick<MembershipsTable, 'role' | 'access_expires_at'>>,
): Promise<void> {
  await trx
    .updateTable('memberships')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteMembership(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('memberships').where('org_id', '=', orgId).where('id', '=', id).execute();
}
