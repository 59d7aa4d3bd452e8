import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../platform/db/dialect';

const ROLES =
  "'owner','admin','security_officer','privacy_officer','contributor','workforce','auditor'";

// Accounts, organizations, memberships and sessions: 164.312(a)(2)(i) unique user identification,
// 164.312(d) person authentication, 164.312(a)(2)(iii) automatic logoff.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  // Set once, atomically, by the first-run setup: a second setup is refused.
  await db.schema.alterTable('instance').addColumn('setup_completed_at', t.instant).execute();
  await db.schema
    .createTable('users')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('email', 'text', (c) => c.notNull())
    .addColumn('email_key', 'text', (c) => c.notNull().unique())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('password_changed_at', t.instant, (c) => c.notNull())
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('organizations')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('time_zone', 'text', (c) => c.notNull().defaultTo('UTC'))
    .addColumn('idle_timeout_minutes', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(15)
        .check(sql`idle_timeout_minutes between 5 and 60`),
    )
    .addColumn('mfa_required', 'integer', (c) =>
      c
        .notNull()
        .defaultTo(0)
        .check(sql`mfa_required in (0, 1)`),
    )
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('memberships')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql.raw(`role in (${ROLES})`)))
    .addColumn('access_expires_at', t.instant)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('memberships_org_user_unique', ['org_id', 'user_id'])
    .execute();
  await db.schema.createIndex('memberships_user_idx').on('memberships').column('user_id').execute();

  await db.schema
    .createTable('sessions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('token_hash', 'text', (c) => c.notNull().unique())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('org_id', t.id, (c) => c.references('organizations.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('last_seen_at', t.instant, (c) => c.notNull())
    .addColumn('expires_at', t.instant, (c) => c.notNull())
    .addColumn('authenticated_at', t.instant, (c) => c.notNull())
    .addColumn('ip', 'text')
    .addColumn('user_agent', 'text')
    .addColumn('revoked_at', t.instant)
    .execute();
  await db.schema.createIndex('sessions_user_idx').on('sessions').column('user_id').execute();

  // Failed sign-ins per account and per client address, for throttling and temporary locks.
  await db.schema
    .createTable('auth_throttle')
    .addColumn('key', 'text', (c) => c.primaryKey())
    .addColumn('failures', 'integer', (c) => c.notNull())
    .addColumn('last_failure_at', t.instant, (c) => c.notNull())
    .addColumn('locked_until', t.instant)
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const table of ['auth_throttle', 'sessions', 'memberships', 'organizations', 'users']) {
    await db.schema.dropTable(table).execute();
  }
  await db.schema.alterTable('instance').dropColumn('setup_completed_at').execute();
}
