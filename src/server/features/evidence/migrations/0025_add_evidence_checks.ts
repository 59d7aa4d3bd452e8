import type { Kysely } from 'kysely';
import { columnTypes } from '../../../platform/db/dialect';

// When a stored file was last known whole, and its blob's stamp then (platform/storage): a
// download of an unchanged blob needs no whole-file check before it starts. A released
// migration never changes: add another.
export async function up(db: Kysely<unknown>): Promise<void> {
  const t = columnTypes(db);
  await db.schema.alterTable('evidence_items').addColumn('file_checked_stamp', 'text').execute();
  await db.schema.alterTable('evidence_items').addColumn('file_checked_at', t.instant).execute();
}

export async function down(db: Kysely<unknown>): Promise<void> {
  await db.schema.alterTable('evidence_items').dropColumn('file_checked_at').execute();
  await db.schema.alterTable('evidence_items').dropColumn('file_checked_stamp').execute();
}
