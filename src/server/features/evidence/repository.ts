import type { Db } from '../../platform/db/types';
import type { EvidenceTable } from './tables';

// The only place that reads and writes the evidence table (issue 11: one owner per table).

export async function insertEvidenceItem(trx: Db, row: EvidenceTable): Promise<void> {
  await trx.insertInto('evidence').values(row).execute();
}

export async function updateEvidenceItem(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<EvidenceTable>,
): Promise<void> {
  await trx
    .updateTable('evidence')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteEvidenceItem(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('evidence').where('org_id', '=', orgId).where('id', '=', id).execute();
}

/** One record of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findEvidenceItem(
  db: Db,
  orgId: string,
  id: string,
): Promise<EvidenceTable | undefined> {
  return db
    .selectFrom('evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listEvidence(db: Db, orgId: string): Promise<EvidenceTable[]> {
  return db
    .selectFrom('evidence')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('number')
    .execute();
}
