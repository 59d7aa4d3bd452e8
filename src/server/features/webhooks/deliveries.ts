import type { Delivery } from '../../../contracts/webhooks';
import type { AuditContext } from '../../platform/audit/append';
import { appendAuditEvent } from '../../platform/audit/append';
import type { Db } from '../../platform/db/types';
import type { AppDeps } from '../../platform/deps';
import { AppError } from '../../platform/errors';
import { createDeliveryIn, type DeliveryDeps } from './deliver';
import { testPayload } from './payload';
import { presentDelivery } from './presenter';
import { findDelivery, listAttempts, listDeliveries } from './repository/deliveries';
import { findEndpoint } from './repository/endpoints';

async function endpointOf(db: Db, orgId: string, id: string) {
  const row = await findEndpoint(db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such webhook endpoint.');
  return row;
}

/** A page of an endpoint's deliveries, newest first, each with every attempt. */
export async function listDeliveriesPage(
  deps: AppDeps,
  orgId: string,
  endpointId: string,
  query: { cursor?: string | undefined; limit: number },
): Promise<{ data: Delivery[]; nextCursor: string | null }> {
  const db = deps.database.db;
  await endpointOf(db, orgId, endpointId);
  const rows = await listDeliveries(db, orgId, endpointId, {
    cursor: query.cursor,
    limit: query.limit + 1,
  });
  const page = rows.slice(0, query.limit);
  const attempts = await listAttempts(
    db,
    orgId,
    page.map((r) => r.id),
  );
  return {
    data: page.map((r) =>
      presentDelivery(
        r,
        attempts.filter((a) => a.delivery_id === r.id),
      ),
    ),
    nextCursor: rows.length > query.limit ? (page.at(-1)?.id ?? null) : null,
  };
}

/** Queues a `webhook.test` event to one endpoint (even one turned off, to try it first). */
export async function sendTestEvent(
  deps: AppDeps & DeliveryDeps,
  context: AuditContext,
  orgId: string,
  endpointId: string,
): Promise<Delivery> {
  const id = await deps.database.db.transaction().execute(async (trx) => {
    const endpoint = await endpointOf(trx, orgId, endpointId);
    const payload = testPayload(
      orgId,
      endpoint.id,
      { type: context.actor.type, id: context.actor.id },
      deps.clock.now().toISOString(),
    );
    const deliveryId = await createDeliveryIn(trx, deps, { id: endpoint.id, orgId }, payload);
    await appendAuditEvent(trx, deps, context, {
      orgId,
      action: 'webhook.test_sent',
      entity: { type: 'webhook', id: endpoint.id },
    });
    return deliveryId;
  });
  const row = await findDelivery(deps.database.db, orgId, id);
  if (!row) throw new AppError('not_found', 'No such delivery.');
  return presentDelivery(row, []);
}
