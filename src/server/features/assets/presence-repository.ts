import type { Db } from '../../platform/db/types';

/** Whether the organization's inventory lists any asset (one row read at most). */
export async function anyAsset(db: Db, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('assets')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/** Whether the organization's data-flow map holds any flow (one row read at most). */
export async function anyDataFlow(db: Db, orgId: string): Promise<boolean> {
  const row = await db
    .selectFrom('data_flows')
    .select('id')
    .where('org_id', '=', orgId)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}
