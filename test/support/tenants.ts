import { sql, type Kysely } from 'kysely';
import type { Database } from '../../src/server/db/schema';
import { FEATURES } from '../../src/server/features';
import { seedDemo } from '../../src/server/features/demo/seed';
import { defaultOutboundPolicy } from '../../src/server/platform/net/outbound';
import { featureDeps } from '../../src/server/platform/feature-deps';
import type { AuditContext } from '../../src/server/platform/audit/append';
import { auditKeysFrom } from '../../src/server/platform/audit/keys';
import type { Clock } from '../../src/server/platform/clock';
import { secretBox } from '../../src/server/platform/crypto/secret-box';
import { isPostgres } from '../../src/server/platform/db/dialect';
import type { AppDeps } from '../../src/server/platform/deps';
import { createMailer } from '../../src/server/platform/mail/mailer';
import type { TestApp } from './app';
import { TEST_MASTER_KEY } from './audit';
import { fileVault } from '../../src/server/platform/storage/file-vault';
import { localBlobStore } from '../../src/server/platform/storage/local-blob-store';
import { TEST_PASSWORD } from './factories';

const SEED_CONTEXT: AuditContext = {
  actor: { type: 'system', id: null, label: 'test seed' },
  ip: null,
  userAgent: null,
  requestId: null,
};

/** The app's dependencies over the test database, for seeding through the services. */
export function testDeps(t: TestApp, clock: Clock): AppDeps {
  return {
    database: t.database.handle,
    clock,
    auditKeys: auditKeysFrom(TEST_MASTER_KEY),
    secrets: secretBox(TEST_MASTER_KEY),
    files: fileVault(localBlobStore(t.blobsRoot), secretBox(TEST_MASTER_KEY), 1024 * 1024),
    mailer: createMailer(null, 'Custos <custos@localhost>', secretBox(TEST_MASTER_KEY)),
    jobs: t.jobs,
    baseUrl: 'http://localhost:8080',
    background: t.background,
    outbound: defaultOutboundPolicy(),
    ...featureDeps(FEATURES),
  };
}

/** A demo clinic (a record of every kind), its people's emails tagged so several fit one database. */
export async function seedClinic(t: TestApp, clock: Clock, tag: string) {
  const seeded = await seedDemo(testDeps(t, clock), SEED_CONTEXT, TEST_PASSWORD, {
    emailTag: tag,
  });
  await t.background.idle();
  return seeded;
}

/** Tables that hold an organization's rows (those with an org_id column). */
export async function organizationTables(db: Kysely<Database>): Promise<string[]> {
  const { rows } = isPostgres(db)
    ? await sql<{ name: string }>`
        select table_name as name from information_schema.columns
        where table_schema = current_schema() and column_name = 'org_id'
        order by table_name`.execute(db)
    : await sql<{ name: string }>`
        select m.name as name from sqlite_master m, pragma_table_info(m.name) p
        where m.type = 'table' and p.name = 'org_id' order by m.name`.execute(db);
  return rows.map((r) => r.name);
}

/**
 * Everything an organization holds, as text: every row with its org_id, and the user rows of its
 * members. Two equal snapshots mean nothing of the organization changed.
 */
export async function organizationSnapshot(db: Kysely<Database>, orgId: string): Promise<string> {
  const parts: string[] = [];
  for (const table of await organizationTables(db)) {
    const { rows } = await sql<Record<string, unknown>>`
      select * from ${sql.table(table)} where org_id = ${orgId}`.execute(db);
    // Sorted here, not by the query: where the first column ties (org_id first, composite keys),
    // PostgreSQL may return the same rows in another order once autovacuum changes the plan.
    const lines = rows.map((row) => JSON.stringify(row)).sort();
    parts.push(`${table}: [${lines.join(',')}]`);
  }
  const { rows: users } = await sql<Record<string, unknown>>`
    select u.* from users u join memberships m on m.user_id = u.id
    where m.org_id = ${orgId} order by u.id`.execute(db);
  parts.push(`users: ${JSON.stringify(users)}`);
  return parts.join('\n');
}
