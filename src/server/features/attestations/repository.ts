import type { Db } from '../../platform/db/types';
import type {
  PolicyAcknowledgementsTable,
  PolicyAudienceTable,
  PolicyPublicationsTable,
} from './tables';

// The only place that reads and writes the attestation tables (issue 11: one owner per table).

export async function listPublications(
  db: Db,
  orgId: string,
  documentIds?: readonly string[],
): Promise<PolicyPublicationsTable[]> {
  let query = db.selectFrom('policy_publications').selectAll().where('org_id', '=', orgId);
  if (documentIds) {
    if (documentIds.length === 0) return [];
    query = query.where('document_id', 'in', documentIds);
  }
  return query.execute();
}

export async function listAudience(
  db: Db,
  orgId: string,
  documentIds?: readonly string[],
): Promise<PolicyAudienceTable[]> {
  let query = db.selectFrom('policy_audience').selectAll().where('org_id', '=', orgId);
  if (documentIds) {
    if (documentIds.length === 0) return [];
    query = query.where('document_id', 'in', documentIds);
  }
  return query.execute();
}

/** Replaces a policy's audience and publication in one go. */
export async function savePublication(
  trx: Db,
  publication: PolicyPublicationsTable,
  audience: readonly PolicyAudienceTable[],
): Promise<void> {
  await trx
    .insertInto('policy_publications')
    .values(publication)
    .onConflict((oc) =>
      oc.column('document_id').doUpdateSet({
        due_days: publication.due_days,
        published_at: publication.published_at,
        published_by: publication.published_by,
      }),
    )
    .execute();
  await trx
    .deleteFrom('policy_audience')
    .where('org_id', '=', publication.org_id)
    .where('document_id', '=', publication.document_id)
    .execute();
  if (audience.length > 0)
    await trx
      .insertInto('policy_audience')
      .values([...audience])
      .execute();
}

/** The acknowledgements of the given versions. */
export async function listAcknowledgements(
  db: Db,
  orgId: string,
  versionIds: readonly string[],
): Promise<PolicyAcknowledgementsTable[]> {
  if (versionIds.length === 0) return [];
  return db
    .selectFrom('policy_acknowledgements')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('version_id', 'in', versionIds)
    .execute();
}

/** Records an acknowledgement once; a second one of the same version by the same person is kept out. */
export async function insertAcknowledgement(
  trx: Db,
  row: PolicyAcknowledgementsTable,
): Promise<boolean> {
  const result = await trx
    .insertInto('policy_acknowledgements')
    .values(row)
    .onConflict((oc) => oc.columns(['version_id', 'user_id']).doNothing())
    .executeTakeFirst();
  return Number(result.numInsertedOrUpdatedRows ?? 0) > 0;
}
