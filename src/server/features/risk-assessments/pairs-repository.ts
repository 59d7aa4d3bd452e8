import type { NegligiblePairsTable } from './tables';
import type { Db } from '../../platform/db/types';

export interface NegligiblePairRow extends NegligiblePairsTable {
  decided_by_name: string | null;
}

/** The pairs an assessment judged negligible, with the name of who judged. */
export async function listNegligiblePairs(
  db: Db,
  orgId: string,
  assessmentId: string,
): Promise<NegligiblePairRow[]> {
  return db
    .selectFrom('negligible_pairs')
    .leftJoin('users', 'users.id', 'negligible_pairs.decided_by')
    .selectAll('negligible_pairs')
    .select('users.name as decided_by_name')
    .where('negligible_pairs.org_id', '=', orgId)
    .where('negligible_pairs.assessment_id', '=', assessmentId)
    .orderBy('negligible_pairs.decided_at')
    .orderBy('negligible_pairs.id')
    .execute();
}

export async function findNegligiblePair(
  db: Db,
  orgId: string,
  assessmentId: string,
  where: { id: string } | { assetId: string; threatId: string },
): Promise<NegligiblePairsTable | undefined> {
  let query = db
    .selectFrom('negligible_pairs')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('assessment_id', '=', assessmentId);
  query =
    'id' in where
      ? query.where('id', '=', where.id)
      : query.where('asset_id', '=', where.assetId).where('threat_id', '=', where.threatId);
  return query.executeTakeFirst();
}

export async function insertNegligiblePairs(
  trx: Db,
  rows: readonly NegligiblePairsTable[],
): Promise<void> {
  if (rows.length === 0) return;
  await trx.insertInto('negligible_pairs').values(rows).execute();
}

export async function updateNegligibleReason(
  trx: Db,
  orgId: string,
  id: string,
  values: Pick<NegligiblePairsTable, 'reason' | 'decided_by' | 'decided_at'>,
): Promise<void> {
  await trx
    .updateTable('negligible_pairs')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteNegligiblePair(trx: Db, orgId: string, id: string): Promise<void> {
  await trx
    .deleteFrom('negligible_pairs')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}
