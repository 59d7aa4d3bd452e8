import type { Db } from '../../../platform/db/types';
import type { WebhookAttemptsTable, WebhookDeliveriesTable } from '../tables';

// The only place that reads and writes webhook_deliveries and webhook_attempts.

export async function insertDelivery(trx: Db, row: WebhookDeliveriesTable): Promise<void> {
  await trx.insertInto('webhook_deliveries').values(row).execute();
}

/**
 * A delivery by id alone: the delivery job carries only the id and reads the organization from
 * the row (a job runs for no request and no organization).
 */
export async function findDeliveryForJob(
  db: Db,
  id: string,
): Promise<WebhookDeliveriesTable | undefined> {
  return db.selectFrom('webhook_deliveries').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findDelivery(
  db: Db,
  orgId: string,
  id: string,
): Promise<WebhookDeliveriesTable | undefined> {
  return db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('id', '=', id)
    .executeTakeFirst();
}

/**
 * Takes attempt `attempt` of a pending delivery: true for the one caller whose update found the
 * delivery still at the attempt before, so two runs of the same job never send twice at once.
 */
export async function claimAttempt(trx: Db, id: string, attempt: number): Promise<boolean> {
  const result = await trx
    .updateTable('webhook_deliveries')
    .set({ attempts: attempt, next_attempt_at: null })
    .where('id', '=', id)
    .where('state', '=', 'pending')
    .where('attempts', '=', attempt - 1)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

/**
 * Records how an attempt left the delivery; false when the delivery is gone (its endpoint was
 * removed while the attempt ran). Updated first in its transaction, the row stays locked until
 * the attempt is recorded, so a removal waits for it.
 */
export async function finishDelivery(
  trx: Db,
  id: string,
  values: Pick<WebhookDeliveriesTable, 'state' | 'next_attempt_at' | 'finished_at'>,
): Promise<boolean> {
  const result = await trx
    .updateTable('webhook_deliveries')
    .set(values)
    .where('id', '=', id)
    .executeTakeFirst();
  return result.numUpdatedRows === 1n;
}

export async function insertAttempt(trx: Db, row: WebhookAttemptsTable): Promise<void> {
  await trx.insertInto('webhook_attempts').values(row).execute();
}

/** A page of an endpoint's deliveries, newest first (ids are UUIDv7: their order is time's). */
export async function listDeliveries(
  db: Db,
  orgId: string,
  endpointId: string,
  page: { cursor?: string | undefined; limit: number },
): Promise<WebhookDeliveriesTable[]> {
  let query = db
    .selectFrom('webhook_deliveries')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('endpoint_id', '=', endpointId);
  if (page.cursor !== undefined) query = query.where('id', '<', page.cursor);
  return query.orderBy('id', 'desc').limit(page.limit).execute();
}

export async function listAttempts(
  db: Db,
  orgId: string,
  deliveryIds: readonly string[],
): Promise<WebhookAttemptsTable[]> {
  if (deliveryIds.length === 0) return [];
  return db
    .selectFrom('webhook_attempts')
    .selectAll()
    .where('org_id', '=', orgId)
    .where('delivery_id', 'in', deliveryIds)
    .orderBy('attempt')
    .execute();
}
