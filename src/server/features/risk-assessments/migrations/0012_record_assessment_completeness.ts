import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// What an assessment left incomplete when it was submitted and approved (acknowledged by the
// person acting), and the guided pairs its analysts considered negligible, with their reason.
// A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('risk_assessments').addColumn('submission_gaps', 'text').execute();
  await db.schema.alterTable('risk_assessments').addColumn('approval_gaps', 'text').execute();
  await db.schema
    .createTable('negligible_pairs')
    .addColumn('id', t.id, (c) => c.primaryKey())
    .addColumn('org_id', t.id, (c) => c.notNull().references('organizations.id'))
    .addColumn('assessment_id', t.id, (c) => c.notNull().references('risk_assessments.id'))
    .addColumn('asset_id', t.id, (c) => c.notNull().references('assets.id'))
    .addColumn('threat_id', 'text', (c) => c.notNull())
    .addColumn('reason', 'text', (c) => c.notNull())
    .addColumn('decided_by', t.id, (c) => c.references('users.id'))
    .addColumn('decided_at', t.instant, (c) => c.notNull())
    .addUniqueConstraint('negligible_pairs_assessment_pair_unique', [
      'assessment_id',
      'asset_id',
      'threat_id',
    ])
    .execute();
  await db.schema
    .createIndex('negligible_pairs_org_assessment_idx')
    .on('negligible_pairs')
    .columns(['org_id', 'assessment_id'])
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.dropTable('negligible_pairs').execute();
  await db.schema.alterTable('risk_assessments').dropColumn('approval_gaps').execute();
  await db.schema.alterTable('risk_assessments').dropColumn('submission_gaps').execute();
}
