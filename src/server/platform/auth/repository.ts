import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { prepared } from '../db/prepared';

// Tables of the auth and organizations features (their tables.ts), as the platform sees them.
type SessionsTable = Database['sessions'];
type MembershipsTable = Database['memberships'];

export interface SessionWithUser extends SessionsTable {
  email: string;
  name: string;
  totp_enabled_at: string | null;
  idle_timeout_minutes: number | null;
}

// Compiled once: these run on every authenticated request (and the second on every organization route).
const sessionByTokenHash = prepared((db: Kysely<Database>, slot: (name: 'tokenHash') => string) =>
  db
    .selectFrom('sessions')
    .innerJoin('users', 'users.id', 'sessions.user_id')
    .leftJoin('organizations', 'organizations.id', 'sessions.org_id')
    .selectAll('sessions')
    .select([
      'users.email',
      'users.name',
      'users.totp_enabled_at',
      'organizations.idle_timeout_minutes',
    ])
    .where('sessions.token_hash', '=', slot('tokenHash')),
);

/** The session holding `tokenHash`, with its user and its active organization's idle timeout. */
export async function findSessionByTokenHash(
  db: Kysely<Database>,
  tokenHash: string,
): Promise<SessionWithUser | undefined> {
  const [session] = await sessionByTokenHash(db, { tokenHash });
  return session;
}

export async function insertSession(db: Kysely<Database>, row: SessionsTable): Promise<void> {
  await db.insertInto('sessions').values(row).execute();
}

export async function touchSession(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('sessions').set({ last_seen_at: at }).where('id', '=', id).execute();
}

export async function revokeSession(
  db: Kysely<Database>,
  userId: string,
  id: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('id', '=', id)
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function revokeUserSessions(
  db: Kysely<Database>,
  userId: string,
  at: string,
): Promise<number> {
  const result = await db
    .updateTable('sessions')
    .set({ revoked_at: at })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

/** Open sessions of a user (not revoked, not past their absolute expiry). */
export async function listOpenSessions(
  db: Kysely<Database>,
  userId: string,
  now: string,
): Promise<SessionsTable[]> {
  return db
    .selectFrom('sessions')
    .selectAll()
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .where('expires_at', '>', now)
    .orderBy('last_seen_at', 'desc')
    .execute();
}

export interface LiveMembership extends MembershipsTable {
  mfa_required: number;
}

const liveMembership = prepared(
  (db: Kysely<Database>, slot: (name: 'userId' | 'orgId' | 'now') => string) =>
    db
      .selectFrom('memberships')
      .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
      .selectAll('memberships')
      .select('organizations.mfa_required')
      .where('user_id', '=', slot('userId'))
      .where('org_id', '=', slot('orgId'))
      .where((eb) =>
        eb.or([eb('access_expires_at', 'is', null), eb('access_expires_at', '>', slot('now'))]),
      ),
);

/** A membership that grants access now (an auditor's ends at access_expires_at), with its org's MFA rule. */
export async function findLiveMembership(
  db: Kysely<Database>,
  userId: string,
  orgId: string,
  now: string,
): Promise<LiveMembership | undefined> {
  const [membership] = await liveMembership(db, { userId, orgId, now });
  return membership;
}

/** The name of a member of the organization, or undefined when the user is not one. */
export async function findMemberName(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
): Promise<{ name: string; role: string } | undefined> {
  return db
    .selectFrom('memberships')
    .innerJoin('users', 'users.id', 'memberships.user_id')
    .select(['users.name', 'memberships.role'])
    .where('memberships.org_id', '=', orgId)
    .where('memberships.user_id', '=', userId)
    .executeTakeFirst();
}

/**
 * True when the user holds one of `roles` in a membership that grants access now, in an
 * organization whose MFA rule they meet (`mfaEnabled`, or the organization does not require it).
 */
export async function holdsRoleInAnyOrganization(
  db: Kysely<Database>,
  userId: string,
  roles: readonly MembershipsTable['role'][],
  now: string,
  mfaEnabled: boolean,
): Promise<boolean> {
  let query = db
    .selectFrom('memberships')
    .innerJoin('organizations', 'organizations.id', 'memberships.org_id')
    .select('memberships.org_id')
    .where('memberships.user_id', '=', userId)
    .where('memberships.role', 'in', roles)
    .where((eb) =>
      eb.or([
        eb('memberships.access_expires_at', 'is', null),
        eb('memberships.access_expires_at', '>', now),
      ]),
    );
  if (!mfaEnabled) {
    query = query.where('organizations.mfa_required', '=', 0);
  }
  return (await query.limit(1).executeTakeFirst()) !== undefined;
}

/** The API token stored under `tokenHash`, with its creator's name and second-factor state. */
export async function findTokenByHash(db: Kysely<Database>, tokenHash: string) {
  return db
    .selectFrom('api_tokens')
    .innerJoin('users', 'users.id', 'api_tokens.user_id')
    .selectAll('api_tokens')
    .select(['users.email', 'users.name', 'users.totp_enabled_at'])
    .where('api_tokens.token_hash', '=', tokenHash)
    .executeTakeFirst();
}

export async function touchToken(db: Kysely<Database>, id: string, at: string): Promise<void> {
  await db.updateTable('api_tokens').set({ last_used_at: at }).where('id', '=', id).execute();
}

/** The person behind an API token of the organization (its creator), or undefined. */
export async function findTokenCreator(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  tokenId: string,
): Promise<string | undefined> {
  const row = await db
    .selectFrom('api_tokens')
    .select('user_id')
    .where('org_id', '=', orgId)
    .where('id', '=', tokenId)
    .executeTakeFirst();
  return row?.user_id;
}

/** True when the user's membership of the organization grants access at `now`. */
export async function membershipIsLive(
  db: Kysely<Database> | Transaction<Database>,
  orgId: string,
  userId: string,
  now: string,
): Promise<boolean> {
  const row = await db
    .selectFrom('memberships')
    .select('id')
    .where('org_id', '=', orgId)
    .where('user_id', '=', userId)
    .where((eb) => eb.or([eb('access_expires_at', 'is', null), eb('access_expires_at', '>', now)]))
    .executeTakeFirst();
  return row !== undefined;
}
