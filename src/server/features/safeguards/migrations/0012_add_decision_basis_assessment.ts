import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// The approved risk assessment an addressable decision rests on (164.306(d)(3)), beside the free
// text kept for an analysis made outside Custos. A released migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema
    .alterTable('safeguards')
    .addColumn('decision_basis_assessment_id', t.id, (c) => c.references('risk_assessments.id'))
    .execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('safeguards').dropColumn('decision_basis_assessment_id').execute();
}
