import type { Db } from '../../platform/db/types';
import type { SanctionsTable, SanctionTiersTable } from './tables';

// The only place that reads and writes the sanctions tables (issue 11).

/** A record with the names a response shows. */
export interface SanctionRow extends SanctionsTable {
  decider_name: string | null;
  signer_name: string | null;
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('sanctions')
    .leftJoin('users as decider', 'decider.id', 'sanctions.decided_by')
    .leftJoin('users as signer', 'signer.id', 'sanctions.hr_signed_off_by')
    .selectAll('sanctions')
    .select(['decider.name as decider_name', 'signer.name as signer_name'])
    .where('sanctions.org_id', '=', orgId);
}

export async function listSanctions(
  db: Db,
  orgId: string,
  personId: string | undefined,
): Promise<SanctionRow[]> {
  let query = withNames(db, orgId);
  if (personId) query = query.where('sanctions.person_id', '=', personId);
  return query
    .orderBy('sanctions.decided_on', 'desc')
    .orderBy('sanctions.number', 'desc')
    .execute();
}

export async function findSanction(
  db: Db,
  orgId: string,
  id: string,
): Promise<SanctionRow | undefined> {
  return withNames(db, orgId).where('sanctions.id', '=', id).executeTakeFirst();
}

export async function insertSanction(trx: Db, row: SanctionsTable): Promise<void> {
  await trx.insertInto('sanctions').values(row).execute();
}

export async function updateSanction(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<SanctionsTable>,
): Promise<void> {
  await trx
    .updateTable('sanctions')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function listTiers(db: Db, orgId: string): Promise<SanctionTiersTable[]> {
  return db
    .selectFrom('sanction_tiers')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('rank')
    .execute();
}

export async function replaceTiers(
  trx: Db,
  orgId: string,
  rows: readonly SanctionTiersTable[],
): Promise<void> {
  await trx.deleteFrom('sanction_tiers').where('org_id', '=', orgId).execute();
  await trx
    .insertInto('sanction_tiers')
    .values([...rows])
    .execute();
}
