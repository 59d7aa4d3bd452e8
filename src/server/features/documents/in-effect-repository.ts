import type { Db } from '../../platform/db/types';

export interface InEffectRow {
  document_id: string;
  document_number: number;
  version_id: string;
  version_number: number;
  title: string;
  sha256: string;
  effective_on: string | null;
}

function inEffect(db: Db, orgId: string) {
  return db
    .selectFrom('document_versions')
    .innerJoin('documents', 'documents.id', 'document_versions.document_id')
    .select([
      'documents.id as document_id',
      'documents.number as document_number',
      'document_versions.id as version_id',
      'document_versions.number as version_number',
      'document_versions.title',
      'document_versions.sha256',
      'document_versions.effective_on',
    ])
    .where('document_versions.org_id', '=', orgId)
    .where('documents.org_id', '=', orgId)
    .where('document_versions.status', '=', 'in_effect');
}

/** The version in effect of each of the organization's documents (all, or those named). */
export async function listInEffect(
  db: Db,
  orgId: string,
  documentIds?: readonly string[],
): Promise<InEffectRow[]> {
  let query = inEffect(db, orgId);
  if (documentIds) {
    if (documentIds.length === 0) return [];
    query = query.where('documents.id', 'in', documentIds);
  }
  return query.orderBy('documents.number').execute();
}

/** One version, if it is in effect, with its text. */
export async function findInEffectWithBody(
  db: Db,
  orgId: string,
  versionId: string,
): Promise<(InEffectRow & { body: string }) | undefined> {
  return inEffect(db, orgId)
    .select('document_versions.body')
    .where('document_versions.id', '=', versionId)
    .executeTakeFirst();
}

/** The document a version of this organization belongs to, whatever the version's status. */
export async function findVersionDocument(
  db: Db,
  orgId: string,
  versionId: string,
): Promise<{ document_id: string; number: number } | undefined> {
  return db
    .selectFrom('document_versions')
    .select(['document_id', 'number'])
    .where('org_id', '=', orgId)
    .where('id', '=', versionId)
    .executeTakeFirst();
}
