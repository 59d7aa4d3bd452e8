import type { Kysely } from 'kysely';
import type { Database } from '../../../db/schema';
import type { RiskLibraryItemsTable } from '../tables';
import { prepared } from '../../../platform/db/prepared';
import type { Db } from '../../../platform/db/types';

// Compiled once: both run on every page of the risk register.
const matrixOf = prepared((db: Kysely<Database>, slot: (name: 'orgId') => string) =>
  db.selectFrom('organizations').select('risk_matrix').where('id', '=', slot('orgId')),
);
const libraryTitlesOf = prepared((db: Kysely<Database>, slot: (name: 'orgId') => string) =>
  db
    .selectFrom('risk_library_items')
    .select(['kind', 'key', 'title'])
    .where('org_id', '=', slot('orgId'))
    .orderBy('key'),
);

export async function readMatrixJson(db: Db, orgId: string): Promise<string | null> {
  const [row] = await matrixOf(db, { orgId });
  return row?.risk_matrix ?? null;
}

/** Kind, key and title of the organization's own library items (what a risk shows of them). */
export async function listLibraryTitles(db: Db, orgId: string) {
  return libraryTitlesOf(db, { orgId });
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
