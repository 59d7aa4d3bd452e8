import { isPostgres } from '../../platform/db/dialect';
import type { Db } from '../../platform/db/types';
import type { DocumentReviewsTable, DocumentsTable, DocumentVersionsTable } from './tables';

// The only place that reads and writes the documents tables (issue 11: one owner per table).
// Every method takes the organization id: another organization's id finds nothing (164.308(a)(4)).

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

/** Removes a document with its versions and reviews (the service checks retention first). */
export async function deleteDocument(trx: Db, orgId: string, id: string): Promise<void> {
  await trx
    .deleteFrom('document_reviews')
    .where('org_id', '=', orgId)
    .where('document_id', '=', id)
    .execute();
  await trx
    .deleteFrom('document_versions')
    .where('org_id', '=', orgId)
    .where('document_id', '=', id)
    .execute();
  await trx.deleteFrom('documents').where('org_id', '=', orgId).where('id', '=', id).execute();
}

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

/**
 * Locks the document's row for the rest of the transaction (PostgreSQL; SQLite serialises
 * writers), so two state changes of its versions never interleave.
 */
export async function lockDocument(
  trx: Db,
  orgId: string,
  id: string,
): Promise<DocumentsTable | undefined> {
  if (!isPostgres(trx)) return findDocument(trx, orgId, id);
  return trx
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .forUpdate()
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

export async function findDocumentsByIds(
  db: Db,
  orgId: string,
  ids: readonly string[],
): Promise<DocumentsTable[]> {
  if (ids.length === 0) return [];
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', 'in', ids)
    .execute();
}

/** Documents whose next review falls between two dates (the sweep, the dashboard). */
export async function listReviewsDueBetween(
  db: Db,
  orgId: string,
  from: string,
  to: string,
): Promise<DocumentsTable[]> {
  return db
    .selectFrom('documents')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('next_review_on', '>=', from)
    .where('next_review_on', '<=', to)
    .orderBy('next_review_on')
    .execute();
}

export async function insertVersion(trx: Db, row: DocumentVersionsTable): Promise<void> {
  await trx.insertInto('document_versions').values(row).execute();
}

export async function updateVersion(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<DocumentVersionsTable>,
): Promise<void> {
  await trx
    .updateTable('document_versions')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteVersion(trx: Db, orgId: string, id: string): Promise<void> {
  await trx
    .deleteFrom('document_versions')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function findVersion(
  db: Db,
  orgId: string,
  documentId: string,
  id: string,
): Promise<DocumentVersionsTable | undefined> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_id', '=', documentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/** A document's versions, newest first. */
export async function listVersions(
  db: Db,
  orgId: string,
  documentId: string,
): Promise<DocumentVersionsTable[]> {
  return db
    .selectFrom('document_versions')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_id', '=', documentId)
    .orderBy('number', 'desc')
    .execute();
}

/** The versions of several documents in the given statuses (the list page), without bodies. */
export async function listVersionsIn(
  db: Db,
  orgId: string,
  statuses: readonly string[],
): Promise<Omit<DocumentVersionsTable, 'body'>[]> {
  return db
    .selectFrom('document_versions')
    .select([
      'id',
      'org_id',
      'document_id',
      'number',
      'status',
      'title',
      'kind',
      'sha256',
      'change_summary',
      'based_on_number',
      'created_at',
      'created_by',
      'submitted_at',
      'submitted_by',
      'submitters',
      'approved_at',
      'approved_by',
      'approval_note',
      'effective_on',
      'ended_at',
      'retain_until',
      'updated_at',
    ])
    .where('org_id', '=', orgId)
    .where('status', 'in', statuses)
    .execute();
}

export async function insertReview(trx: Db, row: DocumentReviewsTable): Promise<void> {
  await trx.insertInto('document_reviews').values(row).execute();
}

export async function listReviews(
  db: Db,
  orgId: string,
  documentId: string,
): Promise<DocumentReviewsTable[]> {
  return db
    .selectFrom('document_reviews')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('document_id', '=', documentId)
    .orderBy('reviewed_at', 'desc')
    .execute();
}

/** The organization's versions among `ids`, with their document's number (other features name them). */
export async function findVersionsByIds(db: Db, orgId: string, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db
    .selectFrom('document_versions')
    .innerJoin('documents', (join) =>
      join
        .onRef('documents.id', '=', 'document_versions.document_id')
        .onRef('documents.org_id', '=', 'document_versions.org_id'),
    )
    .select([
      'document_versions.id',
      'document_versions.document_id',
      'document_versions.number',
      'document_versions.title',
      'documents.number as document_number',
    ])
    .where('document_versions.org_id', '=', orgId)
    .where('document_versions.id', 'in', [...ids])
    .execute();
}
