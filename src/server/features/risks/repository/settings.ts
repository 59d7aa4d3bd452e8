import type { RiskLibraryItemsTable } from '../tables';
import type { Db } from '../../../platform/db/types';

export async function readMatrixJson(db: Db, orgId: string): Promise<string | null> {
  const row = await db
    .selectFrom('organizations')
    .select('risk_matrix')
    .where('id', '=', orgId)
    .executeTakeFirst();
  return row?.risk_matrix ?? null;
}

export async function writeMatrixJson(trx: Db, orgId: string, json: string): Promise<void> {
  await trx
    .updateTable('organizations')
    .set({ risk_matrix: json })
    .where('id', '=', orgId)
    .execute();
}

export async function listLibraryItems(db: Db, orgId: string) {
  return db
    .selectFrom('risk_library_items')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('key')
    .execute();
}

export async function insertLibraryItem(trx: Db, row: RiskLibraryItemsTable): Promise<void> {
  await trx.insertInto('risk_library_items').values(row).execute();
}
