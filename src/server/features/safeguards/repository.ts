import type { SafeguardsTable } from './tables';
import type { Db } from '../../platform/db/types';

export interface SafeguardRow extends SafeguardsTable {
  owner_name: string | null;
  approver_name: string | null;
}

function withNames(db: Db, orgId: string) {
  return db
    .selectFrom('safeguards')
    .leftJoin('users as owner', 'owner.id', 'safeguards.owner_id')
    .leftJoin('users as approver', 'approver.id', 'safeguards.decision_approved_by')
    .selectAll('safeguards')
    .select(['owner.name as owner_name', 'approver.name as approver_name'])
    .where('safeguards.org_id', '=', orgId);
}

/** The organization's stored safeguard records (at most one per requirement). */
export async function listSafeguardRows(db: Db, orgId: string): Promise<SafeguardRow[]> {
  return withNames(db, orgId).execute();
}

export async function findSafeguardRow(
  db: Db,
  orgId: string,
  requirementId: string,
): Promise<SafeguardRow | undefined> {
  return withNames(db, orgId)
    .where('safeguards.requirement_id', '=', requirementId)
    .executeTakeFirst();
}

/** Names of users, for readable history. */
export async function findNames(db: Db, ids: readonly string[]) {
  if (ids.length === 0) return [];
  return db.selectFrom('users').select(['id', 'name']).where('id', 'in', ids).execute();
}

export async function insertSafeguard(trx: Db, row: SafeguardsTable): Promise<void> {
  await trx.insertInto('safeguards').values(row).execute();
}

export async function updateSafeguard(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<SafeguardsTable>,
): Promise<void> {
  await trx
    .updateTable('safeguards')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** The organization's facts that decide where "not applicable" is allowed. */
export async function findApplicability(db: Db, orgId: string) {
  return db
    .selectFrom('organizations')
    .select(['entity_type', 'includes_group_health_plan', 'includes_clearinghouse', 'time_zone'])
    .where('id', '=', orgId)
    .executeTakeFirst();
}

/** Audit events about one record, newest first. */
export async function listEntityEvents(db: Db, orgId: string, type: string, id: string) {
  return db
    .selectFrom('audit_events')
    .select(['occurred_at', 'actor_label', 'action', 'changes'])
    .where('org_id', '=', orgId)
    .where('entity_type', '=', type)
    .where('entity_id', '=', id)
    .orderBy('seq', 'desc')
    .limit(200)
    .execute();
}
