import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Access grants (164.308(a)(4)(ii)(B)): who may reach which system, at what level, why, and who
// approved it. Person and asset are kept by id without a foreign key: a grant outlives a roster
// entry or an asset removed by mistake (164.316(b)(2)(i)). A released migration never changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('access_grants')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('person_id', t.id, (c) => c.notNull())
    .addColumn('asset_id', t.id, (c) => c.notNull())
    .addColumn('access_level', 'text', (c) => c.notNull())
    .addColumn('justification', 'text', (c) => c.notNull())
    .addColumn('approved_by', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('granted_on', t.date, (c) => c.notNull())
    .addColumn('revoked_on', t.date)
    .addColumn('revoked_by', t.id, (c) => c.references('users.id'))
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('access_grants_org_number_unique', ['org_id', 'number'])
    .execute();
  await db.schema
    .createIndex('access_grants_org_person')
    .on('access_grants')
    .columns(['org_id', 'person_id'])
    .execute();
  await db.schema
    .createIndex('access_grants_org_asset')
    .on('access_grants')
    .columns(['org_id', 'asset_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('access_grants').execute();
}
