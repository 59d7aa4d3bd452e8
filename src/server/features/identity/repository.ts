import type { Kysely, Transaction } from 'kysely';
import type { Database, MembershipsTable, OrganizationsTable, UsersTable } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** Marks the first-run setup done; false when it already was (so only one setup ever wins). */
export async function claimSetup(trx: Db, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('instance')
    .set({ setup_completed_at: at })
    .where('singleton', '=', 1)
    .where('setup_completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The instance row exists from the server's first start; the CLI may run before that. */
export async function ensureInstanceRow(trx: Db, id: string, at: string): Promise<void> {
  await trx
    .insertInto('instance')
    .values({ singleton: 1, id, created_at: at, setup_completed_at: null })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute();
}

export async function isSetupDone(db: Db): Promise<boolean> {
  const row = await db.selectFrom('instance').select('setup_completed_at').executeTakeFirst();
  return (row?.setup_completed_at ?? null) !== null;
}

export async function findUserByEmailKey(
  db: Db,
  emailKey: string,
): Promise<UsersTable | undefined> {
  return db.selectFrom('users').selectAll().where('email_key', '=', emailKey).executeTakeFirst();
}

export async function insertUser(trx: Db, row: UsersTable): Promise<void> {
  await trx.insertInto('users').values(row).execute();
}

export async function insertOrganization(trx: Db, row: OrganizationsTable): Promise<void> {
  await trx.insertInto('organizations').values(row).execute();
}

export async function insertMembership(trx: Db, row: MembershipsTable): Promise<void> {
  await trx.insertInto('memberships').values(row).execute();
}

export interface MembershipWithOrg extends MembershipsTable {
  org_name: string;
}

/** The user's memberships that grant access now, oldest first. */
export async function listLiveMemberships(
  db: Db,
  userId: string,
  now: string,
): Promise<MembershipWithOrg[]> {
  return db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .selectAll('memberships')
    .select('organizations.name as org_name')
    .where('memberships.user_id', '=', userId)
    .where((eb) =>
      eb.or([
        eb('memberships.access_expires_at', 'is', null),
        eb('memberships.access_expires_at', '>', now),
      ]),
    )
    .orderBy('memberships.created_at')
    .execute();
}

export async function findOrganization(
  db: Db,
  orgId: string,
): Promise<OrganizationsTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export async function updateIdleTimeout(trx: Db, orgId: string, minutes: number): Promise<void> {
  await trx
    .updateTable('organizations')
    .set({ idle_timeout_minutes: minutes })
    .where('id', '=', orgId)
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

/** Moves a session to another organization under a new token (rotation on privilege change). */
export async function moveSession(
  trx: Db,
  sessionId: string,
  orgId: string,
  tokenHash: string,
): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ org_id: orgId, token_hash: tokenHash })
    .where('id', '=', sessionId)
    .execute();
}
