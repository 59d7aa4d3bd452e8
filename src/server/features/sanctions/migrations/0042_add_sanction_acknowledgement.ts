import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// How a sanction was acknowledged (issue 15 part 5): in Custos by the person themselves, or on
// signed paper recorded by an official; who recorded it and when. A released migration never changes.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  // One column per statement: SQLite adds one at a time.
  await db.schema.alterTable('sanctions').addColumn('acknowledged_way', 'text').execute();
  await db.schema.alterTable('sanctions').addColumn('acknowledged_by', t.id).execute();
  await db.schema.alterTable('sanctions').addColumn('acknowledged_at', t.instant).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  for (const column of ['acknowledged_at', 'acknowledged_by', 'acknowledged_way']) {
    await db.schema.alterTable('sanctions').dropColumn(column).execute();
  }
}
