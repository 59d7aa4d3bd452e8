import type { Kysely } from 'kysely';
import { sql } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// 164.316(b)(2)(i): what is kept until when, and the legal holds that keep it longer. A released
// migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('retained_records')
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('opens_id', 'text', (c) => c.notNull())
    .addColumn('label', 'text', (c) => c.notNull())
    // The later of creation and last in effect, in the organization's calendar.
    .addColumn('kept_from', t.date, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addPrimaryKeyConstraint('retained_records_pk', ['org_id', 'record_type', 'record_id'])
    .execute();
  await db.schema
    .createIndex('retained_records_org_kept_idx')
    .on('retained_records')
    .columns(['org_id', 'kept_from', 'record_id'])
    .execute();
  await db.schema
    .createTable('legal_holds')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('record_type', 'text', (c) => c.notNull())
    .addColumn('record_id', 'text', (c) => c.notNull())
    .addColumn('record_label', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('placed_by', t.id, (c) => c.references('users.id'))
    .addColumn('placed_at', t.instant, (c) => c.notNull())
    .addColumn('released_by', t.id, (c) => c.references('users.id'))
    .addColumn('released_at', t.instant)
    .addColumn('release_reason', 'text')
    .addUniqueConstraint('legal_holds_org_number_unique', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('legal_holds_org_record_idx')
    .on('legal_holds')
    .columns(['org_id', 'record_type', 'record_id'])
    .execute();
  // At most one hold in force per record.
  await db.schema
    .createIndex('legal_holds_one_in_force_idx')
    .on('legal_holds')
    .columns(['org_id', 'record_type', 'record_id'])
    .unique()
    .where(sql<boolean>`released_at is null`)
    .execute();
  await db.schema
    .createTable('retention_settings')
    .addColumn('org_id', t.id, (c) => c.primaryKey().references('organizations.id'))
    .addColumn('years', 'integer', (c) => c.notNull().check(sql`years >= 6`))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addColumn('updated_by', t.id, (c) => c.references('users.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('retention_settings').execute();
  await db.schema.dropTable('legal_holds').execute();
  await db.schema.dropTable('retained_records').execute();
}
