import type { Db } from '../../../platform/db/types';

/** Marks the first-run setup done; false when it already was (so only one setup ever wins). */
export async function claimSetup(trx: Db, at: string): Promise<boolean> {
  const result = await trx
    .updateTable('instance')
    .set({ setup_completed_at: at })
    .where('singleton', '=', 1)
    .where('setup_completed_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/** The instance row exists from the server's first start; the CLI may run before that. */
export async function ensureInstanceRow(trx: Db, id: string, at: string): Promise<void> {
  await trx
    .insertInto('instance')
    .values({ singleton: 1, id, created_at: at, setup_completed_at: null })
    .onConflict((oc) => oc.column('singleton').doNothing())
    .execute();
}

export async function isSetupDone(db: Db): Promise<boolean> {
  const row = await db.selectFrom('instance').select('setup_completed_at').executeTakeFirst();
  return (row?.setup_completed_at ?? null) !== null;
}
