import type { Db } from '../../../platform/db/types';
import type { WebhookEndpointsTable } from '../tables';

// The only place that reads and writes webhook_endpoints (issue 11: one owner per table).

export async function insertEndpoint(trx: Db, row: WebhookEndpointsTable): Promise<void> {
  await trx.insertInto('webhook_endpoints').values(row).execute();
}

export async function updateEndpoint(
  trx: Db,
  orgId: string,
  id: string,
  values: Partial<WebhookEndpointsTable>,
): Promise<void> {
  await trx
    .updateTable('webhook_endpoints')
    .set(values)
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** Removes an endpoint with its deliveries and their attempts. */
export async function deleteEndpoint(trx: Db, orgId: string, id: string): Promise<void> {
  const deliveries = trx
    .selectFrom('webhook_deliveries')
    .select('id')
    .where('org_id', '=', orgId)
    .where('endpoint_id', '=', id);
  await trx
    .deleteFrom('webhook_attempts')
    .where('org_id', '=', orgId)
    .where('delivery_id', 'in', deliveries)
    .execute();
  await trx
    .deleteFrom('webhook_deliveries')
    .where('org_id', '=', orgId)
    .where('endpoint_id', '=', id)
    .execute();
  await trx
    .deleteFrom('webhook_endpoints')
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .execute();
}

/** One endpoint of the organization; another organization's id finds nothing (164.308(a)(4)). */
export async function findEndpoint(
  db: Db,
  orgId: string,
  id: string,
): Promise<WebhookEndpointsTable | undefined> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

export async function listEndpoints(db: Db, orgId: string): Promise<WebhookEndpointsTable[]> {
  return db
    .selectFrom('webhook_endpoints')
    .selectAll()
    .where('org_id', '=', orgId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

/** The active endpoints of an organization with the event types each wants (the audit listener). */
export async function activeSubscriptions(
  db: Db,
  orgId: string,
): Promise<{ id: string; event_types: string }[]> {
  return db
    .selectFrom('webhook_endpoints')
    .select(['id', 'event_types'])
    .where('org_id', '=', orgId)
    .where('active', '=', 1)
    .execute();
}
