import type { Db } from './db/types';

/**
 * Members whose access has not ended at `now`, with their names and roles, by name; `except`
 * leaves one person out (the one asking, when looking for someone else who could act).
 */
export async function listLiveMembers(
  db: Db,
  orgId: string,
  now: string,
  except?: string,
): Promise<{ userId: string; name: string; role: string }[]> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['memberships.user_id as userId', 'users.name', 'memberships.role'])
    .where('memberships.org_id', '=', orgId)
    .where((eb) => eb.or([eb('access_expires_at', 'is', null), eb('access_expires_at', '>', now)]));
  if (except !== undefined) query = query.where('memberships.user_id', '!=', except);
  return query.orderBy('users.name').execute();
}

/**
 * Names of members of the organization, by user id (people named on records); someone who is no
 * member of it (any more) is left out, so a caller names them "Former member".
 */
export async function findPeopleNames(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<Map<string, string>> {
  const unique = [...new Set(ids)];
  if (unique.length === 0) return new Map();
  const rows = await db
    .selectFrom('users')
    .innerJoin('memberships', 'memberships.user_id', 'users.id')
    .select(['users.id', 'users.name'])
    .where('memberships.org_id', '=', orgId)
    .where('users.id', 'in', unique)
    .execute();
  return new Map(rows.map((r) => [r.id, r.name]));
}
