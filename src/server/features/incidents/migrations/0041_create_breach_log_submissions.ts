import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// 164.408(c) (to be checked): when each year's log of breaches under 500 was submitted to HHS,
// one row per organization and year of discovery, with who recorded it and when.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('breach_log_submissions')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('submitted_on', t.date, (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull())
    .addColumn('recorded_at', t.instant, (c) => c.notNull())
    .addColumn('recorded_by', t.id, (c) => c.references('users.id'))
    .addPrimaryKeyConstraint('breach_log_submissions_pk', ['org_id', 'year'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('breach_log_submissions').execute();
}
