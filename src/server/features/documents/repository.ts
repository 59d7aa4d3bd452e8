import type { Db } from '../../platform/db/types';
import type { DocumentsTable } from './tables';

// The only place that reads and writes the documents table (issue 11: one owner per table).

export async function insertDocument(trx: Db, row: DocumentsTable): Promise<void> {
  await trx.insertInto('documents').values(row).execute();
}

export async function updateDocument(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<DocumentsTable>,
): Promise<void> {
  await trx
    .updateTable('documents')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteDocument(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('documents').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** One record of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findDocument(
  db: Db,
  orgId: string,
  id: string,
): Promise<DocumentsTable | undefined> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listDocuments(db: Db, orgId: string): Promise<DocumentsTable[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('number')
    .execute();
}
