import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// Policies and procedures (164.316): a document, its versions (each a record once it reached
// review, kept six years: 164.316(b)(2)(i)) and its periodic reviews (164.316(b)(2)(iii)).
// A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .createTable('documents')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('category', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('owner_id', t.id, (c) => c.references('users.id'))
    .addColumn('review_months', 'integer', (c) => c.notNull().defaultTo(12))
    .addColumn('next_review_on', t.date)
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('documents_org_number_unique', ['org_id', 'number'])
    .execute();
  // The review sweep reads documents due in a window, per organization.
  await db.schema
    .createIndex('documents_org_review_idx')
    .on('documents')
    .columns(['org_id', 'next_review_on'])
    .execute();
  await db.schema
    .createTable('document_versions')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', t.id, (c) => c.notNull().references('documents.id'))
    .addColumn('number', 'integer', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('title', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull())
    .addColumn('body', 'text', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('change_summary', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('based_on_number', 'integer')
    .addColumn('created_at', t.instant, (c) => c.notNull())
    .addColumn('created_by', t.id, (c) => c.references('users.id'))
    .addColumn('submitted_at', t.instant)
    .addColumn('submitted_by', t.id, (c) => c.references('users.id'))
    // Everyone who ever submitted the version (JSON array of user ids): none of them approves it
    // while another person may.
    .addColumn('submitters', 'text', (c) => c.notNull().defaultTo('[]'))
    .addColumn('approved_at', t.instant)
    .addColumn('approved_by', t.id, (c) => c.references('users.id'))
    .addColumn('approval_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('effective_on', t.date)
    .addColumn('ended_at', t.instant)
    .addColumn('retain_until', t.date)
    .addColumn('updated_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('document_versions_document_number_unique', ['document_id', 'number'])
    .execute();
  await db.schema
    .createIndex('document_versions_org_document_idx')
    .on('document_versions')
    .columns(['org_id', 'document_id'])
    .execute();
  // One open draft (draft or in review) and one version in effect per document, whatever races.
  await db.schema
    .createIndex('document_versions_one_open_unique')
    .on('document_versions')
    .column('document_id')
    .unique()
    .where('status', 'in', ['draft', 'in_review'])
    .execute();
  await db.schema
    .createIndex('document_versions_one_in_effect_unique')
    .on('document_versions')
    .column('document_id')
    .unique()
    .where('status', '=', 'in_effect')
    .execute();
  await db.schema
    .createTable('document_reviews')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('document_id', t.id, (c) => c.notNull().references('documents.id'))
    .addColumn('version_id', t.id, (c) => c.notNull().references('document_versions.id'))
    .addColumn('reviewed_at', t.instant, (c) => c.notNull())
    .addColumn('reviewed_by', t.id, (c) => c.references('users.id'))
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('next_review_on', t.date, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('document_reviews_org_document_idx')
    .on('document_reviews')
    .columns(['org_id', 'document_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('document_reviews').execute();
  await db.schema.dropTable('document_versions').execute();
  await db.schema.dropTable('documents').execute();
}
