import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Who must acknowledge which policy, and each acknowledgement of a version (164.316(b)(2)(ii)).
// A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('policy_publications')
    .addColumn('document_id', t.id, (c) => c.primaryKey().references('documents.id'))
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('due_days', 'integer', (c) => c.notNull())
    .addColumn('published_at', t.instant, (c) => c.notNull())
    .addColumn('published_by', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('policy_publications_org_idx')
    .on('policy_publications')
    .column('org_id')
    .execute();
  // One row per role or per named person: "who" is a role or a user, never both.
  await db.schema
    .createTable('policy_audience')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', t.id, (c) => c.notNull().references('documents.id'))
    .addColumn('role', 'text')
    .addColumn('user_id', t.id, (c) => c.references('users.id'))
    .execute();
  await db.schema
    .createIndex('policy_audience_org_document_idx')
    .on('policy_audience')
    .columns(['org_id', 'document_id'])
    .execute();
  await db.schema
    .createTable('policy_acknowledgements')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', t.id, (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', t.id, (c) => c.notNull().references('document_versions.id'))
    // The hash of the exact text acknowledged: proof of what was read.
    .addColumn('version_sha256', 'text', (c) => c.notNull())
    .addColumn('user_id', t.id, (c) => c.notNull().references('users.id'))
    .addColumn('acknowledged_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('policy_acknowledgements_version_user_unique', ['version_id', 'user_id'])
    .execute();
  await db.schema
    .createIndex('policy_acknowledgements_org_user_idx')
    .on('policy_acknowledgements')
    .columns(['org_id', 'user_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('policy_acknowledgements').execute();
  await db.schema.dropTable('policy_audience').execute();
  await db.schema.dropTable('policy_publications').execute();
}
