import type { OrganizationsTable } from '../tables';
import type { Db } from '../../../platform/db/types';

/** The columns a new organization starts with; the profile is filled in later. */
export type NewOrganization = Pick<
  OrganizationsTable,
  | 'id'
  | 'name'
  | 'time_zone'
  | 'idle_timeout_minutes'
  | 'escalate_overdue_after_days'
  | 'mfa_required'
  | 'created_at'
>;

export async function insertOrganization(trx: Db, row: NewOrganization): Promise<void> {
  await trx
    .insertInto('organizations')
    .values({ ...row, includes_group_health_plan: 0, includes_clearinghouse: 0, locations: '[]' })
    .execute();
}

export async function findOrganization(
  db: Db,
  orgId: string,
): Promise<OrganizationsTable | undefined> {
  return db.selectFrom('organizations').selectAll().where('id', '=', orgId).executeTakeFirst();
}

export async function updateOrganizationSettings(
  trx: Db,
  orgId: string,
  values: Partial<Omit<OrganizationsTable, 'id' | 'created_at'>>,
): Promise<void> {
  await trx.updateTable('organizations').set(values).where('id', '=', orgId).execute();
}

export async function findUserNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name', 'email']).where('id', 'in', ids).execute();
}
