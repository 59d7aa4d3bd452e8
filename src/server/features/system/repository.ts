import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

export interface InstanceRow {
  id: string;
  created_at: string;
}

// The instance row is global (one per installation), not organization-owned.
export async function findInstance(db: Kysely<Database>): Promise<InstanceRow | undefined> {
  return db.selectFrom('instance').select(['id', 'created_at']).executeTakeFirst();
}

/** Inserts the instance row unless another process already did. */
export async function insertInstanceIfMissing(
  db: Kysely<Database>,
  row: InstanceRow,
): Promise<void> {
  await db
    .insertInto('instance')
    .values({ singleton: 1, ...row, setup_completed_at: null })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute();
}
