import type { Db } from '../../platform/db/types';
import type { SanctionsTable, SanctionTiersTable } from './tables';

// The only place that reads and writes the sanctions tables (issue 11).

/** A record with the names a response shows. */
export interface SanctionRow extends SanctionsTable {
  decider_name: string | null;
  signer_name: string | null;
  acknowledger_name: string | null;
  /** The Custos account of the person the sanction is about, if they have one. */
  person_user_id: string | null;
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('sanctions')
    .leftJoin('users as decider', 'decider.id', 'sanctions.decided_by')
    .leftJoin('users as signer', 'signer.id', 'sanctions.hr_signed_off_by')
    .leftJoin('users as acknowledger', 'acknowledger.id', 'sanctions.acknowledged_by')
    .leftJoin('people', (join) =>
      join.onRef('people.id', '=', 'sanctions.person_id').on('people.org_id', '=', orgId),
    )
    .selectAll('sanctions')
    .select([
      'decider.name as decider_name',
      'signer.name as signer_name',
      'acknowledger.name as acknowledger_name',
      'people.user_id as person_user_id',
    ])
    .where('sanctions.org_id', '=', orgId);
}

/** The records about the roster people linked to a user's account, newest first. */
export async function listSanctionsAbout(
  db: Db,
  orgId: string,
  userId: string,
): Promise<SanctionRow[]> {
  return withNames(db, orgId)
    .where('people.user_id', '=', userId)
    .orderBy('sanctions.decided_on', 'desc')
    .orderBy('sanctions.number', 'desc')
    .execute();
}

/** How many records decided on or before `decidedBy` still lack the HR sign-off or the acknowledgement. */
export async function countAwaiting(db: Db, orgId: string, decidedBy: string): Promise<number> {
  const row = await db
    .selectFrom('sanctions')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('org_id', '=', orgId)
    .where('decided_on', '<=', decidedBy)
    .where((eb) => eb.or([eb('hr_signed_off_by', 'is', null), eb('acknowledged_on', 'is', null)]))
    .executeTakeFirst();
  return Number(row?.n ?? 0);
}

/** The tier names the records were decided with (lower case), each once. */
export async function usedTierNames(db: Db, orgId: string): Promise<Set<string>> {
  const rows = await db
    .selectFrom('sanctions')
    .select('decision_name')
    .distinct()
    .where('org_id', '=', orgId)
    .execute();
  return new Set(rows.map((r) => r.decision_name.toLowerCase()));
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
