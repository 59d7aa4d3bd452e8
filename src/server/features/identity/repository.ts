import type {
  InvitationsTable,
  MembershipsTable,
  OrganizationsTable,
  RecoveryCodesTable,
  UsersTable,
} from '../../db/schema';
import type { Db } from '../../platform/db/types';

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

/** The columns a new organization starts with; the profile is filled in later. */
export type NewOrganization = Pick<
  OrganizationsTable,
  'id' | 'name' | 'time_zone' | 'idle_timeout_minutes' | 'mfa_required' | 'created_at'
>;

export async function insertOrganization(trx: Db, row: NewOrganization): Promise<void> {
  await trx
    .insertInto('organizations')
    .values({ ...row, includes_group_health_plan: 0, includes_clearinghouse: 0, locations: '[]' })
    .execute();
}

export async function insertMembership(trx: Db, row: MembershipsTable): Promise<void> {
  await trx.insertInto('memberships').values(row).execute();
}

export interface MembershipWithOrg extends MembershipsTable {
  org_name: string;
  mfa_required: number;
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
    .select(['organizations.name as org_name', 'organizations.mfa_required'])
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

export async function updateOrganizationSettings(
  trx: Db,
  orgId: string,
  values: Partial<Omit<OrganizationsTable, 'id' | 'created_at'>>,
): Promise<void> {
  await trx.updateTable('organizations').set(values).where('id', '=', orgId).execute();
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

/** Completes a pending sign-in: new token, second factor done, authenticated now. */
export async function completeMfaSession(
  trx: Db,
  sessionId: string,
  tokenHash: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ token_hash: tokenHash, mfa_pending: 0, authenticated_at: at, last_seen_at: at })
    .where('id', '=', sessionId)
    .execute();
}

export async function markAuthenticated(trx: Db, sessionId: string, at: string): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ authenticated_at: at })
    .where('id', '=', sessionId)
    .execute();
}

export async function insertInvitation(trx: Db, row: InvitationsTable): Promise<void> {
  await trx.insertInto('invitations').values(row).execute();
}

export async function findInvitationByTokenHash(
  db: Db,
  tokenHash: string,
): Promise<(InvitationsTable & { org_name: string }) | undefined> {
  return db
    .selectFrom('invitations')
    .innerJoin('organizations', 'organizations.id', 'invitations.org_id')
    .selectAll('invitations')
    .select('organizations.name as org_name')
    .where('invitations.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function listInvitations(db: Db, orgId: string): Promise<InvitationsTable[]> {
  return db
    .selectFrom('invitations')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at', 'desc')
    .execute();
}

/** Closes an open invitation; false when it was not open (accepted, revoked, or another org's). */
export async function closeInvitation(
  trx: Db,
  orgId: string,
  id: string,
  field: 'accepted_at' | 'revoked_at',
  at: string,
): Promise<boolean> {
  const result = await trx
    .updateTable('invitations')
    .set({ [field]: at })
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .where('accepted_at', 'is', null)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
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

export async function countOwners(db: Db, orgId: string): Promise<number> {
  const row = await db
    .selectFrom('memberships')
    .select((eb) => eb.fn.countAll<number>().as('n'))
    .where('org_id', '=', orgId)
    .where('role', '=', 'owner')
    .executeTakeFirstOrThrow();
  return row.n;
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

/** Ends a user's sessions working in `orgId`: their privileges there just changed. */
export async function revokeSessionsInOrganization(
  trx: Db,
  orgId: string,
  userId: string,
  at: string,
): Promise<void> {
  await trx
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .execute();
}

export async function findUserNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
}
