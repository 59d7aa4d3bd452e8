import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// A sanction of retraining assigns a course (issue 15 part 5): the training assignment it made,
// without a foreign key (training owns its table). A released migration never changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('sanctions').addColumn('training_assignment_id', t.id).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('sanctions').dropColumn('training_assignment_id').execute();
}
