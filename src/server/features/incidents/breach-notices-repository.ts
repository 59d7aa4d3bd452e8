import type { Db } from '../../platform/db/types';
import type { BreachMediaNoticesTable, BreachNoticesTable, BreachUnreachableTable } from './tables';

// The notices' SQL (issue 16 part 5). Every method takes the organization id.

/** An incident's notices, in the order they were sent. */
export async function listNotices(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<BreachNoticesTable[]> {
  return db
    .selectFrom('breach_notices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .orderBy('sent_on')
    .orderBy('id')
    .execute();
}

export async function findNotice(
  db: Db,
  orgId: string,
  incidentId: string,
  id: string,
): Promise<BreachNoticesTable | undefined> {
  return db
    .selectFrom('breach_notices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function insertNotice(trx: Db, row: BreachNoticesTable): Promise<void> {
  await trx.insertInto('breach_notices').values(row).execute();
}

export async function updateNotice(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<BreachNoticesTable>,
): Promise<void> {
  await trx
    .updateTable('breach_notices')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

export async function deleteNotice(trx: Db, orgId: string, id: string): Promise<void> {
  await trx.deleteFrom('breach_notices').where('org_id', '=', orgId).where('id', '=', id).execute();
}

export async function findUnreachable(
  db: Db,
  orgId: string,
  incidentId: string,
): Promise<BreachUnreachableTable | undefined> {
  return db
    .selectFrom('breach_unreachable')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .executeTakeFirst();
}

export async function saveUnreachable(trx: Db, row: BreachUnreachableTable): Promise<void> {
  const { unreachable, updated_at, updated_by } = row;
  await trx
    .insertInto('breach_unreachable')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'incident_id']).doUpdateSet({ unreachable, updated_at, updated_by }),
    )
    .execute();
}

export async function findMediaNotice(
  db: Db,
  orgId: string,
  incidentId: string,
  state: string,
): Promise<BreachMediaNoticesTable | undefined> {
  return db
    .selectFrom('breach_media_notices')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('incident_id', '=', incidentId)
    .where('state', '=', state)
    .executeTakeFirst();
}

export async function upsertMediaNotice(trx: Db, row: BreachMediaNoticesTable): Promise<void> {
  const { body, updated_at, updated_by } = row;
  await trx
    .insertInto('breach_media_notices')
    .values(row)
    .onConflict((oc) =>
      oc.columns(['org_id', 'incident_id', 'state']).doUpdateSet({ body, updated_at, updated_by }),
    )
    .execute();
}
