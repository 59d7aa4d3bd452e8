import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// A reset link an owner or administrator issued for a member (no SMTP: handed over in person):
// who issued it, in which organization, and when the member read the notice of it at sign-in.
// Self-service links keep these null. A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('password_resets')
    .addColumn('issued_by', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .alterTable('password_resets')
    .addColumn('org_id', t.id, (c) => c.references('organizations.id'))
    .execute();
  await db.schema.alterTable('password_resets').addColumn('noticed_at', t.instant).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['noticed_at', 'org_id', 'issued_by']) {
    await db.schema.alterTable('password_resets').dropColumn(column).execute();
  }
}
