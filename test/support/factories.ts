import { v7 as uuidv7 } from 'uuid';
import type { Role } from '../../src/contracts/roles';
import type { Database } from '../../src/server/db/schema';
import type {
  MembershipsTable,
  OrganizationsTable,
} from '../../src/server/features/organizations/tables';
import type { UsersTable } from '../../src/server/features/auth/tables';
import { hashPassword } from '../../src/server/features/auth/passwords';
import { createSession } from '../../src/server/platform/auth/sessions';
import { TOKEN_PREFIX } from '../../src/server/platform/auth/tokens';
import { randomToken, sha256Hex } from '../../src/server/platform/crypto/hash';
import type { Clock } from '../../src/server/platform/clock';
import type { Kysely } from 'kysely';

/** The password every factory-built user has. */
export const TEST_PASSWORD = 'plausible quiet harbor lantern 72';
let passwordHash: Promise<string> | undefined;

/** A clock tests can move. */
export function testClock(
  start = '2026-06-01T09:00:00.000Z',
): Clock & { advance(ms: number): void; set(iso: string): void } {
  let now = Date.parse(start);
  return {
    now: () => new Date(now),
    advance: (ms) => {
      now += ms;
    },
    set: (iso) => {
      now = Date.parse(iso);
    },
  };
}

export async function buildOrganization(
  db: Kysely<Database>,
  overrides: Partial<OrganizationsTable> = {},
): Promise<OrganizationsTable> {
  const row: OrganizationsTable = {
    id: uuidv7(),
    name: `Clinic ${Math.random().toString(36).slice(2, 8)}`,
    time_zone: 'America/Chicago',
    idle_timeout_minutes: 15,
    escalate_overdue_after_days: 7,
    mfa_required: 0,
    created_at: new Date().toISOString(),
    entity_type: null,
    includes_group_health_plan: 0,
    includes_clearinghouse: 0,
    size: null,
    locations: '[]',
    risk_matrix: null,
    security_official_id: null,
    security_official_since: null,
    privacy_official_id: null,
    privacy_official_since: null,
    ...overrides,
  };
  await db.insertInto('organizations').values(row).execute();
  return row;
}

export async function buildUser(
  db: Kysely<Database>,
  overrides: Partial<UsersTable> = {},
): Promise<UsersTable> {
  passwordHash ??= hashPassword(TEST_PASSWORD);
  const email = overrides.email ?? `user-${uuidv7().slice(-12)}@clinic.example`;
  const row: UsersTable = {
    id: uuidv7(),
    email,
    email_key: email.toLowerCase(),
    name: 'Test User',
    password_hash: await passwordHash,
    password_changed_at: new Date().toISOString(),
    created_at: new Date().toISOString(),
    totp_secret: null,
    totp_pending_secret: null,
    totp_enabled_at: null,
    totp_last_step: null,
    ...overrides,
  };
  await db.insertInto('users').values(row).execute();
  return row;
}

export async function buildMembership(
  db: Kysely<Database>,
  orgId: string,
  userId: string,
  role: Role,
  accessExpiresAt: string | null = null,
): Promise<MembershipsTable> {
  const row: MembershipsTable = {
    id: uuidv7(),
    org_id: orgId,
    user_id: userId,
    role,
    access_expires_at: accessExpiresAt,
    created_at: new Date().toISOString(),
  };
  await db.insertInto('memberships').values(row).execute();
  return row;
}

/** A user holding `role` in `orgId`, with a signed-in session; returns the headers to act as them. */
export async function buildMember(
  db: Kysely<Database>,
  clock: Clock,
  orgId: string,
  role: Role,
  accessExpiresAt: string | null = null,
) {
  const user = await buildUser(db, { name: `A ${role}` });
  const membership = await buildMembership(db, orgId, user.id, role, accessExpiresAt);
  return { user, membership, headers: await sessionHeaders(db, clock, user.id, orgId) };
}

/** Headers of a fresh session for `userId`, as the web app sends them. */
export async function sessionHeaders(
  db: Kysely<Database>,
  clock: Clock,
  userId: string,
  orgId: string | null,
): Promise<Record<string, string>> {
  const { token } = await createSession(db, clock, {
    userId,
    orgId,
    ip: '127.0.0.1',
    userAgent: 'test',
  });
  return asSession(token);
}

export const asSession = (token: string) => ({
  cookie: `custos_session=${token}`,
  'x-custos-csrf': '1',
});

/** The session token a response set, if any. */
export function sessionTokenOf(setCookie: string | string[] | undefined): string | undefined {
  const header = [setCookie ?? []].flat().find((c) => c.startsWith('custos_session='));
  const value = header?.split(';')[0]?.slice('custos_session='.length);
  return value === '' ? undefined : value;
}

/**
 * An API token of `userId` in `orgId` acting as `role` (not checked against the user's own role,
 * so tests can build tokens whose creator's role changed since); returns the headers to use it.
 */
export async function tokenHeaders(
  db: Kysely<Database>,
  clock: Clock,
  userId: string,
  orgId: string,
  role: Role,
): Promise<Record<string, string>> {
  const token = `${TOKEN_PREFIX}${randomToken(32)}`;
  const now = clock.now();
  await db
    .insertInto('api_tokens')
    .values({
      id: uuidv7(),
      org_id: orgId,
      user_id: userId,
      name: `${role} token`,
      role,
      token_hash: sha256Hex(token),
      prefix: token.slice(0, 10),
      created_at: now.toISOString(),
      expires_at: new Date(now.getTime() + 30 * 86_400_000).toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { authorization: `Bearer ${token}` };
}
